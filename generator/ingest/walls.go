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

// boxWall matches the walls that head a box of links to other stories,
// which pages also set inside an article, between two of its paragraphs.
var boxWall = lazyRegexp(`(?i)^(?:` + strings.Join([]string{
	`(?:related|more) (?:posts|articles|stories|coverage|news)`,
	`(?:latest|breaking|related|top|more) (?:news|stories|headlines)`,
	`related coverage(?: from)?.{0,80}`,
	`(?:ähnliche|verwandte|weitere) (?:artikel|beiträge|nachrichten|meldungen)`,
	`(?:articles? (?:similaires|liés)|sur le même sujet|dans la même rubrique)`,
	`(?:noticias|artículos|notas|notícias|artigos|matérias|articoli|notizie) (?:relacionad[oa]s|correlat[ie])`,
}, "|") + `)$`)

// boxLook is how many blocks after a box's heading the article may go on.
const boxLook = 5

// inlineBoxes lifts the wall of a box heading that the article goes on
// after: two paragraphs in a row, whole sentences of some length, within a
// few blocks of it. After the article's end come the box's headlines and
// blurbs, and comments, not paragraphs that follow each other.
func inlineBoxes(blocks []*block) {
	for i, b := range blocks {
		if !b.wall || !boxWall().MatchString(strings.TrimSpace(b.text)) {
			continue
		}
		for j := i + 1; j+1 < len(blocks) && j <= i+boxLook; j++ {
			if paragraph(blocks[j]) && paragraph(blocks[j+1]) {
				// The heading stays out of the body as its links do,
				// whatever the language of its words.
				b.wall, b.class = false, bad
				// What stands between the heading and the paragraphs is
				// the box's links, not the article.
				for _, l := range blocks[i+1 : j] {
					l.class = bad
				}
				break
			}
		}
	}
}

// paragraph: a block of prose that ends like a sentence and runs long.
func paragraph(b *block) bool {
	return b.class == good && b.final && !b.cut && !b.bullet && !b.repeat && b.words >= 15
}
