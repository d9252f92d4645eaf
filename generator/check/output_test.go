package check

import (
	"strings"
	"testing"
)

const base = "https://example.org/repo/"

// rss is a valid RSS feed at base+"feed.xml"; tests break one part of it.
const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>T</title><link>https://example.org/repo/</link><description>D</description>
<atom:link href="https://example.org/repo/feed.xml" rel="self" type="application/rss+xml"/>
<lastBuildDate>Wed, 18 Nov 2026 16:35:00 +0000</lastBuildDate>
<item><title>A</title><link>https://example.org/repo/a/</link>
<guid isPermaLink="false">tag:example.org,2026-11-18:a</guid>
<pubDate>Wed, 18 Nov 2026 16:35:00 +0000</pubDate>
<content:encoded><![CDATA[<p><a href="https://example.org/repo/b/">b</a></p>]]></content:encoded></item>
<item><title>B</title><link>https://example.org/repo/b/</link>
<guid>https://example.org/repo/b/</guid>
<pubDate>Tue, 17 Nov 2026 10:00:00 +0100</pubDate></item>
</channel></rss>`

// atom is a valid Atom feed at base+"atom.xml".
const atom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>tag:example.org,2026:feed</id><title>T</title><updated>2026-11-18T16:35:00Z</updated>
<link href="https://example.org/repo/atom.xml" rel="self" type="application/atom+xml"/>
<link href="https://example.org/repo/"/>
<author><name>Desk</name></author>
<entry><id>tag:example.org,2026-11-18:a</id><title>A</title><updated>2026-11-18T16:35:00Z</updated>
<published>2026-11-18T16:35:00+01:00</published>
<link href="https://example.org/repo/a/" rel="alternate"/>
<content type="html">&lt;p&gt;&lt;img src="https://example.org/repo/x.png" alt=""&gt;&lt;/p&gt;</content></entry>
<entry><id>tag:example.org,2026-11-17:b</id><title>B</title><updated>2026-11-17T10:00:00Z</updated>
<link href="https://example.org/repo/b/"/></entry>
</feed>`

const jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://example.org/repo/",
"feed_url":"https://example.org/repo/feed.json","items":[{"id":"a","url":"https://example.org/repo/a/",
"content_html":"<p>x</p>","date_published":"2026-11-18T16:35:00Z"}]}`

const page = `<!doctype html><html lang=en><head><link rel=stylesheet href=/repo/css/site.css><title>x</title></head>
<body><nav><a href=/repo/>home</a> <a href="UPb/#top">b</a></nav>
<h2 id=notes>Notes</h2><a href=#notes>notes</a>
<a href="https://elsewhere.example/x">out</a> <a href="mailto:a@example.org">mail</a>
<img src="UPx.png" srcset="/repo/x.png 1x, /repo/x.png 2x" alt=""></body></html>`

func testSite(extra map[string]string) map[string][]byte {
	files := map[string][]byte{
		"feed.xml": []byte(rss), "atom.xml": []byte(atom), "feed.json": []byte(jsonFeed),
		"index.html":   []byte(strings.ReplaceAll(page, "UP", "")),
		"404.html":     []byte(strings.ReplaceAll(page, "UP", "/repo/")),
		"a/index.html": []byte(strings.ReplaceAll(page, "UP", "../")), "b/index.html": []byte(strings.ReplaceAll(page, "UP", "../")),
		"css/site.css": []byte("body{}"), "x.png": {},
	}
	for name, data := range extra {
		if data == "" {
			delete(files, name)
			continue
		}
		files[name] = []byte(data)
	}
	return files
}

func TestOutputValid(t *testing.T) {
	if list := Output(testSite(nil), base); len(list) > 0 {
		t.Fatalf("a valid site has findings:\n%v", list)
	}
}

func TestOutputRules(t *testing.T) {
	tests := []struct {
		name, file, from, to, want string
	}{
		{"rss zone name", "feed.xml", "Wed, 18 Nov 2026 16:35:00 +0000</pubDate>", "Wed, 18 Nov 2026 16:35:00 UTC</pubDate>", "feed.xml:9: error: pubDate"},
		{"rss weekday", "feed.xml", "Tue, 17 Nov", "Mon, 17 Nov", "day of week Mon does not match"},
		{"rss no guid", "feed.xml", `<guid isPermaLink="false">tag:example.org,2026-11-18:a</guid>`, "", "item has no guid"},
		{"rss duplicate guid", "feed.xml", "<guid>https://example.org/repo/b/</guid>", `<guid isPermaLink="false">tag:example.org,2026-11-18:a</guid>`, "is also on line 8"},
		{"rss guid permalink", "feed.xml", "<guid>https://example.org/repo/b/</guid>", "<guid>tag:x,2026:b</guid>", "not an absolute URL"},
		{"rss relative link", "feed.xml", "<link>https://example.org/repo/b/</link>", "<link>/repo/b/</link>", `item link "/repo/b/" is not an absolute URL`},
		{"rss relative content", "feed.xml", `href="https://example.org/repo/b/"`, `href="/repo/b/"`, `relative URL "/repo/b/" in item encoded`},
		{"rss fragment content", "feed.xml", `href="https://example.org/repo/b/"`, `href="#fn:1"`, `warning: link "#fn:1"`},
		{"rss no self", "feed.xml", `<atom:link href="https://example.org/repo/feed.xml" rel="self" type="application/rss+xml"/>`, "", `no atom:link rel="self"`},
		{"rss wrong self", "feed.xml", `href="https://example.org/repo/feed.xml"`, `href="https://example.org/feed.xml"`, "is not the feed's address https://example.org/repo/feed.xml"},
		{"rss no description", "feed.xml", "<description>D</description>", "", "channel lacks description"},
		{"rss version", "feed.xml", `version="2.0"`, `version="0.91"`, `rss version is "0.91"`},
		{"rss editor without email", "feed.xml", "<lastBuildDate>", "<managingEditor>The desk</managingEditor><lastBuildDate>", "managingEditor \"The desk\" is not an e-mail"},
		{"rss script", "feed.xml", `<p><a`, `<script src="https://example.org/x.js"></script><p><a`, "warning: <script> in item encoded"},
		{"rss relative source", "feed.xml", "<title>B</title>", `<title>B</title><source url="/feed.xml">S</source>`, `item source URL "/feed.xml" is not an absolute URL`},
		{"not xml", "feed.xml", "</channel>", "", "not well-formed XML"},
		{"atom date", "atom.xml", "<published>2026-11-18T16:35:00+01:00</published>", "<published>Wed, 18 Nov 2026 16:35:00 +0000</published>", "published \"Wed, 18 Nov 2026 16:35:00 +0000\" is not an RFC 3339 date"},
		{"atom no updated", "atom.xml", "<updated>2026-11-17T10:00:00Z</updated>", "", "entry lacks updated"},
		{"atom duplicate id", "atom.xml", "tag:example.org,2026-11-17:b", "tag:example.org,2026-11-18:a", "is also on line 7"},
		{"atom id not iri", "atom.xml", "tag:example.org,2026-11-17:b", "b", `id "b" is not an absolute IRI`},
		{"atom no author", "atom.xml", "<author><name>Desk</name></author>", "", "entry has no author, and neither has the feed"},
		{"atom relative link", "atom.xml", `<link href="https://example.org/repo/b/"/>`, `<link href="b/"/>`, `link "b/" is not an absolute URL`},
		{"atom relative content", "atom.xml", `src="https://example.org/repo/x.png"`, `src="x.png"`, `relative URL "x.png" in entry content`},
		{"atom self", "atom.xml", `href="https://example.org/repo/atom.xml"`, `href="https://example.org/atom.xml"`, "is not the feed's address"},
		{"atom namespace", "atom.xml", `xmlns="http://www.w3.org/2005/Atom"`, `xmlns="http://purl.org/atom/ns#"`, "not in the Atom namespace"},
		{"json feed_url", "feed.json", `"feed_url":"https://example.org/repo/feed.json"`, `"feed_url":"/feed.json"`, "feed_url \"/feed.json\" is not the feed's address"},
		{"json relative content", "feed.json", `<p>x</p>`, `<a href='/a/'>x</a>`, `relative URL "/a/" in item 1 content_html`},
		{"json date", "feed.json", `2026-11-18T16:35:00Z`, `18 Nov 2026`, "date_published \"18 Nov 2026\" is not an RFC 3339 date"},
		{"broken link", "index.html", `href=/repo/>home`, `href=/repo/c/>home`, `index.html:2: error: <a> "/repo/c/": c/ is not in the output`},
		{"outside base path", "index.html", `href=/repo/>home`, `href=/>home`, `leaves the site's base path /repo/`},
		{"missing fragment", "index.html", `href=#notes`, `href=#nothing`, `no id "nothing" in index.html`},
		{"fragment in another page", "index.html", `href="b/#top"`, `href="b/#notes2"`, `no id "notes2" in b/index.html`},
		{"image above the base", "a/index.html", `src="../x.png"`, `src="../../x.png"`, `<img> "../../x.png" leaves the site's base path`},
		{"missing image", "a/index.html", `src="../x.png"`, `src="../y.png"`, `<img> "../y.png": y.png is not in the output`},
		{"missing stylesheet", "index.html", `href=/repo/css/site.css`, `href=/repo/css/main.css`, `<link> "/repo/css/main.css"`},
		{"relative link in 404", "404.html", `href=/repo/>home`, `href=b/>home`, `404.html:2: error: <a> "b/" is relative, but 404.html is served at any address; start it with /repo/`},
		{"folder without slash", "index.html", `href=/repo/>home`, `href=/repo/a>home`, "warning: <a> \"/repo/a\" names a folder without its trailing slash"},
		{"same site absolute", "index.html", `href=/repo/>home`, `href=https://example.org/repo/zz/>home`, `zz/ is not in the output`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := testSite(nil)
			src := string(files[tt.file])
			if !strings.Contains(src, tt.from) {
				t.Fatalf("%s lacks %q", tt.file, tt.from)
			}
			files[tt.file] = []byte(strings.Replace(src, tt.from, tt.to, 1))
			list := Output(files, base)
			var got []string
			for _, f := range list {
				got = append(got, f.String())
			}
			report := strings.Join(got, "\n")
			if !strings.Contains(report, tt.want) {
				t.Errorf("want a finding with %q, got:\n%s", tt.want, report)
			}
		})
	}
}

func TestOPMLAndSitemap(t *testing.T) {
	files := testSite(map[string]string{
		"feeds.opml": `<opml version="2.0"><head><title>T</title></head><body><outline text="All">` +
			`<outline type="rss" text="RSS" xmlUrl="https://example.org/repo/feed.xml"/>` +
			`<outline type="rss" text="Gone" xmlUrl="https://example.org/repo/topics/x/feed.xml"/>` +
			`<outline type="rss" text="Rel" xmlUrl="feed.xml"/></outline></body></opml>`,
		"sitemap.xml": `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/repo/a/</loc></url>` +
			`<url><loc>https://example.org/repo/q/</loc></url></urlset>`,
	})
	list := Output(files, base)
	want := []string{
		`feeds.opml:1: error: "feed.xml" is not an absolute URL`,
		"feeds.opml:1: error: https://example.org/repo/topics/x/feed.xml is not in the output",
		"sitemap.xml:1: error: https://example.org/repo/q/ is not in the output",
	}
	if len(list) != len(want) {
		t.Fatalf("got %v", list)
	}
	for i, f := range list {
		if f.String() != want[i] {
			t.Errorf("finding %d = %s, want %s", i, f, want[i])
		}
	}
}
