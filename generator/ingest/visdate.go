package ingest

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// How far from the headline a printed date may stand, in bytes of
// visible text: the byline bar under it, a kicker or breadcrumb above it.
const (
	visAfter  = 400
	visBefore = 160
	visMax    = 200 << 10 // the text read for labelled dates
)

// shownDate finds the date a page prints when it declares none: next to
// its headline (datelineDates: the first after it, else the nearest before
// it, "Kultur, 2.11.22 · Headline"), or else after a label (labelledDate).
func (v *visText) shownDate(loc *time.Location) (time.Time, bool) {
	if d := v.datelineDates(loc); len(d) > 0 {
		return d[0].t, true
	}
	return v.labelledDate(loc)
}

// readVisible reads the visible text of a page and finds its headline:
// the heading whose words are the title's, else the first <h1>, else the
// first <h2> (a blog's post under the blog's name).
func readVisible(doc *html.Node, title string) *visText {
	v := &visText{title: words(title), start: -1, h1: -1, h2: -1, line: -1}
	v.walk(doc, 0)
	switch {
	case v.start >= 0:
	case v.h1 >= 0:
		v.start, v.end = v.h1, v.h1End
	case v.h2 >= 0:
		v.start, v.end = v.h2, v.h2End
	default:
		v.start, v.end = v.line, v.lineEnd
	}
	return v
}

// labelledDate is the first date the text writes after a label of
// publication, else in a byline, else after a label of the last change.
func (v *visText) labelledDate(loc *time.Location) (time.Time, bool) {
	if t, ok := v.pubLabelled(loc); ok {
		return t, true
	}
	text, lower := v.lowered()
	if t, ok := bylineDate(text, loc, v.dayFirst); ok {
		return t, true
	}
	return labelledDate(text, lower, changeLabels, loc, v.dayFirst)
}

// pubLabelled is the first date the text writes after a label of
// publication ("Veröffentlicht am 16.08.2019").
func (v *visText) pubLabelled(loc *time.Location) (time.Time, bool) {
	text, lower := v.lowered()
	return labelledDate(text, lower, pubLabels, loc, v.dayFirst)
}

// lowered is the text and its lower case, both the lower case when a
// letter's lower case is longer, so that offsets in one hold in the other.
func (v *visText) lowered() (text, lower string) {
	text = v.b.String()
	lower = strings.ToLower(text)
	if len(lower) != len(text) {
		text = lower
	}
	return text, lower
}

// Words that label a date in the text, in the languages ingest reads: of
// publication, then of the last change.
var (
	pubLabels = []string{"published", "posted", "erschienen", "veröffentlicht", "publiziert", "gepostet",
		"publié", "publicado", "pubblicato", "date", "datum", "fecha", "data"}
	changeLabels = []string{"updated", "last edited", "last modified", "aktualisiert", "letzte änderung",
		"zuletzt geändert", "stand", "mis à jour", "modifié", "actualizado", "atualizado", "aggiornato"}
)

// dateLinks are the words between a label and its date ("am", "on", "le").
var dateLinks = [...]string{"am ", "on ", "at ", "le ", "el ", "il ", "em ", "den ", "vom ", "the "}

// labelledDate is the first date written right after one of labels
// ("Erschienen am: 01.11.2023", "Published on March 3, 2021"), the label
// starting a word.
func labelledDate(text, lower string, labels []string, loc *time.Location, dayFirst bool) (time.Time, bool) {
	best, bestAt := time.Time{}, len(text)
	for _, l := range labels {
		for off := 0; off < bestAt; {
			i := strings.Index(lower[off:bestAt], l)
			if i < 0 {
				break
			}
			i += off
			off = i + len(l)
			if i > 0 && isLetterByte(lower[i-1]) || off < len(lower) && isLetterByte(lower[off]) {
				continue
			}
			rest := strings.TrimLeft(text[off:min(len(text), off+80)], " \n:.-–|\u00a0")
			for _, w := range dateLinks {
				if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
					rest = strings.TrimLeft(rest[len(w):], " \n:")
					break
				}
			}
			if t, at, _, ok := readDateSpan(rest, loc, dayFirst); ok && at <= 14 && plainGap(rest[:at]) {
				best, bestAt = t, i
				break
			}
		}
	}
	return best, !best.IsZero()
}

// plainGap reports whether what stands between a label and its date holds
// no word but a weekday or a link ("Published: Monday, 3 March 2021",
// "Erschienen am: 1.2.2020"): in "Open Data
// meetup am 15.12." the label is a word of a title.
func plainGap(s string) bool {
	for _, w := range strings.Fields(s) {
		if !strings.ContainsFunc(w, unicode.IsLetter) || strings.HasSuffix(w, ",") {
			continue
		}
		if !slices.Contains(dateLinks[:], strings.ToLower(strings.Trim(w, ":.-"))+" ") {
			return false
		}
	}
	return true
}

// isLetterByte: an ASCII letter or a byte of a multi-byte letter.
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// shownDate is the first (or the last) date written in s, in any of the
// forms findDate reads or as a dotted day with a two-digit year ("2.11.22").
func shownDate(s string, loc *time.Location, last bool) (time.Time, bool) {
	var found time.Time
	for off := 0; off < len(s); {
		t, at, end, ok := shownDateSpan(s[off:], loc, false)
		if !ok {
			break
		}
		if pageClock(s[off+max(0, at-24) : off+at]) {
			off += end
			continue
		}
		if !last {
			return t, true
		}
		found = t
		off += end
	}
	return found, !found.IsZero()
}

