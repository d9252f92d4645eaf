package ingest

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta collects what a page says about itself, by source, so the
// article can prefer the most specific one.
type pageMeta struct {
	props              map[string]string // meta property/name/itemprop -> content
	ld                 map[string]string // JSON-LD NewsArticle fields
	ldAuthors          []string
	title, canonical   string
	lang, timeDatetime string
	h1                 []string // texts of the first few <h1>
}

// chooseTitle picks the headline. The page's declared titles come first,
// most specific first (JSON-LD headline, og:title, twitter:title, meta
// title), as the publisher wrote them (a site name there stays: cutting it
// lost 2 of 50 on readability-pages, whose truth keeps it); then <title>
// less its " - Site" suffix. The declared title is overruled only when it is a site-wide
// title: the first <h1> and <title> agree on a headline with which it
// shares under half its words.
func (m *pageMeta) chooseTitle() string {
	sites := []string{m.props["og:site_name"], m.ld["publisher"], m.props["application-name"]}
	clean := func(s string) string {
		return oneLine(html.UnescapeString(s))
	}
	page := cutSite(clean(cutSiteName(m.title)), sites)
	best := first(clean(m.ld["headline"]), clean(m.props["og:title"]), clean(m.props["twitter:title"]),
		clean(m.props["title"]), clean(m.props["headline"]), clean(m.props["dc.title"]))
	if best == "" {
		return page
	}
	if len(m.h1) > 0 && words(m.h1[0]) == words(page) && overlap(best, page) < 0.5 {
		return oneLine(m.h1[0])
	}
	return best
}

// overlap is the share of a's words that b has.
func overlap(a, b string) float64 {
	aw, bw := strings.Fields(words(a)), strings.Fields(words(b))
	if len(aw) == 0 {
		return 0
	}
	n := 0
	for _, w := range aw {
		if slices.Contains(bw, w) {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// cutSite drops a trailing " | Site" (or " - Site", " – Site", " — Site")
// when Site is one of the page's names for itself.
func cutSite(t string, sites []string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		tail := words(t[i+len(sep):])
		if tail == "" {
			continue
		}
		for _, s := range sites {
			if s = words(s); s != "" && (s == tail || strings.HasPrefix(s, tail+" ") || strings.HasPrefix(tail, s+" ")) {
				return strings.TrimSpace(t[:i])
			}
		}
	}
	return t
}

// readMeta reads title, date, authors, canonical URL, site name, language
// and lead image from meta tags, JSON-LD, <title> and <time>.
func readMeta(doc *html.Node, base *url.URL, loc *time.Location) Article {
	m := &pageMeta{props: map[string]string{}, ld: map[string]string{}}
	m.walk(doc)
	var a Article
	a.Title = m.chooseTitle()
	for _, s := range []string{m.ld["datePublished"], m.props["article:published_time"], m.props["datepublished"],
		m.props["pubdate"], m.props["publishdate"], m.props["date"], m.props["dc.date"], m.props["dc.date.issued"],
		m.props["sailthru.date"], m.props["parsely-pub-date"], m.timeDatetime, m.ld["dateCreated"]} {
		if s == "" {
			continue
		}
		if t, ok := findDate(s, loc); ok {
			a.Date, a.Zoned = t, true
			break
		}
	}
	a.Authors = m.ldAuthors
	if len(a.Authors) == 0 {
		if s := first(m.props["author"], m.props["article:author"], m.props["byl"], m.props["dc.creator"]); s != "" && !strings.Contains(s, "://") {
			a.Authors = splitNames(strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by "))
		}
	}
	a.Source = first(m.props["og:site_name"], m.ld["publisher"], m.props["application-name"])
	a.SourceURL = first(absolute(m.canonical, base), absolute(m.props["og:url"], base))
	if a.SourceURL == "" && base != nil && (base.Scheme == "http" || base.Scheme == "https") {
		a.SourceURL = base.String()
	}
	a.Lang = strings.ToLower(first(m.lang, m.props["og:locale"]))
	if i := strings.IndexAny(a.Lang, "-_"); i > 0 {
		a.Lang = a.Lang[:i]
	}
	a.Summary = oneLine(first(m.props["og:description"], m.props["description"]))
	if img := absolute(first(m.props["og:image"], m.props["twitter:image"]), base); strings.HasPrefix(img, "http") {
		a.Image.URL = img
	}
	return a
}

func (m *pageMeta) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			m.lang = attr(n, "lang")
		case atom.H1:
			if len(m.h1) < 3 {
				if t := oneLine(textOf(n)); t != "" {
					m.h1 = append(m.h1, t)
				}
			}
		case atom.Title:
			if m.title == "" && n.FirstChild != nil {
				m.title = n.FirstChild.Data
			}
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if v := attr(n, "content"); key != "" && v != "" && m.props[key] == "" {
				m.props[key] = v
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
				m.canonical = attr(n, "href")
			}
		case atom.Time:
			if m.timeDatetime == "" {
				m.timeDatetime = attr(n, "datetime")
			}
		case atom.Script:
			if attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
				m.jsonLD(n.FirstChild.Data)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c)
	}
}

// jsonLD reads the first article-like object of a JSON-LD script, which
// pages often wrap in CDATA or comment markers.
func (m *pageMeta) jsonLD(data string) {
	data = strings.TrimSpace(data)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(data, w[0]) {
			data = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(data, w[0])), w[1]))
		}
	}
	data = strings.TrimSuffix(data, ";")
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	m.ldObject(v)
}

func (m *pageMeta) ldObject(v any) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.ldObject(e)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			m.ldObject(g)
		}
		t := strings.ToLower(ldString(x["@type"]))
		if m.ld["headline"] != "" || !(strings.Contains(t, "article") || strings.Contains(t, "posting") || strings.Contains(t, "report")) {
			return
		}
		for _, k := range []string{"headline", "datePublished", "dateCreated"} {
			m.ld[k] = ldString(x[k])
		}
		m.ld["publisher"] = ldString(x["publisher"])
		m.ldAuthors = ldNames(x["author"])
	}
}

// ldString reads a JSON-LD value that may be a string, a list or an object with a name.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		return ldString(x["name"])
	}
	return ""
}

func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
	default:
		if s := oneLine(ldString(x)); s != "" && !strings.Contains(s, "://") {
			out = append(out, s)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func absolute(href string, base *url.URL) string {
	if href == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// cutSiteName drops " | Site" or " - Site" from a <title>.
func cutSiteName(t string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > len(t)/3 {
			return t[:i]
		}
	}
	return t
}

// textOf is the text inside a node, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
