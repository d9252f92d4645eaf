package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The words Stories compares: terms of a headline and a lead.

// leadOf is the start of a body, long enough for leadTerms, without the
// targets of Markdown links, whose words are no part of the story. Other
// markup is punctuation, which forTerms skips; plain's regular expressions
// would cost more than all the rest of Add.
func leadOf(body string) string {
	const most = 4 << 10
	if len(body) > most {
		body = body[:most]
	}
	if !strings.Contains(body, "](") {
		return body
	}
	var b strings.Builder
	for {
		i := strings.Index(body, "](")
		if i < 0 {
			break
		}
		b.WriteString(body[:i+1])
		body = body[i+2:]
		if j := strings.IndexByte(body, ')'); j >= 0 {
			body = body[j+1:]
		}
	}
	b.WriteString(body)
	return b.String()
}

// jaccard is the share of terms two sorted sets have in common.
func jaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// forTerms calls fn with the terms of text: words folded to lower case and
// cut to their first stemLen letters (a stem good enough to match "raise",
// "raises" and "raised" in any language), figures whole with their
// decimal points ("4.75"); stopwords and single letters are left out.
// It stops when fn returns false.
func forTerms(text string, fn func(string) bool) {
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			text = text[size:]
			continue
		}
		end := size
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				end += n
				continue
			}
			// A point or comma between digits belongs to the figure.
			if (r == '.' || r == ',') && end+1 < len(text) && isDigit(text[end-1]) && isDigit(text[end+1]) {
				end += n
				continue
			}
			break
		}
		word := strings.ToLower(text[:end])
		text = text[end:]
		if stopwords[word] || utf8.RuneCountInString(word) < 2 && !isDigit(word[0]) {
			continue
		}
		if isDigit(word[0]) {
			word = strings.ReplaceAll(word, ",", "")
		} else {
			word = stem(word)
		}
		if !fn(word) {
			return
		}
	}
}

const stemLen = 5

func stem(word string) string {
	n := 0
	for i := range word {
		if n == stemLen {
			return word[:i]
		}
		n++
	}
	return word
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func dayOf(t time.Time) int64 { return t.Unix() / 86400 }