// shownDateSpan is findDateSpan that also reads a dotted day with a
// two-digit year (the month first when the second number is no month).
func shownDateSpan(s string, loc *time.Location, dayFirst bool) (t time.Time, at, end int, ok bool) {
	t, at, end, ok = readDateSpan(s, loc, dayFirst)
	if m := shortDotDateIf(s); m != nil && (!ok || m[2] < at) {
		g := groups(s, m)
		day, month := g[1], atoi(g[2])
		if month > 12 { // "10.15.15": the month first, as American pages write it
			day, month = g[2], atoi(g[1])
		}
		if st, sok := makeDate("20"+g[3], time.Month(month), day, "", "", "", loc); sok {
			return st, m[2], m[1], true
		}
	}
	return t, at, end, ok
}

// shortDotDate is "2.11.22", "28.01.22": a day, a month and a year of
// the 2000s, as German and Austrian pages print the day of a story.
var shortDotDate = lazyRegexp(`(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:[^\d.]|$)`)

// shortDotDateIf is shortDotDate's match in s, tried only when s holds a
// digit, a dot and a digit.
func shortDotDateIf(s string) []int {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return shortDotDate().FindStringSubmatchIndex(s)
		}
	}
	return nil
}

// visText is a page's visible text, a line for each block, with where
// its headline stands.
type visText struct {
	b             strings.Builder
	title         string
	start, end    int  // the heading that is the title; start -1: none yet
	h1, h1End     int  // the first <h1>
	h2, h2End     int  // the first <h2>
	line, lineEnd int  // the first other block that says the title
	last          byte // the space or line break just written, else 0
	dayFirst      bool // numeric dates are written day first (writesDayFirst)
}

// write adds the text of a text node, each run of spaces one space (a
// no-break space too: "11. November&nbsp;2021"), so that the distances
// from the headline count what a reader sees, not a template's indentation.
// The text between spaces is copied a run at a time; a byte that is no
// UTF-8 is written as U+FFFD.
func (v *visText) write(s string) {
	for s != "" {
		i := 0
		for i < len(s) {
			if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				break
			} else if c < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\u00a0' || r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		if i > 0 {
			v.b.WriteString(s[:i])
			v.last = 0
		}
		if i == len(s) {
			return
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			v.b.WriteRune(r)
			v.last = 0
		} else {
			v.sep(' ')
		}
		s = s[i+n:]
	}
}

// sep adds a space or a line break, unless one is there already.
func (v *visText) sep(c byte) {
	if v.last == '\n' || v.last == c || v.b.Len() == 0 {
		return
	}
	v.b.WriteByte(c)
	v.last = c
}

func (v *visText) walk(n *html.Node, depth int) {
	if depth > 300 || v.b.Len() > visMax {
		return
	}
	switch n.Type {
	case html.TextNode:
		v.write(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Select, atom.Button:
			return
		}
	}
	block := n.Type == html.ElementNode && !inline[n.DataAtom]
	// A <time> stands apart: two of them side by side ("15. April
	// 2016</time><time>4. März 2017") are two dates, not one run of digits.
	sep := byte(' ')
	if block {
		sep = '\n'
	}
	if block || n.DataAtom == atom.Time {
		v.sep(sep)
	}
	at := v.b.Len()
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		v.walk(c, depth+1)
	}
	if block || n.DataAtom == atom.Time {
		v.sep(sep)
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3:
		if v.start < 0 && v.title != "" && wordsAre(v.b.String()[at:], v.title) {
			v.start, v.end = at, v.b.Len()
		}
	default:
		// A page set in tables or divs shows its headline in a cell of its own.
		if n := v.b.Len() - at; block && v.line < 0 && v.title != "" && n >= len(v.title) && n < 2*len(v.title)+8 &&
			wordsAre(v.b.String()[at:], v.title) {
			v.line, v.lineEnd = at, v.b.Len()
		}
	}
	switch n.DataAtom {
	case atom.H1, atom.H2:
		if n.DataAtom == atom.H1 && v.h1 < 0 {
			v.h1, v.h1End = at, v.b.Len()
		}
		if n.DataAtom == atom.H2 && v.h2 < 0 {
			v.h2, v.h2End = at, v.b.Len()
		}
	}
}

// clockLabels open the date and time a page shows of the moment it was
// served (forums, portals): the reader's clock, not the story's date; and
// the day a forum's member signed up, shown by each of their posts.
var clockLabels = [...]string{"current time", "current date", "it is currently", "today is", "aktuelle zeit",
	"aktuelles datum", "heute ist", "heute:", "date du jour", "nous sommes le", "fecha actual", "hoy es",
	"data atual", "hoje é", "data odierna", "oggi è",
	"registriert", "registered", "member since", "mitglied seit", "dabei seit", "inscrit le", "inscription",
	"registrado", "miembro desde", "membro desde", "iscritto", "iscrizione"}

// pageClock reports whether s shows the page's clock ("Aktuelle Zeit:
// 14.10.2020, 12:18").
func pageClock(s string) bool {
	l := strings.ToLower(s)
	for _, c := range clockLabels {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}
