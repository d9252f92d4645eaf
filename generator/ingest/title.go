package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// pickTitle scores the headline-like blocks above the body and at its very
// start and returns the best one's index, or -1. A headline shares its
// words with the lead, sits close above it, is often repeated (the page's
// title line, "Headline | Site"), and is not navigation: a few capitalised
// words without a closing full stop.
func pickTitle(blocks []*block, from, to int) int {
	lead := leadWords(blocks, from, to)
	if len(lead) == 0 {
		return -1
	}
	type cand struct {
		i  int
		sc float64
	}
	var cands []cand
	bestScore := minTitleScore
	for i := max(0, from-signedReach); i < min(len(blocks), from+4); i++ {
		// Far above the body only a signed headline counts; a look at
		// its words and the next block spares the scoring of the rest.
		if i < from-headerReach && !maySign(blocks, i, lead) {
			continue
		}
		if sc, ok := titleScore(blocks, i, from, lead); ok && sc > minTitleScore {
			cands = append(cands, cand{i, sc})
			bestScore = max(bestScore, sc)
		}
	}
	// The headline comes first: a standfirst, a caption or a subheading
	// below it may share as many words with the lead, so the earliest
	// candidate nearly as good as the best wins; but a kicker (a short
	// label) right above a signed headline yields to it, however much the
	// label shares with the lead.
	for k, c := range cands {
		if c.sc < bestScore-titleMargin {
			continue
		}
		if k+1 < len(cands) && cands[k+1].i == c.i+1 && kicker(blocks[c.i], blocks[c.i+1]) && signed(blocks, c.i+1) {
			return c.i + 1
		}
		return c.i
	}
	return -1
}

// maySign is titleScore's cheap first test of a signed headline far above
// the body: a line of words, not a list item, that shares enough words with
// the lead, above a line with a digit or a byline.
func maySign(blocks []*block, i int, lead map[string]bool) bool {
	b, n := blocks[i], blocks[i+1]
	if b.bullet || b.links > 0 || b.words < 3 || b.words > 30 || !(hasDigit(n.text) || signature().MatchString(n.text)) {
		return false
	}
	words := contentWords(b.text)
	hit := leadHits(words, lead)
	return hit >= signedHits && float64(hit) >= signedOverlap*float64(len(words))
}

// leadHits is how many of words the lead holds.
func leadHits(words []string, lead map[string]bool) int {
	hit := 0
	for _, w := range words {
		if lead[w] {
			hit++
		}
	}
	return hit
}

// kicker: k, a short label, stands right above the headline h, which is
// longer but not as long as a standfirst.
func kicker(k, h *block) bool {
	return k.words <= kickerWords && h.words > k.words && h.words <= 15
}

// kickerWords is how many words a kicker may have.
const kickerWords = 5

// signed reports whether the block after i signs it as a story's headline:
// a byline ("By ...", "Par ...", "Por ...", "Von ...") or a short line
// holding a date.
func signed(blocks []*block, i int) bool {
	if i+1 >= len(blocks) {
		return false
	}
	if b := blocks[i]; b.caps == b.words && b.words <= 3 { // the author's name above the date
		return false
	}
	n := blocks[i+1]
	if signature().MatchString(n.text) {
		return true
	}
	if n.words == 0 || n.words > 25 || len(n.text) > 200 {
		return false
	}
	_, ok := findDate(n.text, time.UTC)
	return ok
}

// signature opens a byline in English, French, Spanish, Portuguese, German,
// Dutch or a Scandinavian language: the word for "by" and a capitalised name.
var signature = lazyRegexp(`^(?i:by|par|por|von|door|av|af):?\s+\p{Lu}`)

// formPrompt: the block after i is an empty text field, as w3m draws one
// ("[          ]"): i is its prompt (a newsletter's, a search box's).
func formPrompt(blocks []*block, i int) bool {
	if i+1 >= len(blocks) {
		return false
	}
	t := blocks[i+1].text
	return len(t) >= 3 && t[0] == '[' && t[len(t)-1] == ']' && strings.TrimSpace(t[1:len(t)-1]) == ""
}

// minTitleScore is what a headline must score; below it readHeader falls
// back to the nearest headline-like block, which is more often wrong than
// a weak candidate (the exact value matters little on readability-pages).
const minTitleScore = 0.3

// signedReach is how far above the body a signed headline may stand: a
// video player's settings or a gallery can fill many blocks.
const signedReach = 3 * headerReach

// signedHits and signedOverlap are how many of a signed headline's words,
// and what share of them, the lead must hold: a menu or a share line above
// a time stamp is signed too, and shares a word or two with any story.
const (
	signedHits    = 3
	signedOverlap = 0.4
)

// signedBonus is what a byline or a dateline under a headline adds.
const signedBonus = 0.5

