package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSummary is the longest summary in bytes; it ends at a sentence boundary
// when the lead allows.
const maxSummary = 300

// Summarize takes the lead's first sentences, up to maxSummary bytes.
func Summarize(paras []string) string {
	for _, p := range paras {
		p = plain(p)
		if strings.HasPrefix(p, "#") || utf8.RuneCountInString(p) < 40 {
			continue
		}
		return leadSentences(p, maxSummary)
	}
	return ""
}

func leadSentences(p string, max int) string {
	end := 0
	for _, i := range sentenceEnds(p) {
		if i > max {
			break
		}
		end = i
	}
	if end == 0 {
		if len(p) <= max {
			return p
		}
		return cutAt(p, max-3) + "…"
	}
	return strings.TrimSpace(p[:end])
}

// abbrevs end with a full stop without ending a sentence.
var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"no": true, "vs": true, "prof": true, "lt": true, "col": true, "sgt": true, "capt": true, "rev": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true}

// sentenceEnds lists byte offsets just past each sentence's final punctuation.
func sentenceEnds(p string) []int {
	var ends []int
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.IndexByte("\"')]", p[j]) >= 0 {
			j++
		}
		if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
			j += 3
		}
		if j < len(p) && p[j] != ' ' {
			continue
		}
		if c == '.' && isAbbrev(p[:i]) {
			continue
		}
		if j < len(p) {
			r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[j:], " "))
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'(", r) {
				continue
			}
		}
		ends = append(ends, j)
	}
	return ends
}

// isAbbrev: the word before a full stop is an initial, a dotted acronym
// (U.S.) or a known abbreviation.
func isAbbrev(before string) bool {
	w := before[strings.LastIndexAny(before, " (\"“")+1:]
	if strings.Contains(w, ".") {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbrevs[strings.ToLower(w)]
}
