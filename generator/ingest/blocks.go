package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// block is one unit of a page dump: a paragraph, a heading, a list item.
type block struct {
	text   string
	bullet bool // a list item: menus and related links are lists
	words  int
	stops  int  // stopwords among words
	caps   int  // words starting with a capital letter
	final  bool // ends like a sentence
	links  int  // URL-like or handle-like tokens
	repeat bool // the same text occurs elsewhere on the page
	wall   bool // ends an article: comments, sharing, related stories
	cut    bool // ends with an ellipsis: a teaser's truncated blurb
	row    bool // one line of three or more cells apart by runs of spaces
	table  bool // a row among several in a row: a table the page shows
	date   bool // a short line that holds a date: a dateline or a teaser's
	group  int  // blocks of one run of lines between blank lines share it
	echo   bool // a near block opens with the same words: a caption shown twice
	embed  bool // the signature line of an embedded post the article quotes
	lead   bool // opens with an agency's dateline and ends like a sentence
	class  class
}

type class int

const (
	bad class = iota
	short
	good
)

// bullets open list items in text dumps (w3m, lynx, markdown).
const bullets = "•·◦▪‣*-–"

// splitBlocks cuts normalised text into blocks: blank lines end a block, each
// list item is a block, and hard-wrapped lines are joined back.
func splitBlocks(text string) []*block {
	lines := strings.Split(text, "\n")
	wrap := wrapWidth(lines)
	var out []*block
	var cur []string
	group := 0
	flush := func(bullet bool) {
		if len(cur) > 0 {
			b := newBlock(strings.Join(cur, " "), bullet)
			b.group = group
			out = append(out, b)
			cur = cur[:0]
		}
	}
	bulletOpen := false
	for _, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			flush(bulletOpen)
			bulletOpen = false
			group++
			continue
		}
		if item, ok := cutBullet(line); ok {
			flush(bulletOpen)
			bulletOpen = true
			if item != "" {
				cur = append(cur, item)
			}
			continue
		}
		if len(cur) > 0 && !joins(cur[len(cur)-1], line, wrap, bulletOpen, raw) {
			flush(bulletOpen)
			bulletOpen = false
		}
		cur = append(cur, line)
	}
	flush(bulletOpen)
	return out
}

// joins reports whether line continues prev: only in hard-wrapped text, or as
// the indented continuation of a list item.
func joins(prev, line string, wrap int, inBullet bool, raw string) bool {
	if inBullet && strings.HasPrefix(raw, "  ") {
		return true
	}
	return wrap > 0 && utf8.RuneCountInString(prev) >= wrap-20
}

// wrapWidth detects text wrapped at a fixed width (mail, old scrapes) and
// returns that width, or 0 when lines are whole paragraphs.
func wrapWidth(lines []string) int {
	max, long := 0, 0
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimRight(l, " "))
		if n > max {
			max = n
		}
	}
	if max > 100 || max < 50 {
		return 0
	}
	all := 0
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimRight(l, " "))
		if n > 30 {
			all++
			if n >= max-12 {
				long++
			}
		}
	}
	if all < 3 || long*3 < all {
		return 0
	}
	return max
}

func cutBullet(line string) (string, bool) {
	r, n := utf8.DecodeRuneInString(line)
	if !strings.ContainsRune(bullets, r) {
		return line, false
	}
	rest := line[n:]
	if rest == "" {
		return "", true
	}
	if rest[0] != ' ' {
		return line, false
	}
	return strings.TrimSpace(rest), true
}

func newBlock(text string, bullet bool) *block {
	b := &block{text: text, bullet: bullet}
	last := ' '
	// A wire story's dateline ("HONG KONG (Reuters) - ") is capitals and
	// no stopwords: its lead is judged by what follows it.
	counted, agency := text, ""
	if rest, place, ag := cutDateline(text); place != "" {
		counted, agency = rest, ag
	}
	for _, f := range strings.Fields(counted) {
		if strings.Contains(f, "://") || strings.HasPrefix(f, "www.") || strings.HasPrefix(f, "@") || formField(f) {
			b.links++
		}
		w := strings.ToLower(strings.TrimFunc(f, notLetter))
		if w == "" {
			continue
		}
		b.words++
		if stopwords[w] {
			b.stops++
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimFunc(f, notLetter))
		if unicode.IsUpper(r) {
			b.caps++
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " \"'”’)]")); r != utf8.RuneError {
		last = r
	}
	b.wall = isWall(text)
	b.final = strings.ContainsRune(".!?:;…。！？", last)
	b.lead = agencies[strings.ToLower(agency)] != "" && b.final
	b.cut = strings.HasSuffix(text, "...") || strings.HasSuffix(text, "…")
	b.row = !bullet && cells(text) >= 3
	if b.words <= 8 && len(text) < 80 && hasDigit(text) {
		_, b.date = findDate(text, time.UTC)
	}
	b.date = b.date || clockLed(text)
	if b.date && embedSignature(text) {
		b.date, b.embed = false, true
	}
	// Scripts without spaces: count about two characters a word.
	cjk := 0
	for _, r := range text {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			cjk++
		}
	}
	b.words += cjk / 2
	return b
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// stopDensity is the share of stopwords: prose has many, menus and names few.
func (b *block) stopDensity() float64 {
	if b.words == 0 {
		return 0
	}
	return float64(b.stops) / float64(b.words)
}

