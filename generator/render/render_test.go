package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digest-news/digest"
	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const testConfig = `title: The Test Wire
description: A digest for tests.
base_url: https://example.org/repo/
timezone: Europe/London
author: The desk
per_page: 1
topics:
  economy:
    name: Economy
    description: Money matters.
  world:
    name: World
`

// testEntries are three days of news; the Markdown body is given as HTML
// below, since rendering Markdown is not this package's job.
var testEntries = map[string]string{
	"content/2026/11/18/ferry-strike-ends.md": `---
title: "Ferry strike ends <after> nine days"
date: 2026-11-18 16:35
updated: 2026-11-19 08:00
topics: [world, economy]
summary: Crews accepted a pay offer.
source: Coastline Radio
source_url: https://radio.example/ferry
authors: [Ann Lee, Bo Chan, Cy Diaz]
editors: [Di Evans]
dateline: ST BRENNA
image:
  url: https://img.example/ferry.jpg
  caption: The ferry at the quay.
  credit: Radio/Staff
note: Islands need their boats.
featured: true
---
Body.
`,
	"content/2026/11/18/prices-ease.md": `---
title: Prices ease
date: 2026-11-18 09:00
topics: [economy]
summary: Inflation slows.
---
Body.
`,
	"content/2026/11/17/talks-resume.md": `---
title: Talks resume
date: 2026-11-17 10:00
topics: [world]
---
Body.
`,
	"content/2026/10/30/old-news.md": `---
title: Old news
date: 2026-10-30 10:00
---
Body.
`,
}

