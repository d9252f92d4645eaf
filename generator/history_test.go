package generator

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/check"
	"github.com/digest-news/digest/generator/site"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
)

// feedDoc is what an RFC 5005 client reads of one feed document.
type feedDoc struct {
	self, current, prev, next string
	archive                   bool
	ids                       []string
}

// readFeedDoc parses a feed document with gofeed's RSS or Atom parser.
func readFeedDoc(t *testing.T, name string, data []byte) feedDoc {
	t.Helper()
	var d feedDoc
	link := func(rel, href string) {
		switch rel {
		case "self":
			d.self = href
		case "current":
			d.current = href
		case "prev-archive":
			d.prev = href
		case "next-archive":
			d.next = href
		}
	}
	if strings.HasSuffix(name, "atom.xml") {
		f, err := (&atom.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, l := range f.Links {
			link(l.Rel, l.Href)
		}
		d.archive = len(f.Extensions["fh"]["archive"]) > 0
		for _, e := range f.Entries {
			d.ids = append(d.ids, e.ID)
		}
		return d
	}
	f, err := (&rss.Parser{}).Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, l := range f.Extensions["atom"]["link"] {
		link(l.Attrs["rel"], l.Attrs["href"])
	}
	d.archive = len(f.Extensions["fh"]["archive"]) > 0
	for _, it := range f.Items {
		d.ids = append(d.ids, it.GUID.Value)
	}
	return d
}

// walked is one document of a walk: its path and how many items it held.
type walked struct {
	path  string
	items int
}

// walkHistory follows a live feed's archive chain as a client does: the
// live feed, then prev-archive to the oldest archive, checking each
// document's links on the way. It returns the documents and every item id
// met, in order.
func walkHistory(t *testing.T, tree map[string][]byte, base, live string) ([]walked, []string) {
	t.Helper()
	var docs []walked
	var ids []string
	seen := map[string]bool{}
	url, newer := base+live, ""
	for url != "" {
		p := strings.TrimPrefix(url, base)
		data, ok := tree[p]
		if !ok || seen[p] {
			t.Fatalf("%s: the chain leads to %s, which is missing or met before", live, url)
		}
		seen[p] = true
		d := readFeedDoc(t, p, data)
		isLive := newer == "" && p == live
		switch {
		case d.self != url:
			t.Errorf("%s: self link %q", p, d.self)
		case isLive && d.archive:
			t.Errorf("%s: the live feed is marked fh:archive", p)
		case !isLive && (!d.archive || d.current != base+live):
			t.Errorf("%s: archive %v, current %q", p, d.archive, d.current)
		case !isLive && d.next != newer && !(newer == base+live && d.next == ""):
			t.Errorf("%s: next-archive %q, want %q", p, d.next, newer)
		}
		if !isLive && len(d.ids) == 0 {
			t.Errorf("%s: an archive without items", p)
		}
		docs = append(docs, walked{p, len(d.ids)})
		ids = append(ids, d.ids...)
		newer, url = url, d.prev
	}
	return docs, ids
}

// historySite writes a site of n entries over January, February, April and
// May 2026 (March has none) on three topics, with five items a feed.
func historySite(t *testing.T, n int) string {
	dir := t.TempDir()
	cfg := "title: History Wire\nbase_url: https://history.example/wire/\nfeed_items: 5\nid_authority: history.example\n"
	if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	months := []int{1, 2, 4, 5}
	for i := range n {
		writeEntry(t, dir, fmt.Sprintf("story-%d", i), time.Date(2026, time.Month(months[i*len(months)/n]), 1+i%27, 8+i%10, 0, 0, 0, time.UTC),
			[]string{"alpha", "beta", "gamma"}[i%3], "")
	}
	return dir
}

// writeEntry writes one entry; extra is more front matter.
func writeEntry(t *testing.T, dir, slug string, date time.Time, topic, extra string) string {
	rel := filepath.Join("content", date.Format("2006/01/02"), slug+".md")
	body := fmt.Sprintf("---\ntitle: Story %s\ndate: %s\ntopics: [%s]\nsummary: About %s.\n%s---\nThe body of %s.\n",
		slug, date.Format("2006-01-02 15:04"), topic, slug, extra, slug)
	writeFile(t, dir, filepath.ToSlash(rel), body)
	return rel
}

var historyNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// checkChains walks every live RSS and Atom feed of out and wants every
// listed article of the site, or of the topic, exactly once.
func checkChains(t *testing.T, dir, out string) map[string][]walked {
	t.Helper()
	s, err := Load(dir, "", site.Options{Now: historyNow})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	walks := map[string][]walked{}
	want := func(live string, list []*site.Article) {
		docs, ids := walkHistory(t, tree, s.Config.BaseURL, live)
		walks[live] = docs
		count := map[string]int{}
		for _, id := range ids {
			count[id]++
		}
		for _, a := range list {
			if count[a.ID] != 1 {
				t.Errorf("%s: %s met %d times along the chain", live, a.ID, count[a.ID])
			}
			delete(count, a.ID)
		}
		for id := range count {
			t.Errorf("%s: %s is in the chain but not listed", live, id)
		}
	}
	for _, l := range s.Feeds {
		if s.HistoryOf(l.Path) != nil {
			want(l.Path, s.Listed)
		}
	}
	for _, tp := range s.Topics {
		for _, l := range tp.Feeds {
			want(l.Path, tp.Articles)
		}
	}
	archives := map[string][]byte{}
	for p, data := range tree {
		if strings.Contains(p, "archive/") {
			archives[p] = data
		}
	}
	for _, f := range check.Output(archives, s.Config.BaseURL) {
		t.Errorf("archive: %s", f)
	}
	return walks
}

func TestArchiveChainHoldsEveryEntryOnce(t *testing.T) {
	dir := historySite(t, 40)
	out := filepath.Join(t.TempDir(), "public")
	opts := BuildOptions{Site: dir, Out: out, Now: historyNow}
	build(t, opts)
	walks := checkChains(t, dir, out)
	for _, w := range walks["atom.xml"] {
		t.Logf("atom.xml chain: %s, %d items", w.path, w.items)
	}
	if len(walks["feed.xml"]) != 5 { // live, then May, April, February, January: March is stepped over
		t.Errorf("feed.xml chain: %v", walks["feed.xml"])
	}
	before := readTree(t, out)
	stamps := map[string]time.Time{}
	for p := range before {
		if info, err := os.Stat(filepath.Join(out, p)); err == nil {
			stamps[p] = info.ModTime()
		}
	}

	// A new entry pushes the oldest live item into the newest archive: the
	// older archives keep their bytes and their files.
	writeEntry(t, dir, "late-news", time.Date(2026, 5, 30, 9, 0, 0, 0, time.UTC), "alpha", "")
	build(t, opts)
	checkChains(t, dir, out)
	after := readTree(t, out)
	closed := 0
	for _, chain := range walks {
		for _, w := range chain[2:] { // past the live feed and its newest archive
			closed++
			info, _ := os.Stat(filepath.Join(out, w.path))
			if !bytes.Equal(before[w.path], after[w.path]) || !info.ModTime().Equal(stamps[w.path]) {
				t.Errorf("closed archive %s changed after a new entry", w.path)
			}
		}
	}
	if closed == 0 {
		t.Fatal("no closed archives to compare")
	}
	coldEquals(t, opts)

	// An entry moved from January to April, and one of February expired:
	// each is in the chain once, or not at all.
	old := filepath.Join(dir, "content", "2026", "01", "02", "story-1.md")
	if err := os.Remove(old); err != nil {
		t.Fatal(err)
	}
	writeEntry(t, dir, "story-1", time.Date(2026, 4, 28, 8, 0, 0, 0, time.UTC), "beta", "")
	feb := filepath.Join(dir, "content", "2026", "02", "12", "story-11.md")
	data, err := os.ReadFile(feb)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(feb, bytes.Replace(data, []byte("---\n"), []byte("---\nexpires: 2026-03-01\n"), 1), 0o644)
	build(t, opts)
	checkChains(t, dir, out)
	coldEquals(t, opts)
	for p, data := range readTree(t, out) {
		if strings.HasSuffix(p, ".xml") && bytes.Contains(data, []byte("02-12:story-11")) {
			t.Errorf("%s still holds the expired entry", p)
		}
	}
}

// coldEquals wants a build without cache to write what opts' build wrote.
func coldEquals(t *testing.T, opts BuildOptions) {
	t.Helper()
	cold := opts
	cold.Out, cold.NoCache = filepath.Join(t.TempDir(), "public"), true
	build(t, cold)
	if diff := treeDiff(t, opts.Out, cold.Out); diff != "" {
		t.Fatalf("warm and cold builds differ: %s", diff)
	}
}

func TestCheckValidatesTheArchiveChain(t *testing.T) {
	dir := historySite(t, 30)
	cfg := filepath.Join(dir, "digest.yaml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, "websub_hub: https://hub.example/\n"...), 0o644)
	findings, err := Check(CheckOptions{Site: dir})
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for _, f := range findings {
		if f.Severity == check.Error {
			t.Errorf("check: %s", f)
		}
		if f.File == "digest.yaml" && f.Line == 5 && strings.Contains(f.Message, "digest ping never told it") {
			warned = true
			t.Logf("check: %s", f)
		}
	}
	if !warned {
		t.Errorf("no warning of a hub never pinged in %v", findings)
	}

	out := filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: historyNow})
	tree := readTree(t, out)
	base := "https://history.example/wire/"
	if got := check.History(tree, base); len(got) != 0 {
		t.Fatalf("a good chain: %v", got)
	}
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"no fh:archive", "archive/2026/02/atom.xml", "<fh:archive", "<fh:other", "without fh:archive"},
		{"broken link", "archive/2026/04/feed.xml", base + "archive/2026/02/feed.xml", base + "archive/2026/03/feed.xml", "is not a file of the site"},
		{"an item twice", "archive/2026/01/atom.xml", "2026-01-01:story-0", "2026-02-09:story-8", "meet it twice"},
		{"wrong current", "topics/beta/archive/2026/01/feed.xml", base + "topics/beta/feed.xml", base + "feed.xml", "want the live feed"},
	} {
		broken := maps.Clone(tree)
		if !bytes.Contains(broken[tc.file], []byte(tc.old)) {
			t.Fatalf("%s: %s lacks %s", tc.name, tc.file, tc.old)
		}
		broken[tc.file] = bytes.Replace(broken[tc.file], []byte(tc.old), []byte(tc.new), 1)
		got := check.History(broken, base)
		if len(got) == 0 || !strings.Contains(fmt.Sprint(got), tc.want) {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

// TestSampleArchiveWalk walks the chains of the sample digest and logs them.
func TestSampleArchiveWalk(t *testing.T) {
	out := build(t, BuildOptions{Site: sampleSite})
	s, err := Load(sampleSite, "", site.Options{Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	for _, h := range s.Histories {
		docs, ids := walkHistory(t, tree, s.Config.BaseURL, h.Feed.Path)
		var parts []string
		for _, d := range docs {
			parts = append(parts, fmt.Sprintf("%s (%d)", d.path, d.items))
		}
		t.Logf("%s: %s; %d items", h.Feed.Path, strings.Join(parts, " -> "), len(ids))
		if !strings.HasPrefix(h.Feed.Path, "topics/") && len(ids) != len(s.Listed) {
			t.Errorf("%s: the chain holds %d items, the site lists %d", h.Feed.Path, len(ids), len(s.Listed))
		}
	}
}
