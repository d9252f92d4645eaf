package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// normTitle compares titles as the evaluation script does: lowercased words.
func normTitle(s string) string {
	return strings.Join(tok.FindAllString(strings.ToLower(s), -1), " ")
}

// TestEvalNewsRaw scores CleanText on the whole-page dumps of the 50 news
// pages of readability-pages: title exact, publication day and body F1, each
// failing below a floor just under today's score (one page for the counts).
// INGEST_EVAL_V=1 lists the misses.
func TestEvalNewsRaw(t *testing.T) {
	pages, ok := newsPages(filepath.Join(corpora(t), "readability-pages"))
	if !ok {
		t.Skip("no kinds.tsv")
	}
	verbose := os.Getenv("INGEST_EVAL_V") != ""
	var sp, sr float64
	n, titles, nTitles, days, nDays := 0, 0, 0, 0, 0
	for _, pg := range pages {
		name, truth := pg.name, pg.truth
		a := CleanText(string(pg.raw), time.UTC)
		if p, r, ok := shingleScore(a.Body(), truth.Body); ok {
			sp, sr, n = sp+p, sr+r, n+1
			if verbose && p*r < 0.8 {
				t.Logf("%s body P=%.3f R=%.3f", name, p, r)
			}
		}
		if truth.Title != "" {
			nTitles++
			if pg.sameTitle(a) {
				titles++
			} else if verbose {
				t.Logf("%s title %q, want %q", name, a.Title, truth.Title)
			}
		}
		if truth.PublishedTime != "" {
			nDays++
			if got, ok := pg.sameDay(a); ok {
				days++
			} else if verbose {
				t.Logf("%s date %q, want %q", name, got, truth.PublishedTime)
			}
		}
	}
	if n == 0 {
		t.Skip("no news pages")
	}
	mp, mr := sp/float64(n), sr/float64(n)
	t.Logf("raw text, readability-pages news: pages=%d title=%d/%d day=%d/%d", n, titles, nTitles, days, nDays)
	checkFloor(t, "news title exact", float64(titles)/float64(max(nTitles, 1)), 0.71, 0.80)
	checkFloor(t, "news date same day", float64(days)/float64(max(nDays, 1)), 0.75, 0.90)
	checkFloor(t, "news body F1", 2*mp*mr/(mp+mr), 0.912, 0.92)
}

// newsPage is one of the news pages of readability-pages: its whole-page
// dump and what the page truly holds.
type newsPage struct {
	name, dir string
	raw       []byte
	truth     struct{ Title, PublishedTime, Body string }
}

// newsPages are the news pages of readability-pages (kinds.tsv) that have a
// dump and a truth; ok is false without kinds.tsv.
func newsPages(dir string) (pages []newsPage, ok bool) {
	kinds, err := os.ReadFile(filepath.Join(dir, "kinds.tsv"))
	if err != nil {
		return nil, false
	}
	for _, line := range strings.Split(string(kinds), "\n")[1:] {
		name, kind, _ := strings.Cut(line, "\t")
		if kind != "news" {
			continue
		}
		pg := newsPage{name: name, dir: filepath.Join(dir, name)}
		raw, err := os.ReadFile(filepath.Join(pg.dir, "raw.txt"))
		tj, err2 := os.ReadFile(filepath.Join(pg.dir, "truth.json"))
		if err != nil || err2 != nil || json.Unmarshal(tj, &pg.truth) != nil {
			continue
		}
		pg.raw = raw
		pages = append(pages, pg)
	}
	return pages, true
}

func (pg newsPage) sameTitle(a Article) bool { return normTitle(a.Title) == normTitle(pg.truth.Title) }

// sameDay reports whether a is dated the page's publication day (UTC), and
// gives the day it has.
func (pg newsPage) sameDay(a Article) (got string, ok bool) {
	if !a.Date.IsZero() {
		got = a.Date.In(time.UTC).Format("2006-01-02")
	}
	return got, got == pg.truth.PublishedTime[:min(10, len(pg.truth.PublishedTime))]
}
