package ingest

import (
	"strings"
	"unicode"
)

// maxSlug is the longest slug ingest writes, in bytes.
const maxSlug = 80

// translit spells common non-ASCII letters in ASCII; accents are dropped by
// fold below.
var translit = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'ŋ': "ng",
	'&': " and ", '€': " euro ", '£': " pound ", '$': " dollar ", '%': " percent ",
}

// fold maps accented Latin letters to their base letter.
var fold = func() map[rune]rune {
	m := map[rune]rune{}
	groups := map[rune]string{
		'a': "àáâãäåāăąǎ", 'c': "çćĉċč", 'd': "ď", 'e': "èéêëēĕėęě", 'g': "ĝğġģ", 'h': "ĥ",
		'i': "ìíîïĩīĭįǐ", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀ", 'n': "ñńņňŉ", 'o': "òóôõöōŏőǒ",
		'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűųǔ", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	}
	for base, list := range groups {
		for _, r := range list {
			m[r] = base
			m[unicode.ToUpper(r)] = base
		}
	}
	return m
}()

// Slug makes a URL slug from a title: ASCII, lowercase, words joined by
// hyphens, at most 80 bytes cut at a word boundary. It is "article" when
// nothing is left.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range title {
		if s, ok := translit[r]; ok {
			for _, c := range s {
				dash = slugRune(&b, c, dash)
			}
			continue
		}
		if f, ok := fold[r]; ok {
			r = f
		}
		dash = slugRune(&b, unicode.ToLower(r), dash)
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > maxSlug {
		s = s[:maxSlug+1]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		} else {
			s = s[:maxSlug]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return "article"
	}
	return s
}

// slugRune appends r when it is ASCII alphanumeric, else at most one hyphen.
// Apostrophes vanish so "China's" reads "chinas".
func slugRune(b *strings.Builder, r rune, dash bool) bool {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		return false
	case r == '\'' || r == '’':
		return dash
	}
	return true
}
