package feed

import (
	"bytes"
	"errors"
	"flag"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
	"github.com/mmcdole/gofeed"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testSite builds the model of testdata/site, optionally under another base URL.
func testSite(t *testing.T, baseURL string) *site.Site {
	t.Helper()
	cfg, entries, err := content.Load(os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	if baseURL != "" {
		if err := cfg.SetBaseURL(baseURL); err != nil {
			t.Fatal(err)
		}
	}
	return site.New(cfg, entries, site.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

// testBody stands in for the Markdown stage: HTML with absolute URLs.
func testBody(a *site.Article) (string, error) {
	return `<p>` + html.EscapeString(a.Title) + `: <a href="` + a.Permalink + `">read</a> ` +
		`<img src="` + a.Permalink + `pic.jpg" alt="A picture"></p>`, nil
}

func files(t *testing.T, s *site.Site) map[string][]byte {
	t.Helper()
	list, err := allFiles(s, testBody)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range list {
		if _, dup := m[f.Path]; dup {
			t.Errorf("%s written twice", f.Path)
		}
		m[f.Path] = f.Data
	}
	return m
}

// TestFilesMade: every feed, archive, list and sitemap is made (allFiles
// gives them in path order).
func TestFilesMade(t *testing.T) {
	list, err := allFiles(testSite(t, ""), testBody)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range list {
		got = append(got, f.Path)
	}
	want := []string{"feed.xml", "atom.xml", "feed.json", "editions.xml",
		"topics/economy/feed.xml", "topics/economy/atom.xml",
		"topics/science/feed.xml", "topics/science/atom.xml",
		"topics/world/feed.xml", "topics/world/atom.xml",
		"archive/2026/11/feed.xml", "archive/2026/11/atom.xml",
		"feeds.opml", "sitemap.xml", "news-sitemap.xml", "robots.txt"}
	slices.Sort(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paths\n got %v\nwant %v", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := files(t, testSite(t, "")), files(t, testSite(t, ""))
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

func TestContentError(t *testing.T) {
	boom := errors.New("boom")
	_, err := allFiles(testSite(t, ""), func(*site.Article) (string, error) { return "", boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "content/2026/11/20/markets-rally.md") {
		t.Errorf("err = %v, want boom naming the entry file", err)
	}
}

// TestBodyRenderedOnce: an article in several feeds is rendered once.
func TestBodyRenderedOnce(t *testing.T) {
	var mu sync.Mutex
	calls := map[*site.Article]int{}
	_, err := allFiles(testSite(t, ""), func(a *site.Article) (string, error) {
		mu.Lock()
		calls[a]++
		mu.Unlock()
		return testBody(a)
	})
	if err != nil {
		t.Fatal(err)
	}
	for a, n := range calls {
		if n != 1 {
			t.Errorf("%s rendered %d times", a.Entry.Slug, n)
		}
	}
}

// TestXMLPitfalls guards against what gorilla/feeds writes by default.
func TestXMLPitfalls(t *testing.T) {
	m := files(t, testSite(t, ""))
	for _, p := range []string{"feed.xml", "editions.xml", "topics/world/feed.xml"} {
		doc := string(m[p])
		for _, bad := range []string{"managingEditor", " UTC<", "<author>", "urn:uuid:" + "0000"} {
			if strings.Contains(doc, bad) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
		for _, good := range []string{`xmlns:atom="http://www.w3.org/2005/Atom"`, `rel="self"`, `isPermaLink="false"`, "<language>en-GB</language>"} {
			if !strings.Contains(doc, good) {
				t.Errorf("%s lacks %q", p, good)
			}
		}
		if strings.LastIndex(doc, "<atom:link") > strings.Index(doc, "<item>") {
			t.Errorf("%s: channel elements after the first item", p)
		}
	}
	atom := string(m["atom.xml"])
	if strings.LastIndex(atom, "<link") > strings.Index(atom, "<entry>") && strings.Index(atom, `rel="self"`) > strings.Index(atom, "<entry>") {
		t.Errorf("atom.xml: self link after the first entry")
	}
}

func TestGolden(t *testing.T) {
	m := files(t, testSite(t, ""))
	for _, p := range []string{"feed.xml", "atom.xml"} {
		golden := filepath.Join("testdata", "golden", p)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, m[p], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(m[p], want) {
			t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", p, golden, m[p])
		}
	}
}

// TestWriteOut writes the test site's files to $FEED_OUT for the external
// validators (feed_rules.py, jing, feedparser, newsboat...).
func TestWriteOut(t *testing.T) {
	dir := os.Getenv("FEED_OUT")
	if dir == "" {
		t.Skip("set FEED_OUT=DIR to write the files")
	}
	list, err := allFiles(testSite(t, ""), testBody)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDateFormats(t *testing.T) {
	s := testSite(t, "")
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	for _, a := range s.Articles {
		a.Date = a.Date.In(ny)
		a.Updated = a.Updated.In(ny)
	}
	m := files(t, s)
	for p, want := range map[string]string{
		"feed.xml":  "<pubDate>Fri, 20 Nov 2026 04:30:00 -0500</pubDate>",
		"atom.xml":  "<published>2026-11-20T04:30:00-05:00</published>",
		"feed.json": `"date_published": "2026-11-20T04:30:00-05:00"`,
	} {
		doc := string(m[p])
		if !strings.Contains(doc, want) {
			t.Errorf("%s lacks %s", p, want)
		}
		if strings.Contains(doc, "EST") || strings.Contains(doc, "UTC") {
			t.Errorf("%s names a zone instead of an offset", p)
		}
	}
}

// TestCDATAEnd: a body holding "]]>" still gives well-formed feeds.
func TestCDATAEnd(t *testing.T) {
	list, err := allFiles(testSite(t, ""), func(*site.Article) (string, error) {
		return "<p>a]]>b &amp; c</p>", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		if !slices.Contains([]string{"feed.xml", "atom.xml", "feed.json", "editions.xml"}, f.Path) {
			continue // the archives carry no content
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if f.Path != "editions.xml" && feed.Items[0].Content != "<p>a]]>b &amp; c</p>" {
			t.Errorf("%s: content %q", f.Path, feed.Items[0].Content)
		}
	}
}
