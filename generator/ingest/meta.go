package ingest

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta collects what a page says about itself, by source, so the
// article can take each field from the most trusted one: JSON-LD, then
// Open Graph and other meta tags, then microdata and <time>, then the
// visible byline and date elements.
type pageMeta struct {
	props     map[string]string // meta property, name and itemprop (each) -> content
	ld        ldInfo
	ldr       ldReader
	title     string
	canonical string
	lang      string
	h1        []string // texts of the first few <h1>
	h2        []string // and of <h2> and <h3>
	items     map[string]string
	itemAuth  []string
	times     []timeElem
	relAuth   []string // texts of rel=author links
	bylines   []string // short texts of elements whose class or id says author or byline
	dateTexts []string // short texts of elements whose class or id says date or time
}

// timeElem is a <time> element: its datetime and whether it is marked as
// the publication (pubdate, itemprop, class) or the modification date.
type timeElem struct {
	datetime, text string
	pub, mod       bool
}

// readMeta reads title, date, authors, canonical URL, site name, language,
// section and lead image from what the page declares.
func readMeta(doc *html.Node, base *url.URL, loc *time.Location) Article {
	a, _ := readPage(doc, base, loc)
	return a
}

// readPage is readMeta that also returns the page's visible text.
func readPage(doc *html.Node, base *url.URL, loc *time.Location) (Article, *visText) {
	m := &pageMeta{props: map[string]string{}, items: map[string]string{}}
	m.walk(doc, 0)
	m.ld = m.ldr.info()
	var a Article
	a.SourceURL = first(absolute(m.canonical, base), absolute(m.props["og:url"], base))
	if a.SourceURL == "" && base != nil && (base.Scheme == "http" || base.Scheme == "https") {
		a.SourceURL = base.String()
	}
	a.Source = first(m.props["og:site_name"], m.ld.publisher, m.props["application-name"])
	a.Authors = m.chooseAuthors(a.Source, a.SourceURL)
	a.Title = m.chooseTitle(a.Source, a.SourceURL, a.Authors)
	a.Lang = first(m.lang, m.props["og:locale"], m.props["content-language"], m.props["dc.language"], m.ld.lang)
	var vis *visText // read once, when a field needs what the page shows
	visible := func() *visText {
		if vis == nil {
			vis = readVisible(doc, a.Title)
			vis.dayFirst = writesDayFirst(a.Lang, a.SourceURL)
		}
		return vis
	}
	if len(a.Authors) == 0 {
		a.Authors = m.keepNames(visible().nearByline(), a.Source, a.SourceURL)
	}
	a.Date = m.chooseDate(visible, a.SourceURL, loc)
	a.Zoned = !a.Date.IsZero()
	a.Summary = chooseSummary(m.props["og:description"], m.props["description"], m.props["twitter:description"])
	if img := absolute(first(m.props["og:image"], m.props["twitter:image"], m.ld.imageURL), base); strings.HasPrefix(img, "http") {
		a.Image.URL = img
		a.Image.Caption = m.ld.imageCaption
	}
	for _, s := range []string{m.ld.section, m.props["article:section"], m.props["section"], m.props["parsely-section"]} {
		if s = oneLine(html.UnescapeString(s)); s != "" {
			a.Topics = append(a.Topics, s)
		}
	}
	for _, s := range []string{m.props["article:tag"], m.props["parsely-tags"], m.props["news_keywords"], m.props["keywords"], m.ld.keywords} {
		for _, t := range strings.Split(html.UnescapeString(s), ",") {
			if t = oneLine(t); t != "" && len(a.Tags) < 30 {
				a.Tags = append(a.Tags, t)
			}
		}
	}
	return a, visible()
}

func (m *pageMeta) walk(n *html.Node, depth int) {
	if depth > 500 {
		return
	}
	if n.Type == html.ElementNode {
		m.element(n)
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c, depth+1)
	}
}

func (m *pageMeta) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		m.lang = attr(n, "lang")
	case atom.H1:
		if len(m.h1) < 3 {
			if t := trimMarks(oneLine(h1Text(n))); t != "" {
				m.h1 = append(m.h1, t)
			}
		}
	case atom.H2, atom.H3:
		if len(m.h2) < 6 {
			if t := trimMarks(oneLine(textOf(n))); t != "" {
				m.h2 = append(m.h2, t)
			}
		}
	case atom.Title:
		if m.title == "" && n.FirstChild != nil && n.Namespace == "" { // not an SVG's title
			m.title = n.FirstChild.Data
		}
	case atom.Meta:
		if v := strings.TrimSpace(attr(n, "content")); v != "" {
			for _, k := range [...]string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && m.props[key] == "" {
					m.props[key] = v
				}
			}
		}
		return
	case atom.Link:
		if rel := strings.ToLower(attr(n, "rel")); rel == "canonical" && m.canonical == "" {
			m.canonical = attr(n, "href")
		}
		return
	case atom.Time:
		te := timeElem{datetime: first(attr(n, "datetime"), attr(n, "content")), text: capText(n, 100)}
		marks := strings.ToLower(attr(n, "itemprop") + " " + attr(n, "class") + " " + attr(n, "id"))
		te.pub = hasAttr(n, "pubdate") || strings.Contains(marks, "publish") || strings.Contains(marks, "created")
		te.mod = !te.pub && (strings.Contains(marks, "modif") || strings.Contains(marks, "update"))
		if len(m.times) < 20 {
			m.times = append(m.times, te)
		}
	case atom.Script:
		if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
			m.ldr.add(n.FirstChild.Data)
		}
		return
	case atom.A:
		if strings.Contains(strings.ToLower(attr(n, "rel")), "author") && len(m.relAuth) < 5 {
			if t := capText(n, 100); t != "" {
				m.relAuth = append(m.relAuth, t)
			}
		}
	}
	if p := attr(n, "itemprop"); p != "" {
		m.microdata(n, p)
	}
	m.marked(n)
}

