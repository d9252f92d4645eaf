package ingest

import (
	"strings"
	"time"
	"unicode/utf8"
)

// CleanText extracts the article from raw scraped text: a single story like
// a wire scrape, or the text dump of a whole page. Dates without a zone are
// read in loc.
func CleanText(raw string, loc *time.Location) Article {
	blocks := splitBlocks(normalize(raw))
	markRepeats(blocks)
	markTables(blocks)
	markNumberedTeasers(blocks)
	foreign := foreignText(blocks)
	for _, b := range blocks {
		b.classify(foreign)
	}
	inlineBoxes(blocks)
	markAdCredits(blocks)
	from, to := bestRun(blocks)
	from, to = leadStart(blocks, from), creditsEnd(blocks, from, to)
	var a Article
	dayFirst := textDayFirst(blocks[from:to])
	readHeader(&a, blocks, from, to, loc, dayFirst)
	a.Paras = bodyParas(&a, blocks[from:to])
	readCredits(&a, blocks[to:min(to+creditsAfter, len(blocks))])
	finishNews(&a)
	if a.Date.IsZero() {
		a.Date, a.Zoned = anyDate(blocks, loc, dayFirst)
	}
	if a.Title == "" {
		a.Title = fallbackTitle(a.Paras)
	}
	return a
}

var spaces = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u200b", "", "\u2028", "\n", "\u2029", "\n\n", "\t", " ", "\f", "\n", "\x00", "")

// normalize makes line ends, spaces and invisible characters uniform.
func normalize(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return spaces.Replace(s)
}

// score weighs a block for bestRun: words of prose count for the article,
// menus and furniture against it. Short blocks cost a little more than a
// subheading is worth, so that teaser lists (headline, blurb, headline, ...)
// lose to a run of paragraphs. Prose that does not end like a sentence counts
// half (footers, data), and an unfinished block shown twice on the page
// (structured data rendered as text) counts against.
// dateCost is what a date line between blocks costs a run: in a body they
// are rare, in a stream of teasers each story has one.
const dateCost = -30

func score(b *block) int {
	if b.wall {
		return -1000
	}
	switch b.class {
	case good:
		if b.bullet { // teaser lists are bullets; article lists are rare
			return b.words / 4
		}
		if b.echo && !b.final {
			return -b.words / 2
		}
		if b.cut { // teaser blurbs are cut off; paragraphs rarely end so
			return -b.words / 4
		}
		if b.repeat && !b.final {
			return -b.words / 2
		}
		if !b.final {
			return b.words / 2
		}
		return b.words
	case short:
		if b.embed { // closes the post quoted above it
			return 1
		}
		if b.date { // between paragraphs, a date starts another story
			return dateCost
		}
		if b.table {
			return max(1, b.words/2)
		}
		return -5
	}
	if b.date {
		return dateCost
	}
	return -(4 + b.words/2)
}

// streakDiv sets how fast a stretch of chrome grows dear: the n-th bad block
// of a stretch costs (streakDiv+n)/streakDiv times its score. Chart labels and
// icons (one or two words) do not lengthen a stretch.
const streakDiv = 10

// bestRun finds the contiguous blocks with the highest total score (Kadane):
// the article body, without the menus before it and the links after it.
func bestRun(blocks []*block) (from, to int) {
	best, sum, start := 0, 0, 0
	walled := false
	streak := 0
	for i, b := range blocks {
		if sum <= 0 {
			sum, start = 0, i
		}
		s := score(b)
		// Past a wall that closed a run of prose come comments and other
		// stories: they must outweigh the article twice to win.
		if b.wall && best >= 100 {
			walled = true
		}
		if walled && s > 0 {
			s /= 2
		}
		// A long stretch of chrome between two pieces of prose costs more
		// than its blocks: a page's disclaimer is not the article's end.
		if s <= 0 && b.class == bad && b.words >= 3 {
			streak++
			s = s * (streakDiv + streak) / streakDiv
		} else if s > 0 {
			streak = 0
		}
		sum += s
		if sum > best {
			best, from, to = sum, start, i+1
		}
	}
	return from, to
}

