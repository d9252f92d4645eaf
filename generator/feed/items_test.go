package feed

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

// archivedSite is the test site with one item a live feed, so that the
// topics' feeds have archives too and an article is an item of several live
// feeds and of several archives.
func archivedSite(t *testing.T) *site.Site {
	t.Helper()
	cfg, entries, err := content.Load(os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.FeedItems = 1
	return site.New(cfg, entries, site.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

var (
	rssItemRE   = regexp.MustCompile(`(?s)\n *<item>.*?</item>`)
	rssGUIDRE   = regexp.MustCompile(`<guid isPermaLink="false">(.*?)</guid>`)
	atomEntryRE = regexp.MustCompile(`(?s)\n *<entry>.*?</entry>`)
	atomIDRE    = regexp.MustCompile(`<id>(.*?)</id>`)
)

// TestItemSameInEveryFeed: an article's item, indentation included, has the
// same bytes in every live feed of a format, with content, and in every
// archive, without.
func TestItemSameInEveryFeed(t *testing.T) {
	type kind struct {
		format  string
		archive bool
	}
	seen := map[kind]map[string]string{} // item id: its bytes where first met
	shared := map[kind]int{}             // items met in a second file
	for path, data := range files(t, archivedSite(t)) {
		if path == "editions.xml" {
			continue // its items are days
		}
		k := kind{archive: strings.Contains("/"+path, "/archive/")}
		var items []string
		var id *regexp.Regexp
		switch {
		case strings.HasSuffix(path, "feed.xml"):
			k.format, id = "rss", rssGUIDRE
			items = rssItemRE.FindAllString(string(data), -1)
		case strings.HasSuffix(path, "atom.xml"):
			k.format, id = "atom", atomIDRE
			items = atomEntryRE.FindAllString(string(data), -1)
		default:
			continue
		}
		if seen[k] == nil {
			seen[k] = map[string]string{}
		}
		for _, it := range items {
			m := id.FindStringSubmatch(it)
			if m == nil {
				t.Fatalf("%s: an item without an id:%s", path, it)
			}
			if strings.Contains(it, "<content") != !k.archive {
				t.Errorf("%s: item %s has content %v, want %v", path, m[1], k.archive, !k.archive)
			}
			first, ok := seen[k][m[1]]
			if !ok {
				seen[k][m[1]] = it
				continue
			}
			shared[k]++
			if first != it {
				t.Errorf("%s: item %s differs from another feed's:%s\nthere:%s", path, m[1], it, first)
			}
		}
	}
	for _, k := range []kind{{"rss", false}, {"rss", true}, {"atom", false}, {"atom", true}} {
		if shared[k] == 0 {
			t.Errorf("no %s item (archive %v) in two feeds: the test tests nothing", k.format, k.archive)
		}
	}
}

// TestEditedArticleInEveryFeed: an article edited between two builds is
// edited in every file that holds it, live feeds and archives, and the other
// files keep their bytes: nothing of one Each serves another.
func TestEditedArticleInEveryFeed(t *testing.T) {
	s := archivedSite(t)
	before := files(t, s)
	edited := map[string]string{ // slug: the start of its old title
		"markets-rally": "Markets rally as tariff talks",
		"ferry-strike":  "Ferry strike ends",
	}
	for _, a := range s.Articles {
		if _, ok := edited[a.Entry.Slug]; ok {
			a.Title = "Edited " + a.Entry.Slug
		}
	}
	after := files(t, s)
	changed := 0
	for path, old := range before {
		now := after[path]
		held := false
		for slug, title := range edited {
			if !bytes.Contains(old, []byte(title)) {
				continue
			}
			held = true
			if bytes.Contains(now, []byte(title)) || !bytes.Contains(now, []byte("Edited "+slug)) {
				t.Errorf("%s: %s not edited", path, slug)
			}
		}
		if held {
			changed++
		} else if !bytes.Equal(old, now) {
			t.Errorf("%s changed without holding an edited article", path)
		}
	}
	for _, p := range []string{"feed.xml", "atom.xml", "topics/world/feed.xml", "topics/world/archive/2026/11/feed.xml", "archive/2026/11/atom.xml"} {
		if !bytes.Contains(before[p], []byte("Ferry strike ends")) && !bytes.Contains(before[p], []byte("Markets rally as tariff talks")) {
			t.Errorf("%s holds no edited article: the test tests less than it says", p)
		}
	}
	if changed < 5 {
		t.Errorf("only %d files held an edited article", changed)
	}
}
