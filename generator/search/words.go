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
func Words(s string) []string { return appendWords(nil, s) }

// appendWords appends the Words of s to words.
func appendWords(words []string, s string) []string {
	if ascii(s) {
		return appendASCIIWords(words, s)
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
	return append(words, strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })...)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendASCIIWords is appendWords of ASCII text (most of an English digest's), which
// needs no decomposition: the general path's cost is most of an index
// build (FuzzWords holds the two to the same words). A word with no capital
// is a slice of s, not a copy.
func appendASCIIWords(words []string, s string) []string {
	start, upper := -1, false
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			upper = true
		default:
			if start >= 0 {
				w := s[start:i]
				if upper {
					w = strings.ToLower(w)
				}
				words = append(words, w)
			}
			start, upper = -1, false
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return words
}
