package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestReadMetaTitleAndDate(t *testing.T) {
	cases := []struct {
		name, page, title, date string
	}{
		{"JSON-LD in CDATA beats a rewritten og:title",
			`<title>Harbour cranes return to work - Coast Post</title><meta property="og:title" content="Cranes are back">
			<script type="application/ld+json">
			<![CDATA[ {"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour cranes return to work","datePublished":"2025-03-04T09:30:00Z"} ]]>
			</script><h1>Harbour cranes return to work</h1>`,
			"Harbour cranes return to work", "2025-03-04"},
		{"a site-wide og:title loses to h1 and title",
			`<title>Ferry strike called off at dawn</title><meta property="og:title" content="Coast Post - Latest news and weather">
			<meta property="article:published_time" content="2025-05-06T07:00:00+00:00"><h1>Ferry strike called off at dawn</h1>`,
			"Ferry strike called off at dawn", "2025-05-06"},
		{"<title> loses the site name",
			`<title>Library opens on Sundays | Coast Post</title><meta property="og:site_name" content="Coast Post"><time datetime="2025-01-02">2 Jan</time>`,
			"Library opens on Sundays", "2025-01-02"},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		a := readMeta(doc, nil, time.UTC)
		if a.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, a.Title, c.title)
		}
		if got := a.Date.Format("2006-01-02"); got != c.date {
			t.Errorf("%s: date %s, want %s", c.name, got, c.date)
		}
	}
}
