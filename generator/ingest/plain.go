package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The news rules read every paragraph several times as plain text or as
// its words, so these conversions are written as single passes over the
// string rather than chains of regexps, replacers and splits; each keeps
// the result of the chain it replaces, which plain_test.go checks.

// plain strips Markdown links, emphasis and escapes for a plain-text summary.
func plain(md string) string {
	s := md
	if strings.IndexByte(s, '[') >= 0 {
		s = replaceLinks(s, true)
	}
	return squeeze(dropMarkup(s))
}

// replaceLinks replaces each Markdown link or image, [text](url) or
// ![alt](src), by its text, or by nothing unless keepText. A link is the
// text up to the first "]", which "(" must follow, then the address up to
// the first ")".
func replaceLinks(md string, keepText bool) string {
	var b []byte
	done := 0 // md[:done] is in b
	for i := 0; ; {
		j := strings.IndexByte(md[i:], '[')
		if j < 0 {
			break
		}
		j += i
		k := strings.IndexByte(md[j+1:], ']')
		if k < 0 {
			break // no later "[" closes either
		}
		k += j + 1
		if k+1 == len(md) || md[k+1] != '(' {
			i = k + 1 // a "[" before k closes at k too, and fails the same way
			continue
		}
		m := strings.IndexByte(md[k+2:], ')')
		if m < 0 {
			break
		}
		m += k + 2
		start := j
		if j > done && md[j-1] == '!' {
			start = j - 1
		}
		b = append(b, md[done:start]...)
		if keepText {
			b = append(b, md[j+1:k]...)
		}
		done, i = m+1, m+1
	}
	if done == 0 {
		return md
	}
	return string(append(b, md[done:]...))
}

// dropMarkup removes "**", "__" and backslashes, scanning left to right.
func dropMarkup(s string) string {
	if strings.IndexByte(s, '\\') < 0 && !strings.Contains(s, "**") && !strings.Contains(s, "__") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
		case (s[i] == '*' || s[i] == '_') && i+1 < len(s) && s[i+1] == s[i]:
			i++
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}

// squeeze is strings.Join(strings.Fields(s), " "): the words of s, one
// space between them.
func squeeze(s string) string {
	if squeezed(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	gap := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			gap = true
		} else {
			if gap && len(b) > 0 {
				b = append(b, ' ')
			}
			gap = false
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// squeezed tells whether s has no space but single ASCII ones between words.
func squeezed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// words is s lowercased, its runs of letters and digits joined by single
// spaces: strings.Join(strings.FieldsFunc(strings.ToLower(s), notLetter), " ").
func words(s string) string {
	b := make([]byte, 0, len(s))
	gap := false
	for _, r := range s { // an invalid byte is utf8.RuneError, as strings.ToLower writes it
		r = lower(r)
		if notLetter(r) {
			gap = true
			continue
		}
		if gap && len(b) > 0 {
			b = append(b, ' ')
		}
		gap = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// lower is unicode.ToLower, without its table lookups for ASCII.
func lower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// wordsAre reports whether words(s) == w, reading s only as far as they agree.
func wordsAre(s, w string) bool {
	j := 0
	gap := false
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		r = lower(r)
		if notLetter(r) {
			gap = true
			continue
		}
		if gap && j > 0 {
			if j == len(w) || w[j] != ' ' {
				return false
			}
			j++
		}
		gap = false
		n := utf8.EncodeRune(buf[:], r)
		if len(w)-j < n || w[j:j+n] != string(buf[:n]) {
			return false
		}
		j += n
	}
	return j == len(w)
}
