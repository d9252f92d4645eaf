package render

import (
	"bytes"
	"testing"

	"github.com/digest-news/digest/generator/deps"
)

// BenchmarkPages renders the first page of each kind of the test site with
// the default theme, over and over, as a cold build renders them.
func BenchmarkPages(b *testing.B) {
	s := testSite(b)
	r := testRenderer(b)
	seen := map[string]bool{}
	for _, p := range s.Pages() {
		if seen[p.Kind] {
			continue
		}
		seen[p.Kind] = true
		b.Run(p.Kind, func(b *testing.B) {
			var buf bytes.Buffer
			var reads deps.Reads
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				reads.Reset()
				if err := r.Page(&buf, p, testTexts{}, &reads); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
