package ingest

import (
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Rules are judged on two halves of each dev corpus: the misses of half A
// are read, and a change stays only if it does not lower the figures of
// either half; one that lifts A and lowers B fits A's pages.

// half puts a page in half "A" or "B" by a stable hash of its name.
func half(name string) string {
	if crc32.ChecksumIEEE([]byte(name))%2 == 0 {
		return "A"
	}
	return "B"
}

type prAcc struct {
	p, r float64
	n    int
}

func (a *prAcc) add(p, r float64) { a.p, a.r, a.n = a.p+p, a.r+r, a.n+1 }
func (a prAcc) f1() float64 {
	mp, mr := a.p/float64(max(a.n, 1)), a.r/float64(max(a.n, 1))
	if mp+mr == 0 {
		return 0
	}
	return 2 * mp * mr / (mp + mr)
}

type ratioAcc struct{ ok, n int }

func (a *ratioAcc) add(ok bool) {
	a.n++
	if ok {
		a.ok++
	}
}
func (a ratioAcc) String() string {
	return fmt.Sprintf("%d/%d=%.3f", a.ok, a.n, float64(a.ok)/float64(max(a.n, 1)))
}

// TestEvalHalves prints the dev figures of each half of each corpus:
// INGEST_HALVES=1 for all, or a list of raw, html, news (readability-pages
// dumps), rhtml (their HTML), traf (trafilatura-dev HTML), trafraw (its
// w3m dumps, read from INGEST_TRAFRAW=DIR/FILE.txt, which
// eval_snippets.py --input raw makes the same way). INGEST_HALVES_LOG=A
// logs the misses of half A.
func TestEvalHalves(t *testing.T) {
	if os.Getenv("INGEST_HALVES") == "" {
		t.Skip("INGEST_HALVES unset")
	}
	logHalf := os.Getenv("INGEST_HALVES_LOG")
	which := os.Getenv("INGEST_HALVES")
	on := func(s string) bool { return which == "1" || strings.Contains(which, s) }
	logf := func(h string, format string, args ...any) {
		if h == logHalf {
			t.Logf(format, args...)
		}
	}
	if on("raw") || on("html") {
		raw, htm := map[string]*prAcc{"A": {}, "B": {}}, map[string]*prAcc{"A": {}, "B": {}}
		for _, pg := range scrapinghub(t) {
			h := half(pg.name)
			if on("raw") {
				a := CleanText(pg.raw, time.UTC)
				if p, r, ok := shingleScore(a.Body(), pg.truth.Body); ok {
					raw[h].add(p, r)
					if p*r < 0.85 {
						logf(h, "raw %s P=%.3f R=%.3f", pg.name[:12], p, r)
					}
				}
			}
			if on("html") {
				a, _ := ExtractHTML([]byte(pg.html), "", time.UTC, nil)
				if p, r, ok := shingleScore(a.Body(), pg.truth.Body); ok {
					htm[h].add(p, r)
					if p*r < 0.9 {
						logf(h, "html %s P=%.3f R=%.3f", pg.name[:12], p, r)
					}
				}
			}
		}
		for _, h := range []string{"A", "B"} {
			if on("raw") {
				t.Logf("scrapinghub raw %s: n=%d F1=%.4f", h, raw[h].n, raw[h].f1())
			}
			if on("html") {
				t.Logf("scrapinghub html %s: n=%d F1=%.4f", h, htm[h].n, htm[h].f1())
			}
		}
	}
	if on("news") {
		halvesNews(t, logf, false)
	}
	if on("rhtml") {
		halvesNews(t, logf, true)
	}
	if on("traf") {
		halvesTraf(t, logf, "")
	}
	if d := os.Getenv("INGEST_TRAFRAW"); d != "" && on("trafraw") {
		halvesTraf(t, logf, d)
	}
}

// halvesNews scores the news pages of readability-pages: their dumps
// through CleanText, or with html their source through ExtractHTML.
func halvesNews(t *testing.T, logf func(string, string, ...any), html bool) {
	pages, _ := newsPages(filepath.Join(corpora(t), "readability-pages"))
	body := map[string]*prAcc{"A": {}, "B": {}}
	title := map[string]*ratioAcc{"A": {}, "B": {}}
	day := map[string]*ratioAcc{"A": {}, "B": {}}
	for _, pg := range pages {
		name, truth, h := pg.name, pg.truth, half(pg.name)
		var a Article
		if html {
			src, _ := os.ReadFile(filepath.Join(pg.dir, "source.html"))
			a, _ = ExtractHTML(src, "", time.UTC, nil)
		} else {
			a = CleanText(string(pg.raw), time.UTC)
		}
		if p, r, ok := shingleScore(a.Body(), truth.Body); ok {
			body[h].add(p, r)
			if p*r < 0.8 {
				logf(h, "news %s body P=%.3f R=%.3f", name, p, r)
			}
		}
		if truth.Title != "" {
			ok := pg.sameTitle(a)
			title[h].add(ok)
			if !ok {
				logf(h, "news %s title %q want %q", name, a.Title, truth.Title)
			}
		}
		if truth.PublishedTime != "" {
			got, ok := pg.sameDay(a)
			day[h].add(ok)
			if !ok {
				logf(h, "news %s date %q want %q", name, got, truth.PublishedTime)
			}
		}
	}
	for _, h := range []string{"A", "B"} {
		t.Logf("news html=%v %s: body F1=%.4f title %s day %s", html, h, body[h].f1(), title[h], day[h])
	}
}

// halvesTraf scores the HTML pages of trafilatura-dev, or with rawDir their
// w3m dumps (rawDir/FILE.txt) through CleanText.
func halvesTraf(t *testing.T, logf func(string, string, ...any), rawDir string) {
	dir := filepath.Join(corpora(t), "trafilatura-dev")
	gold := trafilaturaGold(t, dir)
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	snip := map[string]*snippets{"A": {}, "B": {}}
	title := map[string]*ratioAcc{"A": {}, "B": {}}
	author := map[string]*ratioAcc{"A": {}, "B": {}}
	day := map[string]*ratioAcc{"A": {}, "B": {}}
	for _, u := range slices.Sorted(maps.Keys(gold)) {
		g := gold[u]
		h := half(g.File)
		var a Article
		if rawDir != "" {
			b, err := os.ReadFile(filepath.Join(rawDir, g.File+".txt"))
			if err != nil {
				continue
			}
			a = CleanText(string(b), time.UTC)
		} else {
			page := readGz(dir, g.File)
			if page == nil {
				continue
			}
			a, _ = ExtractHTML(page, "", time.UTC, nil)
		}
		before := *snip[h]
		snip[h].add(a.Paras, g.With, g.Without)
		if d := *snip[h]; d.fn > before.fn || d.fp > before.fp {
			logf(h, "traf %s snippets missed %d leaked %d", g.File, d.fn-before.fn, d.fp-before.fp)
		}
		if g.Title != "" {
			ok := squeeze(a.Title) == squeeze(g.Title)
			title[h].add(ok)
			if !ok {
				logf(h, "traf %s title %q want %q", g.File, a.Title, g.Title)
			}
		}
		want := g.authors()
		if want != "" {
			got := strings.Join(oneLines(a.Authors), "; ")
			author[h].add(got == want)
			if got != want {
				logf(h, "traf %s author %q want %q", g.File, got, want)
			}
		}
		if g.Date != "" {
			got := ""
			if !a.Date.IsZero() {
				got = a.Date.Format("2006-01-02")
			}
			ok := got == g.Date[:min(10, len(g.Date))]
			day[h].add(ok)
			if !ok {
				logf(h, "traf %s date %q want %q", g.File, got, g.Date)
			}
		}
	}
	for _, h := range []string{"A", "B"} {
		t.Logf("traf%s %s: snippets F1=%.4f title %s author %s day %s", map[bool]string{true: "raw"}[rawDir != ""], h, snip[h].f1(), title[h], author[h], day[h])
	}
}
