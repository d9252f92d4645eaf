package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// headerReach is how many blocks above the body may hold its headline.
const headerReach = 60

// readHeader reads headline, date, byline and a lead caption from the blocks
// above the body, nearest first. The headline is chosen by pickTitle; the
// date, byline and caption are read between it and the body.
func readHeader(a *Article, blocks []*block, from, to int, loc *time.Location) {
	ti := pickTitle(blocks, from, to)
	if ti >= 0 {
		a.Title = blocks[ti].text
		// "Section|Headline": a section label glued to the headline.
		if j := strings.IndexByte(a.Title, '|'); j > 0 && j < 30 && a.Title[j-1] != ' ' && len(a.Title)-j > 20 {
			a.Title = strings.TrimSpace(a.Title[j+1:])
		}
	}
	stop := max(0, from-headerReach)
	if ti >= 0 && ti < from {
		// A headline shown twice (a sticky header above the article)
		// opens the header at its first showing.
		first := ti
		for j := stop; j < ti; j++ {
			if blocks[j].text == blocks[ti].text {
				first = j
				break
			}
		}
		stop = max(stop, first-2)
	}
	// A day and month without a year ("1. 11."), nearest the body: the
	// date when the header has no full one.
	var dmMonth time.Month
	var dmDay int
	for i := from - 1; i >= stop; i-- {
		b := blocks[i]
		t := b.text
		if i == ti {
			continue
		}
		if len(t) < 120 {
			if d, ok := findDate(t, loc); ok {
				if a.Date.IsZero() {
					a.Date = d
				}
				continue
			}
		}
		if len(t) < 40 && dmDay == 0 {
			if mo, d, ok := findDayMonth(t); ok {
				dmMonth, dmDay = mo, d
				continue
			}
		}
		if c, ok := strings.CutPrefix(t, "Image caption "); ok {
			a.Image.Caption = c
			continue
		}
		if m := byline().FindStringSubmatch(t); m != nil {
			a.Authors = append(splitNames(m[1]), a.Authors...)
			setSource(a, m[2])
			continue
		}
		if i > 0 && strings.EqualFold(strings.TrimRight(blocks[i-1].text, ":"), "by") && b.words <= 6 {
			a.Authors = append(splitNames(t), a.Authors...)
			continue
		}
		if c, cr, ok := cutCaption(t); ok {
			a.Image.Caption, a.Image.Credit = c, cr
			continue
		}
		if ti < 0 && headlineLike(b) {
			a.Title = t
			break
		}
	}
	if a.Date.IsZero() && dmDay != 0 {
		// The year is the one that puts the day nearest the page's latest
		// full date, which tells when the page was made better than the
		// ingest day does (a page is often ingested long after).
		if ref, ok := latestDate(blocks, loc); ok {
			a.Date, _ = nearestYear(dmMonth, dmDay, ref)
		}
	}
}

