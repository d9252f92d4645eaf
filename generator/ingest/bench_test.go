package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
)

// BenchmarkCleanText measures raw-text throughput on the layout samples
// (target >= 1,000 articles/s); see articles/s in the output.
func BenchmarkCleanText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "raw", "*.txt"))
	var texts []string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		texts = append(texts, string(data))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CleanText(texts[i%len(texts)], time.UTC)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCleanTextPages measures raw text on whole-page dumps (scrapinghub-dev).
func BenchmarkCleanTextPages(b *testing.B) {
	pages := scrapinghub(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CleanText(pages[i%len(pages)].raw, time.UTC)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractHTML measures the HTML path on real pages (target >= 100 pages/s).
func BenchmarkExtractHTML(b *testing.B) {
	pages := scrapinghub(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ExtractHTML([]byte(pages[i%len(pages)].html), "", time.UTC, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestMain shortens the fuzzer's minimisation of new inputs unless
// -fuzzminimizetime is given. Go minimises every input that finds new
// coverage before it counts any exec, for up to 60 s by default, with
// O(n²) candidate cuts of the input. Each cut runs the whole cleaner (a
// dozen regexps per block, slower still under coverage instrumentation), so
// with the default every early discovery would stall the exec count for most
// of a short -fuzztime.
// It is not a hang: CleanText scales linearly (BenchmarkCleanTextLarge).
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		flag.Set("test.fuzzminimizetime", "1s")
	}
	os.Exit(m.Run())
}

// BenchmarkCleanTextLarge checks that the cleaner stays linear on large,
// odd input: one huge line, thousands of paragraphs, thousands of short
// lines (see MB/s, which should not fall as the size grows).
func BenchmarkCleanTextLarge(b *testing.B) {
	para := "The minister said on Tuesday that the talks would go on, and that a deal was close. "
	for _, n := range []int{1000, 8000} {
		for _, in := range []struct{ name, text string }{
			{"oneline", strings.Repeat(para, n/8)},
			{"paras", strings.Repeat(para+"\n\n", n/8)},
			{"lines", strings.Repeat("word word word\n", n)},
		} {
			b.Run(fmt.Sprintf("%s-%d", in.name, len(in.text)), func(b *testing.B) {
				b.SetBytes(int64(len(in.text)))
				for i := 0; i < b.N; i++ {
					CleanText(in.text, time.UTC)
				}
			})
		}
	}
}

func FuzzCleanText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "raw", "*.txt"))
	for _, p := range files {
		data, _ := os.ReadFile(p)
		f.Add(string(data))
	}
	f.Add("By\n\n• \n\n0 : 0\n\nREUTERS/ - ")
	f.Fuzz(func(t *testing.T, s string) {
		a := CleanText(s, time.UTC)
		for _, p := range a.Paras {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("empty paragraph from %q", s)
			}
		}
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add("<html><head><title>A page</title></head><body><article><p>One paragraph of text that is long enough to be an article, with words.</p></article></body></html>")
	f.Add("<p onclick=x>hi<script>alert(1)</script><a href='javascript:alert(1)'>x</a></p>")
	f.Fuzz(func(t *testing.T, s string) {
		a, _ := ExtractHTML([]byte(s), "https://example.org/a", time.UTC, nil)
		body := strings.ToLower(a.Body())
		if strings.Contains(body, "<script") || strings.Contains(body, "](javascript:") {
			t.Fatalf("unsafe body from %q: %q", s, body)
		}
	})
}

// FuzzEntryRoundTrip: what ingest writes, the build reads back unchanged.
func FuzzEntryRoundTrip(f *testing.F) {
	f.Add("Obama to confront China's Xi", "WASHINGTON (Reuters) - First paragraph here.\n\nSecond: one.", "REUTERS/Jorge Silva")
	f.Add("---", "---\n\nkey: value", "")
	f.Add("  #title: with colon ", "- a list\n- item", "a \"quote\"")
	cfg, _ := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	f.Fuzz(func(t *testing.T, title, text, credit string) {
		a := CleanText(title+"\n\n"+text, time.UTC)
		a.Title = first(oneLine(title), "Untitled")
		a.Image = Image{URL: "https://example.org/i.jpg", Credit: credit}
		d := MakeEntry(&a, EntryOptions{Config: cfg, Now: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)})
		data, err := d.Bytes()
		if err != nil {
			t.Skip() // not representable as YAML; ingest reports it as a failure
		}
		e, err := content.ParseEntry(d.File, data, cfg)
		if err != nil {
			t.Fatalf("entry does not read back: %v\n%s", err, data)
		}
		if e.Title != d.FM.Title || e.FrontMatter.Date != d.FM.Date || e.ID != d.FM.ID || e.Image.Credit != d.FM.Image.Credit {
			t.Fatalf("front matter changed: %+v vs %+v", e.FrontMatter, d.FM)
		}
		if strings.TrimSpace(string(e.Body)) != strings.TrimSpace(d.Body) {
			t.Fatalf("body changed: %q vs %q", e.Body, d.Body)
		}
	})
}
