package ingest

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// readDateSpan is findDateSpan for a page that writes numeric dates day
// first ("05/03/2022" is 5 March) when dayFirst is set, else month first
// (3 May, as American pages write it); a first number over 12 is a day
// either way.
func readDateSpan(s string, loc *time.Location, dayFirst bool) (t time.Time, at, end int, ok bool) {
	t, at, end, ok = readDateSpanAt(s, loc, dayFirst)
	if len(s) > 200 {
		return t, at, end, ok
	}
	// "1. November 20161. November 2016", "2 May 2020Updated 3 May 2020",
	// "7. Januar 20220": a text dump glues the published day to the
	// updated one, a label or a comment count; the year ends where four
	// digits do, and the glued date, the first, is the one to read.
	i := gluedYear(s)
	if i < 0 || ok && at < i {
		return t, at, end, ok
	}
	if t2, at2, end2, ok2 := readDateSpanAt(s[:i]+" "+s[i:], loc, dayFirst); ok2 && (!ok || at2 < i) {
		if end2 > i {
			end2--
		}
		return t2, at2, end2, true
	}
	return t, at, end, ok
}

// gluedYear is where a year of this century or the last, standing after a
// space or a comma, runs on into a letter or a digit without a break; -1
// when none does.
func gluedYear(s string) int {
	for i := 0; i+4 < len(s); i++ {
		if i > 0 && s[i-1] != ' ' && s[i-1] != ',' {
			continue
		}
		if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+4:]); isDigit(s[i+4]) || unicode.IsLetter(r) {
			return i + 4
		}
	}
	return -1
}

// dayCommaYear reports whether a digit, a comma, perhaps a space, and four
// digits follow each other ("9, 2016"): the cheap test that spares most
// text intlMdyDate.
func dayCommaYear(s string) bool {
	for i := 1; i+5 <= len(s); i++ {
		if s[i] != ',' || !isDigit(s[i-1]) {
			continue
		}
		j := i + 1
		if s[j] == ' ' {
			j++
		}
		if j+4 <= len(s) && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) {
			return true
		}
	}
	return false
}
