package ingest

import (
	"encoding/json"
	"net/url"
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
}

// readMeta reads title, date, authors, canonical URL, site name, language
// and lead image from meta tags, JSON-LD, <title> and <time>.
func readMeta(doc *html.Node, base *url.URL, loc *time.Location) Article {
	m := &pageMeta{props: map[string]string{}, ld: map[string]string{}}
	m.walk(doc)
	var a Article
	a.Title = first(m.ld["headline"], m.props["og:title"], m.props["twitter:title"], m.props["title"], m.props["headline"], cutSiteName(m.title))
	a.Title = oneLine(html.UnescapeString(a.Title))
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

// jsonLD reads the first article-like object of a JSON-LD script.
func (m *pageMeta) jsonLD(data string) {
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
