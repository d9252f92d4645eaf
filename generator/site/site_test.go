package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
)

func model(t *testing.T, config string, entries []string, opts Options) *Site {
	t.Helper()
	cfg, err := content.ParseConfig([]byte(config))
	if err != nil {
		t.Fatal(err)
	}
	var list []*content.Entry
	for i, src := range entries {
		e, err := content.ParseEntry(fmt.Sprintf("content/e%d.md", i), []byte(src), cfg)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, e)
	}
	content.SortNewestFirst(list)
	return New(cfg, list, opts)
}

const cfg = "title: T\nbase_url: https://user.github.io/repo/\nper_page: 2\ntopics:\n  economy: {name: Economy}\n  world: {name: World}\n"

func entry(slug, date, extra string) string {
	return "---\ntitle: " + slug + "\ndate: " + date + "\nslug: " + slug + "\n" + extra + "---\n"
}

var now = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func TestURLsAndIDs(t *testing.T) {
	s := model(t, cfg+"id_authority: example.org\n", []string{
		entry("a", "2026-11-18 07:30", ""),
		entry("b", "2026-11-18 09:00", "id: urn:x:1\n"),
	}, Options{Now: now})
	if s.BasePath != "/repo/" {
		t.Fatalf("BasePath %q", s.BasePath)
	}
	a := s.Articles[1]
	if a.URL != "/repo/2026/11/18/a/" || a.Permalink != "https://user.github.io/repo/2026/11/18/a/" {
		t.Errorf("URL %q, Permalink %q", a.URL, a.Permalink)
	}
	if a.ID != "tag:example.org,2026-11-18:a" || s.Articles[0].ID != "urn:x:1" {
		t.Errorf("ids %q, %q", a.ID, s.Articles[0].ID)
	}
	if got := s.OutPath(a.URL); got != "2026/11/18/a/index.html" {
		t.Errorf("OutPath %q", got)
	}
	if s.Articles[0].Older != a || a.Newer != s.Articles[0] {
		t.Error("newer/older links are wrong")
	}
}

func TestDraftsAndFuture(t *testing.T) {
	entries := []string{
		entry("past", "2026-11-18", ""),
		entry("draft", "2026-11-18", "draft: true\n"),
		entry("future", "2027-01-01", ""),
	}
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Now: now}, "past"},
		{Options{Now: now, Drafts: true}, "draft past"},
		{Options{Now: now, Future: true}, "future past"},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range model(t, cfg, entries, tt.opts).Articles {
			got = append(got, a.Entry.Slug)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%+v: published %v, want %s", tt.opts, got, tt.want)
		}
	}
}

func TestEditionGroupsFeaturedFirst(t *testing.T) {
	s := model(t, cfg, []string{
		entry("w1", "2026-11-18 08:00", "topics: [world]\n"),
		entry("e1", "2026-11-18 09:00", "topics: [economy, world]\n"),
		entry("w2", "2026-11-18 10:00", "topics: [world]\nfeatured: true\n"),
		entry("none", "2026-11-18 11:00", ""),
	}, Options{Now: now})
	if len(s.Days) != 1 {
		t.Fatalf("%d days", len(s.Days))
	}
	var got []string
	for _, g := range s.Days[0].Groups {
		name := "-"
		if g.Topic != nil {
			name = g.Topic.Slug
		}
		var slugs []string
		for _, a := range g.Articles {
			slugs = append(slugs, a.Entry.Slug)
		}
		got = append(got, name+":"+strings.Join(slugs, ","))
	}
	if want := "world:w2,w1 economy:e1 -:none"; strings.Join(got, " ") != want {
		t.Errorf("groups %v, want %s", got, want)
	}
}

