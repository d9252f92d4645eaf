package markdown

import (
	"testing"

	"github.com/digest-news/digest/generator/markdown/pathological"
)

// BenchmarkPathological converts each generated worst case for a page and a
// feed at once, as a build does; the target is under 2 s and 500 MB each.
func BenchmarkPathological(b *testing.B) {
	c := New()
	for _, tc := range pathological.Cases() {
		b.Run(tc.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.Src)))
			for b.Loop() {
				_, _, _ = c.ConvertBoth(tc.Src, nil, nil)
			}
		})
	}
}
