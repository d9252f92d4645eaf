package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Words are the words of s as the index holds them and the search page
// asks for them (static/js/search.js folds a query the same way): runs of
// letters and digits of any script, decomposed, without their accents,
// lowercased, and with the Greek final sigma as the plain one (a browser
// lowercases a word-final Σ to ς, Go to σ).
func Words(s string) []string {
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
