package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

// benchSite is n articles, a few a day, whose titles and summaries draw on
// a vocabulary of some thousands of made-up words, as a digest's do.
func benchSite(b *testing.B, n int) *site.Site {
	b.Helper()
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\ntopics:\n  economy: {name: Economy}\n  climate: {name: Climate}\n"))
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%xord", i*7919%65536)
	}
	words := func(k int) string {
		var s []string
		for range k {
			w := vocab[int(rng.ExpFloat64()*600)%len(vocab)]
			if rng.IntN(8) == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			s = append(s, w)
		}
		return strings.Join(s, " ")
	}
	entries := make([]*content.Entry, 0, n)
	for i := range n {
		day := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 3 * time.Hour)
		src := fmt.Sprintf("---\ntitle: %s\ndate: %s\nsummary: %s.\ntopics: [economy, climate]\nsource: Wire %d\n---\n",
			words(7), day.Format("2006-01-02 15:04"), words(40), i%9)
		e, err := content.ParseEntry(fmt.Sprintf("content/%s/s%d.md", day.Format("2006/01/02"), i), []byte(src), cfg)
		if err != nil {
			b.Fatal(err)
		}
		entries = append(entries, e)
	}
	content.SortNewestFirst(entries)
	return site.New(cfg, entries, site.Options{Now: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)})
}

// BenchmarkFiles is the index of 10,000 articles, made again whole as a
// warm build does after a title changes.
func BenchmarkFiles(b *testing.B) {
	s := benchSite(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		Files(s)
	}
}
