// Package search makes the index that the search page queries in the
// reader's browser: a manifest, shards of words and chunks of records (see
// shards.go for the layout), so that a query fetches only the shards of its
// words and the records it shows, however large the archive.
package search

import (
	"strconv"
	"unicode/utf8"

	"github.com/digest-news/digest/generator/site"
)

// Path is the index's manifest; the search page fetches it first.
const Path = "search/index.json"

// appendRecord writes an article's record: {"t": title, "u": URL, "d": day,
// "s": summary, "g": topic names, "o": source}, the last three left out when
// empty. Records are written by hand, as encoding/json would write them:
// going through reflection for every article would weigh on every build of
// a large site.
func appendRecord(b []byte, a *site.Article) []byte {
	b = append(b, `{"t":`...)
	b = appendString(b, a.Title)
	b = append(b, `,"u":`...)
	b = appendString(b, a.URL)
	b = append(b, `,"d":"`...)
	b = a.Date.AppendFormat(b, "2006-01-02")
	b = append(b, '"')
	if a.Summary != "" {
		b = append(b, `,"s":`...)
		b = appendString(b, a.Summary)
	}
	if len(a.Topics) > 0 {
		b = append(b, `,"g":[`...)
		for j, t := range a.Topics {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, t.Name)
		}
		b = append(b, ']')
	}
	if a.Source != "" {
		b = append(b, `,"o":`...)
		b = appendString(b, a.Source)
	}
	return append(b, '}')
}

// appendString appends s as a JSON string escaped as encoding/json escapes
// it: <, > and & as \u sequences (the index may be inlined in a page),
// invalid UTF-8 as U+FFFD, and the line and paragraph separators.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(append(b, s[start:i]...), `\u202`...)
			b = strconv.AppendInt(b, int64(r&0xf), 16)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}
