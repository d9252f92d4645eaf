package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// postNav is a link to the previous or the next story of a blog or site.
const postNav = `(?:[«‹<←]\s*)?(?:(?:previous|next|older|newer) (?:article|post|story|entry)s?|` +
	`(?:vorheriger|nächster|voriger) (?:artikel|beitrag)|(?:article|billet) (?:précédent|suivant)|` +
	`(?:artículo|artigo|articolo) (?:anterior|siguiente|seguinte|precedente|successivo)|próximo artigo)(?:\s*[»›>→])?`

// aboutName: "About Jane Doe", the heading of the box of the author's or
// the company's profile that follows a story or a press release.
func aboutName(s string) bool {
	var rest string
	ok := false
	for _, p := range [...]string{"About ", "Über ", "À propos de ", "Sobre "} {
		if rest, ok = strings.CutPrefix(s, p); ok {
			break
		}
	}
	f := strings.Fields(rest)
	if !ok || len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return !strings.ContainsAny(rest, ".?!:,")
}
