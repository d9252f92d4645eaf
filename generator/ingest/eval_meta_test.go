package ingest

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEvalTrafilaturaMeta scores the metadata ExtractHTML reads on the
// annotated pages of trafilatura-dev as eval_snippets.py does: title exact
// (spaces squeezed), authors exact (joined by "; "), publication date on the
// same day, and the annotated snippets the body must and must not hold
// (F1); each fails below a floor a little under today's score. Pages
// whose body is not found still count with the metadata read. -short skips
// it; INGEST_EVAL_V=1 lists the misses.
func TestEvalTrafilaturaMeta(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	s := scoreTrafilatura(t, nil)
	s.check(t, "", 0.82, 0.62, 0.895, 0.928)
}

// metaScores are the counts of scoreTrafilatura.
type metaScores struct {
	titles, nTitles, authors, nAuthors, days, nDays int
	snip                                            snippets
}

// scoreTrafilatura runs ExtractHTML on every annotated page of
// trafilatura-dev, each first passed through prepare when it is given.
func scoreTrafilatura(t *testing.T, prepare func([]byte) []byte) metaScores {
	dir := filepath.Join(corpora(t), "trafilatura-dev")
	gold := trafilaturaGold(t, dir)
	verbose := os.Getenv("INGEST_EVAL_V") != ""
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var s metaScores
	urls := slices.Sorted(maps.Keys(gold))
	for _, u := range urls {
		g := gold[u]
		page := readGz(dir, g.File)
		if page == nil {
			continue
		}
		if prepare != nil {
			page = prepare(page)
		}
		a, _ := ExtractHTML(page, "", time.UTC, nil)
		s.snip.add(a.Paras, g.With, g.Without)
		if g.Title != "" {
			s.nTitles++
			if squeeze(a.Title) == squeeze(g.Title) {
				s.titles++
			} else if verbose {
				t.Logf("%s: title %q, want %q", g.File, a.Title, g.Title)
			}
		}
		want := g.authors()
		if want != "" {
			s.nAuthors++
			if got := strings.Join(oneLines(a.Authors), "; "); got == want {
				s.authors++
			} else if verbose {
				t.Logf("%s: authors %q, want %q", g.File, got, want)
			}
		}
		if g.Date != "" {
			s.nDays++
			got := ""
			if !a.Date.IsZero() {
				got = a.Date.Format("2006-01-02")
			}
			if got == g.Date[:min(10, len(g.Date))] {
				s.days++
			} else if verbose {
				t.Logf("%s: date %q, want %q", g.File, got, g.Date)
			}
		}
	}
	if s.nTitles == 0 {
		t.Skip("no pages")
	}
	return s
}

// check logs the scores and fails each below its floor.
func (s metaScores) check(t *testing.T, label string, title, author, date, snip float64) {
	t.Helper()
	ratio := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	t.Logf("%stitle exact %d/%d=%.3f, author exact %d/%d=%.3f, date same day %d/%d=%.3f, body snippets F1 %.3f", label,
		s.titles, s.nTitles, ratio(s.titles, s.nTitles), s.authors, s.nAuthors, ratio(s.authors, s.nAuthors),
		s.days, s.nDays, ratio(s.days, s.nDays), s.snip.f1())
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"title exact", ratio(s.titles, s.nTitles), title},
		{"author exact", ratio(s.authors, s.nAuthors), author},
		{"date same day", ratio(s.days, s.nDays), date},
		{"body snippets F1", s.snip.f1(), snip},
	} {
		if f.got < f.floor {
			t.Errorf("%s%s %.3f, below the floor %.3f", label, f.name, f.got, f.floor)
		}
	}
}

// snippets counts, as eval_snippets.py does, the annotated passages a body
// holds: a "with" passage found is a true positive, one missing a false
// negative, a "without" passage found a false positive. The body is read
// as plain text with its spaces squeezed.
type snippets struct{ tp, fp, fn int }

func (s *snippets) add(paras, with, without []string) {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(strings.ReplaceAll(plain(p), `\`, ""))
		b.WriteByte(' ')
	}
	body := strings.Join(strings.Fields(b.String()), " ")
	for _, w := range with {
		if strings.Contains(body, strings.Join(strings.Fields(w), " ")) {
			s.tp++
		} else {
			s.fn++
		}
	}
	for _, w := range without {
		if strings.Contains(body, strings.Join(strings.Fields(w), " ")) {
			s.fp++
		}
	}
}

func (s snippets) f1() float64 { return 2 * float64(s.tp) / float64(max(1, 2*s.tp+s.fp+s.fn)) }

// readGz reads NAME from the cache or eval folder of dir, gzipped or not,
// in the order trafilatura resolves it.
func readGz(dir, name string) []byte {
	for _, p := range []string{"cache/" + name, "eval/" + name, "cache/" + name + ".gz", "eval/" + name + ".gz"} {
		f, err := os.Open(filepath.Join(dir, p))
		if err != nil {
			continue
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			z, err := gzip.NewReader(f)
			if err != nil {
				return nil
			}
			r = z
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return nil
		}
		return b
	}
	return nil
}

// TestEvalReadabilityTitles scores the titles ExtractHTML reads on the
// source pages of readability-pages (words compared lowercased, as
// eval_ingest.py does), failing below a floor a little under today's
// score. INGEST_EVAL_V=1 lists the misses.
func TestEvalReadabilityTitles(t *testing.T) {
	dir := filepath.Join(corpora(t), "readability-pages")
	names, _ := filepath.Glob(filepath.Join(dir, "*", "truth.json"))
	verbose := os.Getenv("INGEST_EVAL_V") != ""
	n, ok := 0, 0
	for _, tf := range names {
		var truth struct{ Title string }
		raw, err := os.ReadFile(tf)
		page, err2 := os.ReadFile(filepath.Join(filepath.Dir(tf), "source.html"))
		if err != nil || err2 != nil || json.Unmarshal(raw, &truth) != nil || truth.Title == "" {
			continue
		}
		a, _ := ExtractHTML(page, "", time.UTC, nil)
		n++
		if normTitle(a.Title) == normTitle(truth.Title) {
			ok++
		} else if verbose {
			t.Logf("%s: title %q, want %q", filepath.Base(filepath.Dir(tf)), a.Title, truth.Title)
		}
	}
	if n == 0 {
		t.Skip("no pages")
	}
	got := float64(ok) / float64(n)
	t.Logf("readability-pages HTML: title exact %d/%d=%.3f", ok, n, got)
	if floor := 0.76; got < floor {
		t.Errorf("title exact %.3f, below the floor %.2f", got, floor)
	}
}

// trafGold is what trafilatura-dev's evaldata.json says of one page.
type trafGold struct {
	File          string
	Title         string
	Author        any
	Date          string
	With, Without []string
}

// authors are the page's authors as ingest joins them: "A; B".
func (g trafGold) authors() string {
	switch au := g.Author.(type) {
	case string:
		return au
	case []any:
		var names []string
		for _, n := range au {
			names = append(names, n.(string))
		}
		return strings.Join(names, "; ")
	}
	return ""
}

// trafilaturaGold reads trafilatura-dev's evaldata.json, or skips.
func trafilaturaGold(t *testing.T, dir string) map[string]trafGold {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	if err != nil {
		t.Skip("no trafilatura-dev/evaldata.json")
	}
	var gold map[string]trafGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	return gold
}
