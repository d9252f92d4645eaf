package site

import (
	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/markdown"
)

// smartAlso is an entry's also list with its titles through the
// typographer, as the entry's own title is, so that the page, its JSON-LD
// and its feed item show the same characters.
func smartAlso(list []content.Also) []content.Also {
	if len(list) == 0 {
		return nil
	}
	out := make([]content.Also, len(list))
	for i, a := range list {
		a.Title = markdown.Smarten(a.Title)
		out[i] = a
	}
	return out
}