func TestArchivesAndPagination(t *testing.T) {
	s := model(t, cfg, []string{
		entry("a", "2025-12-31 23:00", "topics: [economy]\n"),
		entry("b", "2026-01-02", "topics: [economy]\n"),
		entry("c", "2026-02-03", "topics: [economy]\n"),
		entry("d", "2026-02-04", "topics: [economy]\n"),
		entry("e", "2026-02-04 10:00", "topics: [economy]\n"),
	}, Options{Now: now})
	if len(s.Days) != 4 || len(s.Months) != 3 || len(s.Years) != 2 {
		t.Fatalf("%d days, %d months, %d years", len(s.Days), len(s.Months), len(s.Years))
	}
	if s.Years[0].Count != 4 || s.Months[0].Count != 3 || s.Months[0].Older != s.Months[1] || s.Years[1].Newer != s.Years[0] {
		t.Error("archive counts or links are wrong")
	}
	var topicPages []string
	for _, p := range s.Pages() {
		if p.Kind == KindTopic && p.Topic.Slug == "economy" {
			topicPages = append(topicPages, fmt.Sprintf("%s(%d) newer=%s older=%s", p.URL, len(p.Articles), p.Pager.Newer, p.Pager.Older))
		}
	}
	want := []string{
		"/repo/topics/economy/(2) newer= older=/repo/topics/economy/page/2/",
		"/repo/topics/economy/page/1/(2) newer=/repo/topics/economy/page/2/ older=",
		"/repo/topics/economy/page/2/(2) newer=/repo/topics/economy/page/3/ older=/repo/topics/economy/page/1/",
		"/repo/topics/economy/page/3/(1) newer=/repo/topics/economy/ older=/repo/topics/economy/page/2/",
	}
	if strings.Join(topicPages, "\n") != strings.Join(want, "\n") {
		t.Errorf("topic pages:\n%s\nwant:\n%s", strings.Join(topicPages, "\n"), strings.Join(want, "\n"))
	}
}

// TestPaginationIsDateStable: a numbered page of a list keeps its articles
// when newer ones arrive; only the front page and the newest numbered page
// change.
func TestPaginationIsDateStable(t *testing.T) {
	var entries []string
	pagesOf := func() map[string]string {
		s := model(t, cfg, entries, Options{Now: now})
		m := map[string]string{}
		for _, p := range s.Pages() {
			if p.Kind == KindTopic {
				var names []string
				for _, a := range p.Articles {
					names = append(names, a.Title)
				}
				m[p.URL] = strings.Join(names, ",")
			}
		}
		return m
	}
	for i := range 9 {
		entries = append(entries, entry(fmt.Sprintf("s%02d", i), fmt.Sprintf("2026-11-%02d 08:00", 1+i), "topics: [economy]\n"))
	}
	before := pagesOf()
	entries = append(entries, entry("s09", "2026-11-10 08:00", "topics: [economy]\n"))
	after := pagesOf()
	for url, list := range before {
		if url == "/repo/topics/economy/" || url == "/repo/topics/economy/page/5/" {
			continue // the front page, and the newest page, which the new article fills
		}
		if after[url] != list {
			t.Errorf("%s held %s, now %s", url, list, after[url])
		}
	}
	if after["/repo/topics/economy/page/5/"] == before["/repo/topics/economy/page/5/"] {
		t.Errorf("the newest page did not take the new article: %v", after)
	}
}

func TestEveryPageHasAUniquePath(t *testing.T) {
	var entries []string
	for i := 0; i < 30; i++ {
		entries = append(entries, entry(fmt.Sprintf("s%02d", i), fmt.Sprintf("2026-11-%02d 08:00", 1+i%20), "topics: [world]\n"))
	}
	s := model(t, cfg, entries, Options{Now: now})
	seen := map[string]bool{}
	for _, p := range s.Pages() {
		if seen[p.Path] {
			t.Errorf("two pages write %s", p.Path)
		}
		seen[p.Path] = true
	}
	for _, want := range []string{"index.html", "page/2/index.html", "page/3/index.html", "404.html", "search/index.html", "topics/index.html", "2026/index.html", "2026/11/index.html"} {
		if !seen[want] {
			t.Errorf("no page at %s", want)
		}
	}
}
