package ingest

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// corpora is the shared evaluation data beside the repository; tests that
// need it skip when it is absent.
func corpora(t testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/corpora beside the repository")
	}
	return dir
}

var tok = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingleScore is the article-extraction benchmark's metric: precision and
// recall over counted 4-token shingles of lowercased words.
func shingleScore(pred, truth string) (p, r float64, ok bool) {
	sh := func(s string) map[string]int {
		w := tok.FindAllString(strings.ToLower(s), -1)
		m := map[string]int{}
		if len(w) < 4 {
			if len(w) > 0 {
				m[strings.Join(w, " ")]++
			}
			return m
		}
		for i := 0; i+4 <= len(w); i++ {
			m[strings.Join(w[i:i+4], " ")]++
		}
		return m
	}
	ps, ts := sh(plain(pred)), sh(truth)
	np, nt, tp := 0, 0, 0
	for k, v := range ts {
		nt += v
		tp += min(v, ps[k])
	}
	for _, v := range ps {
		np += v
	}
	if nt == 0 {
		return 0, 0, false
	}
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	return p, float64(tp) / float64(nt), true
}

type page struct {
	name, raw, html string
	truth           struct{ Body, Title, PublishedTime string }
}

func scrapinghub(t testing.TB) []page {
	dir := filepath.Join(corpora(t), "scrapinghub-dev")
	names, _ := filepath.Glob(filepath.Join(dir, "pages", "*"))
	var out []page
	for _, n := range names {
		var p page
		p.name = filepath.Base(n)
		raw, err := os.ReadFile(filepath.Join(n, "raw.txt"))
		tj, err2 := os.ReadFile(filepath.Join(n, "truth.json"))
		if err != nil || err2 != nil || json.Unmarshal(tj, &p.truth) != nil {
			continue
		}
		p.raw = string(raw)
		if f, err := os.Open(filepath.Join(dir, "html", p.name+".html.gz")); err == nil {
			if z, err := gzip.NewReader(f); err == nil {
				b, _ := io.ReadAll(z)
				p.html = string(b)
			}
			f.Close()
		}
		out = append(out, p)
	}
	return out
}

// TestEvalRaw scores CleanText on the whole-page dumps of scrapinghub-dev.
// Target: F1 >= 0.90. Run with -v to see the score; INGEST_EVAL_V=1 lists pages.
func TestEvalRaw(t *testing.T) {
	pages := scrapinghub(t)
	var sp, sr float64
	n := 0
	for _, pg := range pages {
		a := CleanText(pg.raw, time.UTC)
		p, r, ok := shingleScore(a.Body(), pg.truth.Body)
		if !ok {
			continue
		}
		if os.Getenv("INGEST_EVAL_V") != "" {
			t.Logf("%s P=%.3f R=%.3f", pg.name[:12], p, r)
		}
		sp, sr, n = sp+p, sr+r, n+1
	}
	mp, mr := sp/float64(n), sr/float64(n)
	t.Logf("raw text, scrapinghub-dev: pages=%d precision=%.3f recall=%.3f F1=%.3f", n, mp, mr, 2*mp*mr/(mp+mr))
}

// TestEvalHTML scores ExtractHTML on scrapinghub-dev (target F1 >= 0.97).
// It takes a few seconds, so it runs only with INGEST_EVAL=1;
// INGEST_EXTRACTOR=trafilatura measures the other extractor.
func TestEvalHTML(t *testing.T) {
	if os.Getenv("INGEST_EVAL") == "" {
		t.Skip("set INGEST_EVAL=1 to score the HTML path")
	}
	name := os.Getenv("INGEST_EXTRACTOR") // "" is the default, readability
	ex := extractors[name]
	var sp, sr float64
	n := 0
	for _, pg := range scrapinghub(t) {
		a, _ := ExtractHTML([]byte(pg.html), "", time.UTC, ex)
		p, r, ok := shingleScore(a.Body(), pg.truth.Body)
		if !ok {
			continue
		}
		if os.Getenv("INGEST_EVAL_V") != "" {
			t.Logf("%s P=%.3f R=%.3f", pg.name[:12], p, r)
		}
		sp, sr, n = sp+p, sr+r, n+1
	}
	mp, mr := sp/float64(n), sr/float64(n)
	t.Logf("HTML (%q), scrapinghub-dev: pages=%d precision=%.4f recall=%.4f F1=%.4f", name, n, mp, mr, 2*mp*mr/(mp+mr))
}