// bodyParas keeps the prose of the run: good blocks and the short ones
// between them (subheadings, one-line paragraphs), never furniture.
func bodyParas(a *Article, run []*block) []string {
	var out []string
	for _, b := range run {
		t := b.text
		// A standfirst may open the run; the lead ends like a sentence.
		if len(out) == 0 && !b.final {
			if _, _, ok := cutCaption(t); !ok {
				continue
			}
		}
		switch {
		case b.class == bad && !nearGood(b):
			continue
		case b.echo && !b.final: // a caption; the body's sentences end
			continue
		case b.class == short && (b.bullet || b.repeat || isFurniture(t)):
			continue
		}
		if strings.HasPrefix(t, "Image caption ") {
			t = strings.TrimPrefix(t, "Image caption ")
			if a.Image.Caption == "" {
				a.Image.Caption = t
			}
			continue
		}
		if b.bullet && listNumber(t) == 0 { // numbered items keep their numbers
			t = "- " + t
		}
		out = append(out, t)
	}
	return out
}

// nearGood: a sentence inside the article that stopword density alone
// failed (names, figures, results): whole, of some length, not chrome.
func nearGood(b *block) bool {
	return b.final && !b.cut && b.words >= 10 && b.links == 0 && !b.repeat && !b.bullet && !b.date &&
		b.stopDensity() >= 0.1 && !isFurniture(b.text) && !cookieText(b.text)
}

// creditsEnd is where the run ends: at the credit line that closes a wire
// story ("Reporting by ...; Editing by ..."), after which a page has only
// its own furniture; and when the line comes soon after the run, there:
// a box of related links inside the story ended the run too early (the
// box itself is no prose, and bodyParas leaves it out).
func creditsEnd(blocks []*block, from, to int) int {
	for i := from + 1; i < min(len(blocks), to+creditsAfter); i++ {
		if creditLine().MatchString(blocks[i].text) {
			return i
		}
	}
	return to
}

// leadStart is where the run starts: at a wire story's lead (an agency's
// dateline) a few blocks before it, when a box between the lead and the
// next paragraph cut the lead off.
func leadStart(blocks []*block, from int) int {
	for i := from - 1; i >= max(0, from-creditsAfter); i-- {
		if blocks[i].lead {
			return i
		}
	}
	return from
}

// creditsAfter is how many blocks after the run its credit line may come,
// and before it its lead.
const creditsAfter = 12

// readCredits picks up credit lines just after the body.
func readCredits(a *Article, after []*block) {
	for _, b := range after {
		if m := outletLine().FindStringSubmatch(b.text); m != nil && a.Source == "" {
			a.Source = m[1]
		}
		if creditLine().MatchString(b.text) {
			au, ed := parseCredits(b.text)
			a.Authors = append(a.Authors, au...)
			a.Editors = append(a.Editors, ed...)
		}
	}
}

// anyDate is the last resort: the first date anywhere on the page.
func anyDate(blocks []*block, loc *time.Location, dayFirst bool) (time.Time, bool) {
	for _, b := range blocks {
		if len(b.text) < 160 {
			if t, _, _, ok := shownDateSpan(b.text, loc, dayFirst); ok {
				return t, false
			}
		}
	}
	return time.Time{}, false
}

// fallbackTitle is the lead's first sentence, for articles without a headline.
func fallbackTitle(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	return cutAt(paras[0], 90)
}

// textDayFirst reports whether a text dump's numeric dates are written day
// first: the page's address is gone, so its language tells (see
// writesDayFirst).
func textDayFirst(body []*block) bool {
	var paras []string
	for _, b := range body {
		if len(paras) == 20 {
			break
		}
		paras = append(paras, b.text)
	}
	return writesDayFirst(textLang(paras), "")
}
