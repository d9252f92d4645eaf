package feed

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSitemap(t *testing.T) {
	s := testSite(t, "")
	var doc urlSet
	if err := xml.Unmarshal(files(t, s)["sitemap.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	want := len(s.Pages()) - 1 - 2*len(s.Days) // a day's email edition is no web page
	if len(doc.URLs) != want {
		t.Errorf("%d URLs, want %d (every page but 404 and the email editions)", len(doc.URLs), want)
	}
	lastmod := map[string]string{}
	for _, u := range doc.URLs {
		if !strings.HasPrefix(u.Loc, "https://example.org/wire/") || strings.Contains(u.Loc, "404") || strings.Contains(u.Loc, "email.") {
			t.Errorf("loc %q", u.Loc)
		}
		lastmod[u.Loc] = u.LastMod
	}
	tests := []struct{ loc, want string }{
		{"https://example.org/wire/", "2026-11-21T08:00:00Z"},                          // home: newest update
		{"https://example.org/wire/2026/11/20/markets-rally/", "2026-11-21T08:00:00Z"}, // updated wins
		{"https://example.org/wire/2026/11/20/comet-splits/", "2026-11-20T07:15:00Z"},  // date
		{"https://example.org/wire/2026/11/18/", "2026-11-18T12:00:00Z"},               // edition
		{"https://example.org/wire/2026/11/", "2026-11-21T08:00:00Z"},                  // month
		{"https://example.org/wire/2026/", "2026-11-21T08:00:00Z"},                     // year
		{"https://example.org/wire/topics/", "2026-11-21T08:00:00Z"},                   // topic index
		{"https://example.org/wire/topics/science/", "2026-11-20T07:15:00Z"},           // topic
		{"https://example.org/wire/2026/11/10/old-news/", "2026-11-10T00:00:00Z"},      // date only
	}
	for _, tc := range tests {
		got, ok := lastmod[tc.loc]
		if !ok {
			t.Errorf("%s missing", tc.loc)
		} else if got != tc.want {
			t.Errorf("%s lastmod %q, want %q", tc.loc, got, tc.want)
		}
	}
}

// SitemapURLs gives all the sitemap says but the base URL: a warm build
// keys the sitemap by it.
func TestSitemapURLsAreTheSitemap(t *testing.T) {
	s := testSite(t, "")
	var doc urlSet
	if err := xml.Unmarshal(files(t, s)["sitemap.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	var visited []string
	SitemapURLs(s, func(path string, lastmod time.Time) {
		stamp := ""
		if !lastmod.IsZero() {
			stamp = lastmod.Format(time.RFC3339)
		}
		visited = append(visited, s.AbsURL(path)+" "+stamp)
	})
	var listed []string
	for _, u := range doc.URLs {
		listed = append(listed, u.Loc+" "+u.LastMod)
	}
	if !slices.Equal(visited, listed) {
		t.Errorf("SitemapURLs gave\n%s\nthe sitemap lists\n%s", strings.Join(visited, "\n"), strings.Join(listed, "\n"))
	}
}

func TestNewsSitemap(t *testing.T) {
	data := files(t, testSite(t, ""))["news-sitemap.xml"]
	var doc struct {
		URLs []struct {
			Loc  string `xml:"loc"`
			News struct {
				Name     string `xml:"publication>name"`
				Language string `xml:"publication>language"`
				Date     string `xml:"publication_date"`
				Title    string `xml:"title"`
			} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, u := range doc.URLs {
		slugs = append(slugs, strings.Split(u.Loc, "/")[7])
	}
	// Two days back from 20 Nov 09:30: rates-hold (18 Nov 12:00) is in, town-notes (08:00) is not.
	if got := strings.Join(slugs, " "); got != "markets-rally comet-splits ferry-strike rates-hold" {
		t.Errorf("articles %q", got)
	}
	n := doc.URLs[0].News
	if n.Name != "The Test Wire" || n.Language != "en" || n.Date != "2026-11-20T09:30:00Z" || n.Title != "Markets rally as tariff talks resume & bonds slip" {
		t.Errorf("news %+v", n)
	}
}

func TestNewsLanguage(t *testing.T) {
	s := testSite(t, "")
	a := s.Articles[0]
	for lang, want := range map[string]string{"": "en", "en-GB": "en", "fr": "fr", "zh-TW": "zh-tw", "pt-BR": "pt"} {
		a.Lang = lang
		if got := newsLanguage(s, a); got != want {
			t.Errorf("%q: %q, want %q", lang, got, want)
		}
	}
}

func TestRobots(t *testing.T) {
	got := string(files(t, testSite(t, ""))["robots.txt"])
	want := "User-agent: *\nAllow: /\n\nSitemap: https://example.org/wire/sitemap.xml\nSitemap: https://example.org/wire/news-sitemap.xml\n"
	if got != want {
		t.Errorf("robots.txt\n%s\nwant\n%s", got, want)
	}
}

// urlSet is a sitemap as the tests read it back.
type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	Xmlns   string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}
