package generator

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/preview"
)

// benchSite is the site BenchmarkBuild builds: DIGEST_BENCH_SITE when set
// (for example a corpus from ../shared/bench/gencorpus -digest), else a
// synthetic corpus of DIGEST_BENCH_N entries (default 1000) made here.
func benchSite(b *testing.B) string {
	if dir := os.Getenv("DIGEST_BENCH_SITE"); dir != "" {
		return dir
	}
	n := 1000
	if s := os.Getenv("DIGEST_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("DIGEST_BENCH_N: %v", err)
		}
		n = v
	}
	dir := b.TempDir()
	if err := writeCorpus(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild is a cold build (no cache) of the bench site into a temp folder.
func BenchmarkBuild(b *testing.B) {
	site := benchSite(b)
	out := filepath.Join(b.TempDir(), "public")
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		os.RemoveAll(out)
		if _, err := Build(BuildOptions{Site: site, Out: out, Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}

var corpusWords = strings.Fields(`the a of and to in market council report water energy
school vote court rail minister study season festival prices workers tunnel library
drought solar budget hospital museum reef startup chip union regulator tenants harbour`)

var corpusTopics = []string{"economy", "politics", "science", "health", "climate",
	"culture", "sport", "technology", "world", "transport"}

// writeCorpus writes a deterministic synthetic site of n entries into dir.
func writeCorpus(dir string, n int, seed uint64) error {
	rnd := rand.New(rand.NewPCG(seed, seed))
	cfg := "title: Bench Wire\nbase_url: https://bench.example/\nper_page: 20\nfeed_items: 20\n"
	if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = corpusWords[rnd.IntN(len(corpusWords))]
		}
		return strings.Join(w, " ")
	}
	for i := range n {
		date := start.Add(time.Duration(rnd.Int64N(int64(1096 * 24 * time.Hour))))
		slug := fmt.Sprintf("story-%d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\ntopics:\n", strings.ToUpper(words(1)[:1])+words(6)[1:], date.Format(time.RFC3339))
		for _, t := range rnd.Perm(len(corpusTopics))[:1+rnd.IntN(3)] {
			fmt.Fprintf(&b, "  - %q\n", corpusTopics[t])
		}
		fmt.Fprintf(&b, "source: \"Bench Desk\"\nauthors:\n  - \"A. Writer\"\nsummary: %q\n---\n\n", words(20)+".")
		for p := range 5 + rnd.IntN(10) {
			if p%4 == 3 {
				fmt.Fprintf(&b, "## %s\n\n", words(4))
			}
			fmt.Fprintf(&b, "%s *%s* [%s](https://example.org/%d) %s.\n\n", words(30), words(2), words(2), rnd.IntN(1e5), words(25))
		}
		file := filepath.Join(dir, "content", date.Format("2006/01/02"), slug+".md")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkWarmBuild edits one entry of the bench site, then builds with the
// cache of the previous build (on disk and in memory).
var titleLine = regexp.MustCompile(`(?m)^title: .*$`)

func BenchmarkWarmBuild(b *testing.B) { warmBuild(b, false) }

// BenchmarkPreviewRebuild is what digest serve does on a save: it edits the
// newest entry (on the home page and in every feed) and rebuilds with the
// live-reload script into a private folder, in the same process. It appends
// to the body; DIGEST_BENCH_RETITLE=1 changes the title instead, which every
// list showing the entry shows too (as scripts/serve-bench does).
func BenchmarkPreviewRebuild(b *testing.B) { warmBuild(b, true) }

func warmBuild(b *testing.B, private bool) {
	src := benchSite(b)
	dir := b.TempDir()
	copyTree(b, src, dir)
	out := filepath.Join(b.TempDir(), "public")
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := BuildOptions{Site: dir, Out: out, Now: now}
	if os.Getenv("DIGEST_BENCH_STATS") != "" {
		opts.Stats, opts.Log = true, os.Stderr
	}
	var firstShown time.Time // when the edited entry's page was in place (preview)
	var toShow time.Duration
	if private {
		opts.Preview = &Preview{Inject: preview.Script, Changed: []string{}, Memo: &Memo{}, PagesReady: func() {
			if firstShown.IsZero() {
				firstShown = time.Now()
			}
		}}
	}
	if _, err := Build(opts); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "*", "*", "*", "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatal("no entries", err)
	}
	sort.Strings(files)
	edited := files[len(files)/2]
	if private {
		edited = files[len(files)-1]
		rel, _ := filepath.Rel(dir, edited)
		opts.Preview.Changed = []string{filepath.ToSlash(rel)}
	}
	orig, err := os.ReadFile(edited)
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Clone(orig)
	retitle := os.Getenv("DIGEST_BENCH_RETITLE") != ""
	n := 0
	for b.Loop() {
		n++
		if retitle {
			data = titleLine.ReplaceAll(orig, fmt.Appendf(nil, "title: \"Edit %d\"", n))
		} else {
			data = fmt.Appendf(data, "\nEdit %d.\n", n)
		}
		if err := os.WriteFile(edited, data, 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		firstShown = time.Time{}
		if _, err := Build(opts); err != nil {
			b.Fatal(err)
		}
		if shown := firstShown.Sub(start); private && shown > 0 {
			toShow += shown
		}
	}
	if private {
		b.ReportMetric(float64(toShow.Milliseconds())/float64(n), "ms-to-first-shown/op")
	}
}
