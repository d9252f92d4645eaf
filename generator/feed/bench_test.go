package feed

import (
	"os"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/site"
)

// BenchmarkEach writes every feed of the site in $FEED_BENCH_SITE (a folder
// with digest.yaml and content/, such as a generated 10,000-entry site).
// With -cpu 1 its time per op is the CPU the feeds cost, minified as a
// build minifies them.
func BenchmarkEach(b *testing.B) {
	dir := os.Getenv("FEED_BENCH_SITE")
	if dir == "" {
		b.Skip("set FEED_BENCH_SITE=DIR to a site folder")
	}
	cfg, entries, err := content.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	s := site.New(cfg, entries, site.Options{Now: time.Now()})
	b.ResetTimer()
	for b.Loop() {
		if err := Each(s, testBody, publish.Minify, nil, func(File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
