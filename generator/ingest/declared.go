package ingest

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// SuggestFor lists topics for an article: the site's topics that the
// sections or categories it declares map onto, then its looser tags, then
// the folders of its address, and only when none maps the keywords and
// the model (Suggest).
func (c *Classifier) SuggestFor(a *Article) []string {
	if t := c.Declared(a.Topics); len(t) > 0 {
		return t
	}
	if t := c.Declared(a.Tags); len(t) > 0 {
		return t
	}
	if t := c.Declared(urlSections(a.SourceURL)); len(t) > 0 {
		return t
	}
	return c.Suggest(a.Title, a.Body())
}

// urlSections are the folders of a page's address that may name its
// desk ("/2016/07/30/business/dealbook/slug.html": business, dealbook):
// the words before the last part, which is the page's own.
func urlSections(src string) []string {
	u, err := url.Parse(src)
	if err != nil {
		return nil
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	var out []string
	for _, p := range parts[:max(0, len(parts)-1)] {
		if p != "" && len(p) <= 24 && !strings.ContainsFunc(p, unicode.IsDigit) {
			out = append(out, strings.ReplaceAll(p, "-", " "))
		}
	}
	return out
}

// sections are the names newsrooms give the same desk, in the languages
// ingest reads: a page filed under "Business" or "Wirtschaft" belongs to a
// site's economy topic.
var sections = [][]string{
	{"economy", "business", "money", "markets", "finance", "wirtschaft", "finanzen", "economie", "économie", "economia", "economía", "negocios"},
	{"technology", "tech", "technik", "digital", "tecnologia", "tecnología", "technologie", "tecnologie"},
	{"science", "sciences", "wissenschaft", "wissen", "ciencia", "ciência", "scienza", "scienze"},
	{"health", "gesundheit", "santé", "salud", "saúde", "salute", "wellness"},
	{"world", "international", "ausland", "welt", "monde", "mundo", "mondo", "internacional"},
	{"politics", "politik", "politique", "política", "politica"},
	{"culture", "arts", "kultur", "entertainment", "cultura", "feuilleton"},
	{"sport", "sports", "deportes", "esportes", "desporto"},
	{"climate", "environment", "umwelt", "klima", "environnement", "clima", "medio ambiente", "meio ambiente", "ambiente"},
}

// sameSection reports whether two names (as words) are one desk's.
func sameSection(a, b string) bool {
	for _, g := range sections {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

// Declared maps declared categories onto the site's topics: a category
// names a topic when it is the topic's slug or name ("Technology",
// "technology"), a short form of it ("Tech" for Technology, at least four
// letters), one of its keywords, or another name of the same desk
// ("Business" for Economy) when it names no topic itself. Categories
// that map onto nothing are dropped.
func (c *Classifier) Declared(cats []string) []string {
	var out []string
	for _, cat := range cats {
		w := words(cat)
		if w == "" {
			continue
		}
		var named, desk []string
		for slug, name := range c.names {
			sw, nw := words(strings.ReplaceAll(slug, "-", " ")), words(name)
			short := len(w) >= 4 && (strings.HasPrefix(nw, w) || strings.HasPrefix(sw, w))
			if w == sw || w == nw || short || slices.Contains(c.keywords[slug], w) {
				named = append(named, slug)
			} else if sameSection(w, sw) || sameSection(w, nw) {
				desk = append(desk, slug)
			}
		}
		if len(named) == 0 { // a topic the category names wins over its desk's
			named = desk
		}
		out = append(out, named...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
