package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/site"
	"github.com/mmcdole/gofeed"
)

// TestFeedsParse reads every feed back with gofeed, as Go readers do.
func TestFeedsParse(t *testing.T) {
	for _, base := range []string{"https://example.org/wire/", "https://news.example.com/"} {
		m := files(t, testSite(t, base))
		tests := []struct {
			path, kind string
			ids        []string
			updated    string // RFC 3339
		}{
			{"feed.xml", "rss", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "comet-splits", "ferry-strike", "rates-hold"}, "2026-11-21T08:00:00Z"},
			{"atom.xml", "atom", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "comet-splits", "ferry-strike", "rates-hold"}, "2026-11-21T08:00:00Z"},
			{"feed.json", "json", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "comet-splits", "ferry-strike", "rates-hold"}, "2026-11-21T08:00:00Z"},
			{"editions.xml", "rss", []string{",2026-11-20:edition", ",2026-11-19:edition", ",2026-11-18:edition", ",2026-11-10:edition"}, "2026-11-21T08:00:00Z"},
			{"topics/economy/feed.xml", "rss", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "rates-hold"}, "2026-11-21T08:00:00Z"},
			{"topics/economy/atom.xml", "atom", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "rates-hold"}, "2026-11-21T08:00:00Z"},
			{"topics/science/feed.xml", "rss", []string{"comet-splits", "old-news"}, "2026-11-20T07:15:00Z"},
			{"topics/science/atom.xml", "atom", []string{"comet-splits", "old-news"}, "2026-11-20T07:15:00Z"},
			{"topics/world/atom.xml", "atom", []string{"urn:uuid:6f1c2a4e-1b7d-4c1e-9a54-0d5c8e2b7a10", "ferry-strike"}, "2026-11-21T08:00:00Z"},
		}
		for _, tc := range tests {
			t.Run(base+tc.path, func(t *testing.T) {
				f, err := gofeed.NewParser().Parse(bytes.NewReader(m[tc.path]))
				if err != nil {
					t.Fatal(err)
				}
				if f.FeedType != tc.kind {
					t.Errorf("type %s, want %s", f.FeedType, tc.kind)
				}
				checkFeed(t, f, base, base+tc.path, tc.updated)
				if len(f.Items) != len(tc.ids) {
					t.Fatalf("%d items, want %d", len(f.Items), len(tc.ids))
				}
				for i, it := range f.Items {
					if !strings.HasSuffix(it.GUID, tc.ids[i]) {
						t.Errorf("item %d id %q, want ...%s", i, it.GUID, tc.ids[i])
					}
					checkItem(t, it, base)
				}
			})
		}
	}
}

func checkFeed(t *testing.T, f *gofeed.Feed, base, self, updated string) {
	t.Helper()
	if f.Link != base && !strings.HasPrefix(f.Link, base+"topics/") {
		t.Errorf("home link %q", f.Link)
	}
	if f.FeedLink != self {
		t.Errorf("self link %q, want %q", f.FeedLink, self)
	}
	if f.Language != "en-GB" {
		t.Errorf("language %q", f.Language)
	}
	if f.UpdatedParsed == nil || f.UpdatedParsed.UTC().Format(time.RFC3339) != updated {
		t.Errorf("updated %v, want %s", f.UpdatedParsed, updated)
	}
}

func checkItem(t *testing.T, it *gofeed.Item, base string) {
	t.Helper()
	if !strings.HasPrefix(it.Link, base) {
		t.Errorf("%s: link %q not under %s", it.Title, it.Link, base)
	}
	if it.PublishedParsed == nil {
		t.Errorf("%s: no published date", it.Title)
	}
	if it.Content == "" || strings.Contains(it.Content, `href="/`) || strings.Contains(it.Content, `src="/`) {
		t.Errorf("%s: content %q lacks absolute URLs", it.Title, it.Content)
	}
}

func TestItemFields(t *testing.T) {
	m := files(t, testSite(t, ""))
	for _, p := range []string{"feed.xml", "atom.xml", "feed.json"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(m[p]))
		if err != nil {
			t.Fatal(err)
		}
		it := f.Items[0]
		var authors []string
		for _, a := range it.Authors {
			authors = append(authors, a.Name)
		}
		// gofeed keeps only the first dc:creator of an RSS item; RSS has no item updated.
		if got := strings.Join(authors, ", "); got != "Ann Smith, Bo Li" && (p != "feed.xml" || got != "Ann Smith") {
			t.Errorf("%s: authors %q", p, got)
		}
		if got := strings.Join(it.Categories, ", "); got != "Economy, World & Affairs" && got != "economy, world" {
			t.Errorf("%s: categories %q", p, got)
		}
		if p != "feed.xml" && (it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))) {
			t.Errorf("%s: updated %v", p, it.UpdatedParsed)
		}
		if !strings.Contains(it.Description, "Shares rose &") {
			t.Errorf("%s: summary %q", p, it.Description)
		}
	}
}