// microdata reads itemprop dates and authors outside meta tags.
func (m *pageMeta) microdata(n *html.Node, prop string) {
	for _, p := range strings.Fields(prop) {
		switch p {
		case "datePublished", "dateCreated", "dateModified":
			if m.items[p] == "" {
				m.items[p] = first(attr(n, "content"), attr(n, "datetime"), capText(n, 100))
			}
		case "author", "creator":
			if len(m.itemAuth) >= 5 {
				continue
			}
			name := attr(n, "content")
			if name == "" && hasAttr(n, "itemscope") {
				name = itemName(n)
			}
			if name == "" && !hasAttr(n, "itemscope") {
				name = capText(n, 100)
			}
			if name != "" {
				m.itemAuth = append(m.itemAuth, name)
			}
		}
	}
}

// itemName is the text of the itemprop=name inside an itemscope.
func itemName(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if strings.Contains(" "+attr(c, "itemprop")+" ", " name ") {
			return first(attr(c, "content"), capText(c, 100))
		}
		if s := itemName(c); s != "" {
			return s
		}
	}
	return ""
}

// marked collects the short texts of elements whose class or id names
// them a byline or a date, as most templates do in some language.
func (m *pageMeta) marked(n *html.Node) {
	marks := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if len(marks) < 4 {
		return
	}
	if len(m.bylines) < 8 && containsAny(marks, "author", "byline", "autor", "verfasser", "writer", "redakteur") &&
		!containsAny(marks, "comment", "bio", "about", "avatar", "image", "photo", "img", "description", "box") {
		if t := capText(n, 120); t != "" {
			m.bylines = append(m.bylines, t)
		}
	}
	if len(m.dateTexts) < 12 && containsAny(marks, "date", "time", "datum", "publish", "posted", "dateline", "meta", "byline", "zeit", "fecha", "data") &&
		!containsAny(marks, "comment", "update", "modif") {
		if t := capText(n, 160); t != "" && hasDigit(t) && !pageClock(t) {
			m.dateTexts = append(m.dateTexts, t)
		}
	}
}

func containsAny(s string, subs ...string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// chooseSummary is the first description a page declares, or a longer one
// that holds it whole: a social card's teaser is often the last words of
// the page's own description ("There's no going back from here."), which
// alone says nothing of the story.
func chooseSummary(descs ...string) string {
	best := ""
	for _, d := range descs {
		d = oneLine(d)
		if best == "" || len(d) > len(best) && strings.Contains(strings.ToLower(d), strings.ToLower(best)) {
			best = d
		}
	}
	return best
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

// textOf is the text inside a node, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	collectText(n, &b, -1, nil)
	return b.String()
}

// capText is the one-line text of a small element, or "" when it holds
// more than max bytes: bylines and dates are short, boxes that merely
// mention them are not.
func capText(n *html.Node, max int) string {
	var b strings.Builder
	if !collectText(n, &b, max*3, nil) {
		return ""
	}
	s := oneLine(html.UnescapeString(b.String()))
	if len(s) > max {
		return ""
	}
	return s
}

// collectText writes the text under n, leaving out the elements skip
// (when not nil) says are no part of it; it stops and reports false once
// more than limit bytes are written (limit < 0: no limit).
func collectText(n *html.Node, b *strings.Builder, limit int, skip func(*html.Node) bool) bool {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		return limit < 0 || b.Len() <= limit
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || skip != nil && skip(n)):
		return true
	}
	block := n.Type == html.ElementNode && !inline[n.DataAtom]
	if block {
		b.WriteByte(' ') // "<div>By</div><div>Jane</div>" is two words
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !collectText(c, b, limit, skip) {
			return false
		}
	}
	if block {
		b.WriteByte(' ')
	}
	return true
}

// inline elements run on within a line of text.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.I: true,
	atom.Small: true, atom.Abbr: true, atom.Time: true, atom.Sup: true, atom.Sub: true, atom.Mark: true,
	atom.U: true, atom.Font: true, atom.Q: true, atom.Cite: true, atom.Code: true, atom.S: true,
}
