package content

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds slugs, which become folder names of the output: most file
// systems refuse names over 255 bytes.
const maxSlug = 200

// SlugFromName derives an entry's default slug from its file name: the name
// without its extension, in lower case, accents dropped (é to e, ß to ss),
// and every run of other characters (spaces, punctuation) made one hyphen.
// "Long Title With Spaces.md" gives long-title-with-spaces. Letters with no
// plain form (東, я) are kept, and then refused by ParseEntry's slug check,
// which asks for a slug: rather than guess one.
func SlugFromName(file string) string {
	name := path.Base(file)
	name = name[:len(name)-len(path.Ext(name))]
	if validSlug(name) {
		return name
	}
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue // the accent of a decomposed letter
		}
		if s, ok := plainLetters[r]; ok {
			r, gap = 0, writeGap(&b, gap)
			b.WriteString(s)
		}
		switch {
		case r == 0:
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			gap = writeGap(&b, gap)
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			gap = writeGap(&b, gap)
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	return b.String()
}

// writeGap writes the hyphen a run of separators leaves, but none at the start.
func writeGap(b *strings.Builder, gap bool) bool {
	if gap && b.Len() > 0 {
		b.WriteByte('-')
	}
	return false
}

// plainLetters are the Latin letters that do not decompose into a plain
// letter and an accent.
var plainLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
}