// classify labels a block from its own features, before context is known.
// foreign pages (few English stopwords anywhere) are judged by length and
// punctuation alone.
func (b *block) classify(foreign bool) {
	d := b.stopDensity()
	if foreign {
		d = 0.3
		if !b.final && b.words < 30 {
			d = 0
		}
	}
	switch {
	case b.words == 0 || isFurniture(b.text) || cookieText(b.text):
		b.class = bad
	case b.table && b.links == 0:
		b.class = short
	case b.links*4 > b.words:
		b.class = bad
	case b.repeat && b.words < 25:
		b.class = bad
	case b.words >= 12 && d >= 0.22, b.lead && b.words >= 8:
		b.class = good
	case b.words >= 7 && d >= 0.3 && b.final && !b.bullet:
		b.class = good
	case b.bullet && b.words < 12:
		b.class = bad
	case b.words < 10:
		b.class = short
	default:
		b.class = bad
	}
}

// markRepeats flags blocks whose text occurs more than once: navigation and
// teasers repeat, paragraphs do not.
func markRepeats(blocks []*block) {
	seen := make(map[string]int, len(blocks))
	for _, b := range blocks {
		seen[strings.ToLower(b.text)]++
	}
	for _, b := range blocks {
		b.repeat = seen[strings.ToLower(b.text)] > 1
		// A wall shown twice is a share bar that floats beside the text,
		// met before the article ends: it is chrome, not the article's end.
		if b.wall && b.repeat {
			b.wall = false
		}
	}
	// Images carry their caption twice (alt text, then the caption with
	// its credit): blocks two or three apart that open alike.
	for i, b := range blocks {
		if len(b.text) < 40 {
			continue
		}
		for j := i + 1; j < min(len(blocks), i+4); j++ {
			o := blocks[j]
			if len(o.text) >= 40 && o.text[:40] == b.text[:40] && o.text != b.text {
				b.echo, o.echo = true, true
			}
		}
	}
}

// foreignText reports whether the page's longer blocks have almost no
// English stopwords: then stopword density says nothing.
func foreignText(blocks []*block) bool {
	words, stops := 0, 0
	for _, b := range blocks {
		if b.words >= 10 {
			words += b.words
			stops += b.stops
		}
	}
	return words > 0 && stops*10 < words
}

// cells counts the columns of a text-dump table row: runs of non-space text
// apart by two or more spaces. Prose has single spaces; w3m lays tables out
// in aligned columns.
func cells(s string) int {
	if len(s) > 400 || !strings.Contains(s, "   ") && !strings.Contains(s, "  ") {
		return 0
	}
	n, spaces, in := 0, 0, false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			spaces++
			continue
		}
		if !in || spaces >= 2 {
			n++
		}
		in, spaces = true, 0
	}
	return n
}

// rowSeps separate the fields of a data line: "June 9 -- Arena, City".
var rowSeps = [...]string{" -- ", " — ", " – ", " | ", " - ", ": "}

// markTables flags rows that stand among at least three rows in a row:
// a table of results, prices or data is content, not page chrome. Lines
// set one under another (no blank line between) that all use the same
// field separator are rows too: a list of dates, venues or prices.
func markTables(blocks []*block) {
	for i := 0; i < len(blocks); {
		j := i + 1
		for j < len(blocks) && blocks[j].group == blocks[i].group {
			j++
		}
		if run := blocks[i:j]; len(run) >= 4 && !run[0].bullet {
			for _, sep := range rowSeps {
				n := 0
				for _, b := range run {
					if !b.bullet && len(b.text) < 200 && strings.Contains(b.text, sep) {
						n++
					}
				}
				if n >= 4 && n*5 >= len(run)*4 {
					for _, b := range run {
						b.row = b.row || !b.bullet && len(b.text) < 200 && strings.Contains(b.text, sep)
					}
					break
				}
			}
		}
		i = j
	}
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && blocks[j].row {
			j++
		}
		if j-i >= 3 {
			for _, b := range blocks[i:j] {
				b.table = true
			}
		}
		i = max(j, i+1)
	}
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// formField: how w3m shows inputs and buttons, "[", "]", "[Submit]", "[ ]";
// a bracket opening a phrase ("[1 cup rice, ...]") is text.
func formField(f string) bool {
	if !strings.HasPrefix(f, "[") {
		return f == "]"
	}
	return f == "[" || strings.HasSuffix(f, "]")
}

// clockLed: "14:44 Headline of a ticker item", a live ticker's line.
func clockLed(s string) bool {
	i := 0
	for i < len(s) && i < 2 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && len(s) > i+4 && (s[i] == ':' || s[i] == 'h') && s[i+1] >= '0' && s[i+1] <= '5' &&
		s[i+2] >= '0' && s[i+2] <= '9' && s[i+3] == ' ' && len(s) < 200
}