// titleMargin is how much worse than the best an earlier headline may score.
const titleMargin = 0.6

// titleScore rates block i as the headline of the body starting at from,
// whose lead has the words lead; ok is false for blocks that cannot be one.
func titleScore(blocks []*block, i, from int, lead map[string]bool) (float64, bool) {
	b := blocks[i]
	if !titleCandidate(b) || formPrompt(blocks, i) {
		return 0, false
	}
	words := contentWords(b.text)
	if len(words) == 0 {
		return 0, false
	}
	hit := leadHits(words, lead)
	ov := float64(hit) / float64(len(words))
	s := 2*ov + 0.15*float64(min(hit, 5))
	if len(words) < 2 {
		s -= 1
	}
	if b.words > 20 {
		s -= 0.05 * float64(b.words-20)
	}
	far := i < from-headerReach
	if i < from && hit >= signedHits && ov >= signedOverlap && signed(blocks, i) {
		// A byline or a dateline under a line that tells the lead's story
		// marks the story's own headline; a video player or a gallery may
		// stand between it and the body, and their captions, nearer the
		// lead, are not signed.
		s += signedBonus - 0.02*float64(min(from-1-i, headerReach/3))
	} else if far {
		return 0, false
	} else if i < from {
		s -= 0.02 * float64(from-1-i)
	} else {
		s -= 0.3 * float64(i-from+1)
	}
	if i >= from && b.class == good { // more likely the standfirst or the lead
		s -= 0.6
	}
	if b.caps == b.words && b.words <= 3 { // a name, a section
		s -= 0.5
	}
	if b.words >= 4 && (b.repeat || siteTitle(blocks, b.text)) {
		s += 0.5 * ov
	}
	if b.words < 3 {
		s -= 0.5
	}
	if r, _ := utf8.DecodeRuneInString(b.text); unicode.IsLower(r) {
		s -= 1
	}
	return s, true
}

// titleCandidate: short, one line of words, not a list item, a sentence,
// a date, a byline, a caption or page chrome.
func titleCandidate(b *block) bool {
	if b.bullet || b.words < 2 || b.words > 30 || len(b.text) > 300 || b.links > 0 || b.wall {
		return false
	}
	t := b.text
	if breadcrumb(t) {
		return false
	}
	if strings.HasSuffix(t, "。") || strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...") && !abbrevEnd(t) {
		return false
	}
	if isFurniture(t) || strings.EqualFold(t, "by") || creditLine().MatchString(t) || byline().MatchString(t) {
		return false
	}
	if _, _, ok := cutCaption(t); ok {
		return false
	}
	if b.words <= 12 {
		if _, ok := findDate(t, time.UTC); ok {
			return false
		}
	}
	return true
}

// abbrevEnd: s ends with an abbreviation such as "U.S." or "N.Y.C.".
func abbrevEnd(s string) bool {
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return strings.Count(last, ".") >= 2 && len(last) <= 8
}

// siteTitle reports whether another block is t followed by a separator and
// a site name, as page title lines are: "Headline | Site", "Headline - Site".
func siteTitle(blocks []*block, t string) bool {
	for _, o := range blocks {
		if len(o.text) > len(t)+2 && len(o.text) < len(t)+60 && strings.HasPrefix(o.text, t) {
			switch rest := strings.TrimSpace(o.text[len(t):]); {
			case strings.HasPrefix(rest, "|"), strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "–"),
				strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "::"), strings.HasPrefix(rest, "_"), strings.HasPrefix(rest, "»"):
				return true
			}
		}
	}
	return false
}

// leadWords are the content words of the first prose blocks of the body.
func leadWords(blocks []*block, from, to int) map[string]bool {
	lead := map[string]bool{}
	n := 0
	for _, b := range blocks[from:to] {
		if b.class != good || !b.final {
			continue
		}
		for _, w := range contentWords(b.text) {
			lead[w] = true
			n++
		}
		if n > 300 {
			break
		}
	}
	return lead
}

// contentWords are the lowercased words of s that are not stopwords; in
// scripts without spaces each character counts as a word.
func contentWords(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.ToLower(s[start:end])
			if !stopwords[w] && (len(w) > 2 || w[0] >= '0' && w[0] <= '9') {
				out = append(out, w)
			}
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush(i)
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// headlineLike: a few words, not a sentence ending in a full stop, not chrome.
func headlineLike(b *block) bool {
	if b.bullet || b.words < 2 || b.words > 30 || b.links > 0 || isFurniture(b.text) {
		return false
	}
	if strings.HasSuffix(b.text, ".") && !strings.HasSuffix(b.text, "...") {
		return false
	}
	if strings.EqualFold(b.text, "by") || creditLine().MatchString(b.text) {
		return false
	}
	// Names and section labels are short and all capitalised.
	return b.words >= 4 || b.caps < b.words
}