func testSite(t testing.TB) *site.Site {
	t.Helper()
	cfg, err := content.ParseConfig([]byte(testConfig))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*content.Entry
	for file, data := range testEntries {
		e, err := content.ParseEntry(file, []byte(data), cfg)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	content.SortNewestFirst(entries)
	s := site.New(cfg, entries, site.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	for _, a := range s.Articles {
		if a.Entry.Note != "" {
			a.Note = template.HTML("<p>" + template.HTMLEscapeString(a.Entry.Note) + "</p>")
		}
	}
	return s
}

func testRenderer(t testing.TB) *Renderer {
	t.Helper()
	theme, err := fs.Sub(digest.Theme, "templates")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func page(t *testing.T, s *site.Site, url string) *site.Page {
	t.Helper()
	for _, p := range s.Pages() {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page at %s", url)
	return nil
}

// testTexts gives every article a body of its own title, and knows every
// summary.
type testTexts struct{}

func (testTexts) Body(a *site.Article) (template.HTML, error) {
	return template.HTML("<p>The body of " + template.HTMLEscapeString(a.Title) + ".</p>"), nil
}

// renderPage renders p as a build does, and gives what it read.
func renderPage(r *Renderer, w io.Writer, p *site.Page) (*deps.Reads, error) {
	var reads deps.Reads
	err := r.Page(w, p, testTexts{}, &reads)
	return &reads, err
}

func renderString(t *testing.T, r *Renderer, p *site.Page) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := renderPage(r, &b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPages(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	common := []string{
		`<html lang="en">`, `<meta charset="utf-8">`, `name="viewport"`,
		`<link rel="stylesheet" href="/repo/css/site.css">`, `href="/repo/favicon.svg"`,
		`<a class="skip" href="#main">`, `<main id="main"`,
		`<a href="/repo/topics/"`, `<a href="/repo/2026/"`, `<a href="/repo/feeds/">Feeds</a>`, `<a href="/repo/search/">Search</a>`,
		`<link rel="alternate" type="application/atom&#43;xml" title="The Test Wire (Atom)" href="https://example.org/repo/atom.xml">`,
		`<link rel="alternate" type="application/rss&#43;xml" title="The Test Wire (RSS)" href="https://example.org/repo/feed.xml">`,
		`<meta property="og:site_name" content="The Test Wire">`,
	}
	tests := []struct {
		url  string
		want []string
		not  []string
	}{
		{"/repo/", []string{
			`<title>The Test Wire</title>`,
			`<link rel="canonical" href="https://example.org/repo/">`,
			`<meta name="description" content="A digest for tests.">`,
			`Latest edition`, `<a href="/repo/2026/11/18/"><time datetime="2026-11-18">Wednesday 18 November 2026</time></a>`,
			`<p class="kicker">Top story</p>`,
			`<a href="/repo/2026/11/18/ferry-strike-ends/">Ferry strike ends &lt;after&gt; nine days</a>`,
			`<h2 class="group__title"><a href="/repo/topics/world/">World</a></h2>`,
			`Earlier editions`, `<a href="/repo/2026/11/17/">Tuesday 17 November 2026</a>`,
			`aria-current="page">Latest</a>`,
		}, []string{`<script type="application/ld+json">`, `class="pager"`}},
		{"/repo/2026/11/18/ferry-strike-ends/", []string{
			`<title>Ferry strike ends &lt;after&gt; nine days · The Test Wire</title>`,
			`<h1 class="story__title">Ferry strike ends &lt;after&gt; nine days</h1>`,
			`<link rel="canonical" href="https://example.org/repo/2026/11/18/ferry-strike-ends/">`,
			`<meta property="og:type" content="article">`,
			`<meta property="og:image" content="https://img.example/ferry.jpg">`,
			`By Ann Lee, Bo Chan and Cy Diaz`, `Edited by Di Evans.`,
			`<time datetime="2026-11-18T16:35:00Z">Wednesday 18 November 2026, 16:35 GMT</time>`,
			`Originally reported by <a href="https://radio.example/ferry" rel="external">Coastline Radio</a>`,
			`<img src="https://img.example/ferry.jpg" alt="The ferry at the quay."`,
			`<span class="credit">Radio/Staff</span>`,
			`<aside class="note"`, `<p>Islands need their boats.</p>`,
			`<p class="dateline">ST BRENNA</p>`, `<p>The body of Ferry strike ends &lt;after&gt; nine days.</p>`,
			`<a href="/repo/topics/economy/">Economy</a>`,
			`← Previous article</span> Prices ease</a>`,
		}, []string{"Next article"}},
		{"/repo/2026/11/18/", []string{
			`<title>Wednesday 18 November 2026 · The Test Wire</title>`,
			`<meta name="description" content="A digest for tests.">`,
			`2 articles`, `<a class="prevnext__older" href="/repo/2026/11/17/"><span class="label">← Previous edition</span> Tuesday 17 November 2026</a>`,
			`aria-current="page">Archive</a>`,
		}, []string{"Next edition"}},
		{"/repo/2026/11/", []string{
			`<h1>November 2026</h1>`, `3 articles in 2 editions`,
			`<a class="prevnext__older" href="/repo/2026/10/"><span class="label">← Previous month</span> October 2026</a>`,
			`<a href="/repo/2026/11/17/talks-resume/">Talks resume</a>`,
		}, nil},
		{"/repo/2026/", []string{
			`<h1>2026</h1>`, `4 articles in 2 months`,
			`<a href="/repo/2026/11/">November</a> <span class="count">3 articles, 2 editions</span>`,
			`<a href="/repo/2026/10/">October</a> <span class="count">1 article, 1 edition</span>`,
		}, nil},
		{"/repo/topics/", []string{
			`<a href="/repo/topics/economy/">Economy</a> <span class="count">2 articles</span>`,
			`<p>Money matters.</p>`,
		}, nil},
		{"/repo/topics/world/", []string{
			`<h1>World</h1>`,
			`<link rel="alternate" type="application/rss&#43;xml" title="The Test Wire: World (RSS)" href="https://example.org/repo/topics/world/feed.xml">`,
			`<a rel="next" href="/repo/topics/world/page/1/">Older →</a>`,
		}, []string{`Page 1 of 2`}},
		{"/repo/topics/world/page/1/", []string{
			`<title>World: page 1 · The Test Wire</title>`, `rel="prev"`, `Talks resume`, `Page 1 of 2`,
		}, nil},
		{"/repo/404.html", []string{
			`<h1>Page not found</h1>`, `<a href="/repo/">Latest edition</a>`,
		}, []string{`rel="canonical"`}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			out := renderString(t, r, page(t, s, tt.url))
			for _, w := range append(common, tt.want...) {
				if !strings.Contains(out, w) {
					t.Errorf("missing %s", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("unexpected %s", w)
				}
			}
		})
	}
}

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinksUnderBasePath: every link is absolute, under /repo/, or a fragment,
// so pages work at any depth, the 404 page included.
func TestLinksUnderBasePath(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	for _, p := range s.Pages() {
		for _, m := range linkAttr.FindAllStringSubmatch(renderString(t, r, p), -1) {
			u := m[1]
			if !strings.HasPrefix(u, "/repo/") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "#") {
				t.Errorf("%s: link %q is not under the base path", p.Path, u)
			}
		}
	}
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func TestJSONLD(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	out := renderString(t, r, page(t, s, "/repo/2026/11/18/ferry-strike-ends/"))
	m := ldScript.FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var doc struct {
		Type          string `json:"@type"`
		Headline      string `json:"headline"`
		DatePublished string `json:"datePublished"`
		DateModified  string `json:"dateModified"`
		Image         []struct {
			Type string `json:"@type"`
			URL  string
		}
		Author    []struct{ Name string }
		Publisher struct{ Name string }
		Main      struct {
			ID string `json:"@id"`
		} `json:"mainEntityOfPage"`
	}
	if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	want := []struct{ got, want string }{
		{doc.Type, "NewsArticle"},
		{doc.Headline, "Ferry strike ends <after> nine days"},
		{doc.DatePublished, "2026-11-18T16:35:00Z"},
		{doc.DateModified, "2026-11-19T08:00:00Z"},
		{doc.Publisher.Name, "The Test Wire"},
		{doc.Main.ID, "https://example.org/repo/2026/11/18/ferry-strike-ends/"},
		{fmt.Sprint(doc.Image), "[{ImageObject https://img.example/ferry.jpg}]"},
		{fmt.Sprint(doc.Author), "[{Ann Lee} {Bo Chan} {Cy Diaz}]"},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("got %q, want %q", w.got, w.want)
		}
	}
	if strings.Contains(m[1], "<after>") {
		t.Error("< and > must be escaped inside the script")
	}
}

func TestInject(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	const snippet = `<script src="/_live.js"></script>`
	p := page(t, s, "/repo/2026/11/")
	if out := renderString(t, r, p); strings.Contains(out, snippet) {
		t.Error("snippet present without Inject")
	}
	r.Inject = snippet
	if out := renderString(t, r, p); !strings.Contains(out, snippet+"</body>") {
		t.Errorf("snippet not before </body>:\n%s", out[max(0, len(out)-200):])
	}
}

func TestPreviewMarks(t *testing.T) {
	cfg, err := content.ParseConfig([]byte(testConfig))
	if err != nil {
		t.Fatal(err)
	}
	draft, err := content.ParseEntry("content/2026/11/18/d.md", []byte("---\ntitle: Draft one\ndate: 2026-11-18\ndraft: true\n---\n"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := site.New(cfg, []*content.Entry{draft}, site.Options{Drafts: true, Future: true, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	out := renderString(t, testRenderer(t), page(t, s, "/repo/"))
	for _, w := range []string{`class="preview-banner"`, `flag--draft">Draft</span>`, `flag--future">Scheduled</span>`} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %s", w)
		}
	}
}

// TestConcurrent renders every page from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	pages := s.Pages()
	var wg sync.WaitGroup
	for range 4 {
		for _, p := range pages {
			wg.Go(func() {
				var b bytes.Buffer
				if _, err := renderPage(r, &b, p); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}

func TestGoldenArticle(t *testing.T) {
	s, r := testSite(t), testRenderer(t)
	got := renderString(t, r, page(t, s, "/repo/2026/11/18/ferry-strike-ends/"))
	golden := filepath.Join("testdata", "article.golden.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/render -update)", err)
	}
	if got != string(want) {
		t.Errorf("article page differs from %s; if intended, run go test ./generator/render -update\n%s", golden, got)
	}
}

// TestArticleRefHasArticleFields: an article of a list (articleRef) answers
// every name an article view does, so that a template may use either.
func TestArticleRefHasArticleFields(t *testing.T) {
	view, ref := reflect.TypeOf(&articleView{}), reflect.TypeOf(articleRef{})
	for i := range view.Elem().NumField() {
		if f := view.Elem().Field(i); f.IsExported() {
			if _, ok := ref.MethodByName(f.Name); !ok {
				t.Errorf("articleRef has no %s", f.Name)
			}
		}
	}
	for i := range view.NumMethod() {
		if m := view.Method(i); m.IsExported() {
			if _, ok := ref.MethodByName(m.Name); !ok {
				t.Errorf("articleRef has no %s()", m.Name)
			}
		}
	}
}
