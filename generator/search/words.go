package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words are the words of s as the index holds them and the search page
// asks for them (static/js/search.js folds a query the same way): runs of
// letters and digits of any script, decomposed, without their accents,
// lowercased, and with the Greek final sigma as the plain one (a browser
// lowercases a word-final Σ to ς, Go to σ).
func Words(s string) []string {
	if ascii(s) {
		return asciiWords(s)
	}
	folded := strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.M, r):
			return -1
		case r == 'ς':
			return 'σ'
		}
		return unicode.ToLower(r)
	}, norm.NFD.String(s))
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiWords is Words of ASCII text (most of an English digest's), which
// needs no decomposition: the general path's cost is most of an index
// build (FuzzWords holds the two to the same words).
func asciiWords(s string) []string {
	var words []string
	var b []byte
	flush := func() {
		if len(b) > 0 {
			words = append(words, string(b))
			b = b[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			flush()
		}
	}
	flush()
	return words
}