// latestDate is the latest full date in the short blocks of the page.
func latestDate(blocks []*block, loc *time.Location) (time.Time, bool) {
	var latest time.Time
	for _, b := range blocks {
		if len(b.text) < 160 {
			if t, ok := findDate(b.text, loc); ok && t.After(latest) {
				latest = t
			}
		}
	}
	return latest, !latest.IsZero()
}

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
	for i := max(0, from-headerReach); i < min(len(blocks), from+4); i++ {
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
	hit := 0
	for _, w := range words {
		if lead[w] {
			hit++
		}
	}
	ov := float64(hit) / float64(len(words))
	s := 2*ov + 0.15*float64(min(hit, 5))
	if len(words) < 2 {
		s -= 1
	}
	if b.words > 20 {
		s -= 0.05 * float64(b.words-20)
	}
	if i < from {
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

func setSource(a *Article, s string) {
	if a.Source != "" {
		return
	}
	if v, ok := agencies[strings.ToLower(strings.TrimSpace(s))]; ok {
		a.Source = v
	}
}

// finishNews applies the news rules to the body: captions out into the
// image, credit lines into authors and editors, the dateline off the lead.
func finishNews(a *Article) {
	out := a.Paras[:0]
	box := false // a box heading was dropped: a list right after it is its links
	for _, p := range a.Paras {
		if box && listPara(p) {
			box = false
			continue
		}
		box = false
		if c, cr, ok := cutCaption(p); ok {
			if a.Image.Caption == "" {
				a.Image.Caption, a.Image.Credit = c, cr
			}
			continue
		}
		if c, cr, ok := cutGluedCredit(p); ok {
			if a.Image.Caption == "" {
				a.Image.Caption, a.Image.Credit = c, cr
			}
			continue
		}
		if t := strings.Trim(plain(p), "*_ "); creditLine().MatchString(t) {
			au, ed := parseCredits(t)
			a.Authors = append(a.Authors, au...)
			a.Editors = append(a.Editors, ed...)
			continue
		}
		if isWall(plain(p)) && len(out) >= 2 {
			break
		}
		// A section heading such as "## Related news" may head a box inside
		// the body: the heading goes, the text after it is judged on its own.
		if h, ok := strings.CutPrefix(p, "#"); ok {
			if h = strings.Trim(plain(h), "#*_ "); isWall(h) || boxHeading().MatchString(h) {
				box = true
				continue
			}
		}
		if junkPara(a, p) {
			continue
		}
		out = append(out, p)
	}
	a.Paras = out
	if len(a.Paras) > 0 {
		rest, place, agency := cutDateline(a.Paras[0])
		if place != "" {
			a.Paras[0] = rest
			a.Dateline = place
			setSource(a, agency)
		}
	}
	a.Authors = uniq(a.Authors)
	a.Editors = uniq(a.Editors)
}

func uniq(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// cutAt shortens s to at most n bytes at a word boundary.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:-")
}

// junkPara tells page furniture that extractors keep: bare links, lines
// without letters, timestamps, bylines and copies of the headline. A byline
// found here fills the authors.
func junkPara(a *Article, p string) bool {
	text := strings.Trim(plain(p), "*_ ")
	switch {
	case iconLinks(p):
		return true
	case isFurniture(text) || isFurniture(p) || !hasLetter(text):
		return true
	case linkOnly(p):
		return true
	case sameText(strings.TrimLeft(text, "# "), a.Title):
		return true
	case bareURL(text):
		return true
	case len(text) < 100 && len(strings.Fields(text)) <= 12:
		if _, ok := findDate(text, time.UTC); ok {
			return true
		}
	}
	if stamp(text) {
		return true
	}
	if v, ok := agencies[strings.ToLower(text)]; ok { // the agency alone, a byline
		setSource(a, v)
		return true
	}
	if m := roleByline().FindStringSubmatch(text); m != nil {
		if len(a.Authors) == 0 {
			a.Authors = splitNames(m[1])
		}
		return true
	}
	if m := byline().FindStringSubmatch(text); m != nil && len(text) < 100 {
		if len(a.Authors) == 0 {
			a.Authors = splitNames(m[1])
		}
		return true
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// linkOnly: a paragraph made of links with almost no text around them,
// which is how related-story lists look after conversion.
func linkOnly(md string) bool {
	if !strings.Contains(md, "](") {
		return false
	}
	outside := mdLink().ReplaceAllString(md, "")
	outside = strings.Trim(outside, " -*|•·,\n")
	return len(strings.Fields(outside)) <= 1
}

// bareURL: a paragraph that is one web address and nothing else.
func bareURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \n")
}

// stamp: a short "Posted ... | Updated ..." line with a time in it, not a
// sentence.
func stamp(s string) bool {
	sentence := strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "a.m.") && !strings.HasSuffix(s, "p.m.")
	if len(s) > 140 || len(strings.Fields(s)) > 18 || sentence || !hasDigit(s) && !strings.Contains(s, " ago") {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range [...]string{"posted", "published", "updated", "last updated", "first published", "last modified"} {
		if rest, ok := strings.CutPrefix(l, p); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			return true
		}
	}
	return false
}

// roleByline matches "Jane Doe, AP Science Writer", "John Roe, Staff
// Reporter": a name and a newsroom role.
var roleByline = lazyRegexp(`^([\p{Lu}][\p{L}.'\-]+(?:\s+[\p{Lu}][\p{L}.'\-]+){1,3}(?:(?:,\s*|\s+and\s+)[\p{Lu}][\p{L}.'\-]+(?:\s+[\p{Lu}][\p{L}.'\-]+){1,3})*),\s+(?:[\p{L}.]+\s+){0,4}(?i:writer|correspondent|reporter|editor|contributor)$`)

// breadcrumb: "Home > News > 2015 > Headline", a trail of links the page
// shows above the headline, which it often ends with.
func breadcrumb(s string) bool {
	n := 0
	for _, sep := range [...]string{" > ", " › ", " » ", " / "} {
		n += strings.Count(s, sep)
	}
	return n >= 2
}

// boxHeading names the boxes pages set inside or after an article.
var boxHeading = lazyRegexp(`(?i)^(?:trending(?: now| stories| news)?|more|more from .{1,40}|read more|see also|also read|recommended|popular|latest)\s*:?$`)

// listPara: a Markdown list, every line an item.
func listPara(p string) bool {
	for _, l := range strings.Split(p, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "* ") && !orderedItem(l) {
			return false
		}
	}
	return true
}

func orderedItem(l string) bool {
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && strings.HasPrefix(l[i:], ". ")
}

// iconLinks: links without text (social icons) and hardly a word besides.
func iconLinks(p string) bool {
	n := strings.Count(p, "[](")
	return n >= 2 && len(strings.Fields(plain(p))) <= n+3
}

// gluedCredit: a caption and its credit run together when a page sets the
// credit in its own element: "...outside a store in Ohio.Jane Roe/Reuters".
// Prose always has a space after a full stop.
// The credit names a photographer and an agency ("Name/Agency") or a photo
// agency alone, and the caption is a sentence of some length.
var gluedCredit = lazyRegexp(`\p{Ll}[.!?”"](\p{Lu}\p{L}[\p{L}'.\-]*(?: [\p{Lu}][\p{L}'.\-]*){0,3}(?:/[\p{Lu}][\p{L}'.\- ]*)?)$`)

var photoAgencies = map[string]bool{"Reuters": true, "Getty": true, "Getty Images": true, "AP": true, "AFP": true,
	"EPA": true, "Shutterstock": true, "Bloomberg": true, "Alamy": true}

func cutGluedCredit(p string) (caption, credit string, ok bool) {
	if len(p) > 600 {
		return "", "", false
	}
	m := gluedCredit().FindStringSubmatchIndex(p)
	if m == nil {
		return "", "", false
	}
	caption, credit = p[:m[2]], p[m[2]:]
	if len(strings.Fields(caption)) < 5 || !strings.Contains(credit, "/") && !photoAgencies[credit] {
		return "", "", false
	}
	return caption, strings.TrimPrefix(credit, "Credit"), true
}
