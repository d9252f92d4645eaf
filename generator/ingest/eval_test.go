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

// checkFloor fails the test when score is below floor, and logs how far a
// score that passes still is from the target.
func checkFloor(t *testing.T, what string, score, floor, target float64) {
	t.Helper()
	switch {
	case score < floor:
		t.Errorf("%s = %.4f, below the floor %.4f (target %.3f): a regression", what, score, floor, target)
	case score < target:
		t.Logf("%s = %.4f, floor %.4f; short of the target %.3f by %.4f", what, score, floor, target, target-score)
	default:
		t.Logf("%s = %.4f, floor %.4f, target %.3f reached", what, score, floor, target)
	}
}

// TestEvalRaw scores CleanText on the whole-page dumps (w3m) of
// scrapinghub-dev and fails below a floor just under today's body F1, so a
// regression shows. Run with -v to see the score; INGEST_EVAL_V=1 lists pages.
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
	if n == 0 {
		t.Skip("no scored pages in scrapinghub-dev")
	}
	mp, mr := sp/float64(n), sr/float64(n)
	t.Logf("raw text, scrapinghub-dev: pages=%d precision=%.4f recall=%.4f", n, mp, mr)
	checkFloor(t, "raw text body F1", 2*mp*mr/(mp+mr), 0.939, 0.92)
}

// TestEvalHTML scores ExtractHTML on scrapinghub-dev and fails below a floor
// just under today's body F1. INGEST_EXTRACTOR=trafilatura measures the other
// extractor, whose score is only logged.
func TestEvalHTML(t *testing.T) {
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
	if n == 0 {
		t.Skip("no scored pages in scrapinghub-dev")
	}
	mp, mr := sp/float64(n), sr/float64(n)
	f1 := 2 * mp * mr / (mp + mr)
	t.Logf("HTML (%q), scrapinghub-dev: pages=%d precision=%.4f recall=%.4f F1=%.4f", name, n, mp, mr, f1)
	if name == "" || name == "readability" {
		checkFloor(t, "HTML body F1", f1, 0.977, 0.975)
	}
}
