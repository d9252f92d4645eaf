package content

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// badText finds the first byte of b that is not valid UTF-8 or that starts
// a control character other than tab, line feed and carriage return
// (C0, DEL, C1): such bytes break pages, feeds and terminals downstream.
// r is utf8.RuneError for invalid UTF-8. Bodies are scanned whole on every
// build, so eight bytes are tested at once, and only those flagged (controls,
// bytes of non-ASCII runes) one by one.
func badText(b []byte) (off int, r rune, bad bool) {
	next := 0 // the end of the last rune decoded
	check := func(at int) (rune, bool) {
		if at < next {
			return 0, false // a later byte of a rune already decoded
		}
		c := b[at]
		if c < utf8.RuneSelf {
			return rune(c), true
		}
		r, n := utf8.DecodeRune(b[at:])
		next = at + n
		return r, r == utf8.RuneError && n == 1 || r <= 0x9f
	}
	i := 0
	for ; i+8 <= len(b); i += 8 {
		for m := flagged(binary.LittleEndian.Uint64(b[i:])); m != 0; m &= m - 1 {
			at := i + bits.TrailingZeros64(m)/8
			if r, bad := check(at); bad {
				return at, r, true
			}
		}
	}
	var last [8]byte
	copy(last[:], b[i:]) // padded with NULs, which the loop stops before
	for m := flagged(binary.LittleEndian.Uint64(last[:])); m != 0; m &= m - 1 {
		at := i + bits.TrailingZeros64(m)/8
		if at >= len(b) {
			break
		}
		if r, bad := check(at); bad {
			return at, r, true
		}
	}
	return 0, 0, false
}

const ones, low7, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080

// flagged sets the high bit of each byte of x (eight bytes of text) that is
// an ASCII control other than tab, line feed and carriage return, DEL, or
// not ASCII. Each test is exact per byte: no borrow crosses into the next.
func flagged(x uint64) uint64 {
	below20 := ^((x&low7 + (0x80-0x20)*ones) | x) & highs
	allowed := isByte(x, '\t') | isByte(x, '\n') | isByte(x, '\r')
	return below20&^allowed | isByte(x, 0x7f) | x&highs
}

// isByte sets the high bit of each byte of x equal to c.
func isByte(x uint64, c byte) uint64 {
	y := x ^ uint64(c)*ones
	return ^((y&low7 + low7) | y) & highs
}

// textProblem words what badText found.
func textProblem(r rune) (msg, hint string) {
	if r == utf8.RuneError {
		return "is not valid UTF-8", "save the file as UTF-8"
	}
	return fmt.Sprintf("holds the control character %U", r), "remove it (only tabs and line breaks may appear in text)"
}

// lineAt is the 1-based line of data holding byte off.
func lineAt(data []byte, off int) int {
	n := 1
	for _, c := range data[:off] {
		if c == '\n' {
			n++
		}
	}
	return n
}

// checkStrings reports front matter strings holding what badText refuses:
// YAML escapes (\0, \x07) make them from harmless bytes.
func checkStrings(fm *FrontMatter, bad func(key, msg, hint string)) {
	check := func(key string, values ...string) {
		for _, v := range values {
			if _, r, found := badText([]byte(v)); found {
				msg, hint := textProblem(r)
				bad(key, key+" "+msg, hint)
				return
			}
		}
	}
	check("title", fm.Title)
	check("date", fm.Date)
	check("updated", fm.Updated)
	check("topics", fm.Topics...)
	check("summary", fm.Summary)
	check("source", fm.Source)
	check("source_url", fm.SourceURL)
	check("authors", fm.Authors...)
	check("editors", fm.Editors...)
	check("dateline", fm.Dateline)
	check("note", fm.Note)
	check("slug", fm.Slug)
	check("lang", fm.Lang)
	check("id", fm.ID)
	if fm.Image != nil {
		check("image", fm.Image.URL, fm.Image.Caption, fm.Image.Credit)
	}
}

// iriProblem says why s is not an absolute IRI (RFC 3987), or "".
func iriProblem(s string) string {
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || !validScheme(scheme) {
		return "has no scheme (like tag:, urn: or https:)"
	}
	if rest == "" {
		return "has nothing after its scheme"
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			return "holds a space"
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			return fmt.Sprintf("holds the control character %U", r)
		case strings.ContainsRune("<>\"{}|\\^`", r):
			return fmt.Sprintf("holds %q, which an IRI may not", r)
		case r == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])):
			return "holds a % not followed by two hex digits"
		}
	}
	return ""
}

func validScheme(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// linkProblem says why s is not an http(s) URL, a relative path or a site
// path (/images/x.jpg), or "". Any other scheme (javascript:, data:) is
// refused, and so are backslashes and a leading //, which browsers read as
// a link to another host.
func linkProblem(s string) string {
	if strings.ContainsRune(s, '\\') {
		return "holds a backslash"
	}
	u, err := url.Parse(s)
	if err != nil {
		return "is not a URL"
	}
	switch {
	case u.Scheme == "" && strings.HasPrefix(s, "//"):
		return "starts with //"
	case u.Scheme == "":
		return ""
	case u.Scheme != "http" && u.Scheme != "https":
		return "uses the scheme " + u.Scheme + ":, not http: or https:"
	case u.Host == "":
		return "has no host"
	}
	return ""
}

// Dates are kept to years that print as four digits in RFC 3339 in any
// zone, and that feeds and sitemaps accept.
const minYear, maxYear = 1000, 9000

var yearRange = fmt.Sprintf(" is outside the years %d to %d (in UTC)", minYear, maxYear)

func yearProblem(t time.Time) bool {
	y := t.UTC().Year()
	return y < minYear || y > maxYear
}
