package ingest

import (
	"slices"
	"strings"
)

// SuggestFor lists topics for an article: the site's topics that the
// sections or categories it declares map onto, then its looser tags, and
// only when neither maps the keywords and the model (Suggest).
func (c *Classifier) SuggestFor(a *Article) []string {
	if t := c.Declared(a.Topics); len(t) > 0 {
		return t
	}
	if t := c.Declared(a.Tags); len(t) > 0 {
		return t
	}
	return c.Suggest(a.Title, a.Body())
}

// Declared maps declared categories onto the site's topics: a category
// names a topic when it is the topic's slug or name ("Technology",
// "technology"), a short form of it ("Tech" for Technology, at least four
// letters), or one of its keywords. Categories that map onto nothing are
// dropped.
func (c *Classifier) Declared(cats []string) []string {
	var out []string
	for _, cat := range cats {
		w := words(cat)
		if w == "" {
			continue
		}
		for slug, name := range c.names {
			sw, nw := words(strings.ReplaceAll(slug, "-", " ")), words(name)
			short := len(w) >= 4 && (strings.HasPrefix(nw, w) || strings.HasPrefix(sw, w))
			if w == sw || w == nw || short || slices.Contains(c.keywords[slug], w) {
				out = append(out, slug)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