func TestJSONFeed(t *testing.T) {
	var doc struct {
		Version, HomePageURL, FeedURL, Language string
		Items                                   []struct {
			ID, URL, Title, Image, Language string
			ContentHTML                     string `json:"content_html"`
			DatePublished                   string `json:"date_published"`
			DateModified                    string `json:"date_modified"`
			Tags                            []string
			Authors                         []struct{ Name string }
		}
	}
	m := files(t, testSite(t, ""))
	if err := json.Unmarshal(m["feed.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" || doc.Language != "en-GB" {
		t.Errorf("version %q language %q", doc.Version, doc.Language)
	}
	for _, k := range []string{`"home_page_url": "https://example.org/wire/"`, `"feed_url": "https://example.org/wire/feed.json"`} {
		if !bytes.Contains(m["feed.json"], []byte(k)) {
			t.Errorf("feed.json lacks %s", k)
		}
	}
	comet := doc.Items[1]
	if comet.Image != "https://example.org/wire/2026/11/20/comet-splits/images/comet.jpg" || comet.Language != "en" {
		t.Errorf("comet image %q language %q", comet.Image, comet.Language)
	}
	if comet.DatePublished != "2026-11-20T07:15:00Z" || len(comet.Tags) != 1 || comet.Tags[0] != "Science" {
		t.Errorf("comet %+v", comet)
	}
}

func TestEmptySite(t *testing.T) {
	s := testSite(t, "")
	s.Articles, s.Listed, s.Days, s.Months, s.Years, s.Topics = nil, nil, nil, nil, nil, nil
	s.Updated = time.Time{}
	m := files(t, s)
	for _, p := range []string{"feed.xml", "atom.xml", "feed.json", "editions.xml"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(m[p]))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(f.Items) != 0 || (p != "feed.json" && (f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(fallbackUpdated))) {
			t.Errorf("%s: %d items, updated %v", p, len(f.Items), f.UpdatedParsed)
		}
	}
	if !bytes.Contains(m["feed.json"], []byte(`"items": []`)) {
		t.Errorf("feed.json of an empty site lacks the items array")
	}
}

func TestEditions(t *testing.T) {
	m := files(t, testSite(t, ""))
	f, err := gofeed.NewParser().Parse(bytes.NewReader(m["editions.xml"]))
	if err != nil {
		t.Fatal(err)
	}
	day := f.Items[2] // 18 November: Economy, then the untopical group
	if day.Title != "Wednesday 18 November 2026" || day.Link != "https://example.org/wire/2026/11/18/" {
		t.Errorf("title %q link %q", day.Title, day.Link)
	}
	if day.GUID != "tag:example.org,2026-11-18:edition" {
		t.Errorf("guid %q", day.GUID)
	}
	for _, want := range []string{
		`<h2><a href="https://example.org/wire/topics/economy/">Economy</a></h2>`,
		`<a href="https://example.org/wire/2026/11/18/rates-hold/">Central bank holds rates</a><br>Rates stay at four per cent.`,
		`<h2>Other news</h2>`, `Town notes`,
	} {
		if !strings.Contains(day.Content, want) {
			t.Errorf("edition content lacks %q:\n%s", want, day.Content)
		}
	}
	if day.Description != "2 articles: Economy, Other news." {
		t.Errorf("description %q", day.Description)
	}
	if !day.PublishedParsed.Equal(time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v, want the newest article's date", day.PublishedParsed)
	}
}

func TestEditionID(t *testing.T) {
	s := testSite(t, "")
	d := s.Days[0]
	for authority, want := range map[string]string{
		"":                "tag:example.org,2026-11-20:edition",
		"wire.example":    "tag:wire.example,2026-11-20:edition",
		"me@wire.example": "tag:me@wire.example,2026-11-20:edition",
	} {
		s.Config.IDAuthority = authority
		if got := editionID(s, d); got != want {
			t.Errorf("authority %q: %q, want %q", authority, got, want)
		}
	}
}

func TestOPML(t *testing.T) {
	var doc opmlDoc
	if err := xml.Unmarshal(files(t, testSite(t, ""))["feeds.opml"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Body) != 2 || doc.Body[0].Text != "The Test Wire" || doc.Body[1].Text != "Topics" {
		t.Fatalf("groups %+v", doc.Body)
	}
	if n := len(doc.Body[0].Outlines); n != 4 {
		t.Errorf("%d site feeds, want 4", n)
	}
	if n := len(doc.Body[1].Outlines); n != 6 {
		t.Errorf("%d topic feeds, want 6", n)
	}
	first := doc.Body[1].Outlines[0]
	if first.XMLURL != "https://example.org/wire/topics/economy/feed.xml" || first.HTMLURL != "https://example.org/wire/topics/economy/" || first.Type != "rss" {
		t.Errorf("first topic feed %+v", first)
	}
	if doc.Head.DateModified != "Sat, 21 Nov 2026 08:00:00 +0000" {
		t.Errorf("dateModified %q", doc.Head.DateModified)
	}
}

func TestJSONFeedItemWithoutBodyHasText(t *testing.T) {
	list, err := allFiles(testSite(t, ""), func(a *site.Article) (string, error) { return "", nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		if f.Path != "feed.json" {
			continue
		}
		var doc struct {
			Items []map[string]any
		}
		if err := json.Unmarshal(f.Data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, it := range doc.Items {
			html, _ := it["content_html"].(string)
			text, _ := it["content_text"].(string)
			if html == "" && text == "" {
				t.Errorf("item %v has neither content_html nor content_text", it["id"])
			}
		}
	}
}
