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
func readHeader(a *Article, blocks []*block, from, to int, loc *time.Location, dayFirst bool) {
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
	changed := false // a.Date is labelled as the last change
	for i := from - 1; i >= stop; i-- {
		b := blocks[i]
		t := b.text
		if i == ti {
			continue
		}
		if len(t) < 120 {
			if d, at, _, ok := shownDateSpan(t, loc, dayFirst); ok {
				// The nearest date wins, but one labelled as the last
				// change ("Updated: ...") yields to a day farther up
				// that is not, the day of publication.
				change := changeLabelled(t[:at])
				if a.Date.IsZero() || changed && !change {
					a.Date, changed = d, change
				}
				// "By Jane Roe @jroe March 4, 2016: 9:05 AM ET",
				// "Outlet (City) First published ...": a byline or a
				// credit that carries the date.
				if names := datedByline(t); len(names) > 0 {
					a.Authors = append(names, a.Authors...)
				} else if m := outletLine().FindStringSubmatch(t); m != nil && a.Source == "" {
					a.Source = m[1]
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
		if ref, ok := latestDate(blocks, loc, dayFirst); ok {
			a.Date, _ = nearestYear(dmMonth, dmDay, ref)
		}
	}
}

// changeLabelled: the text before a date labels it as the last change
// ("Updated", "Aktualisiert am"); "Stand:" is the one time stamp German
// pages print.
func changeLabelled(before string) bool {
	l := strings.ToLower(before)
	return containsAny(l, changeLabels...) && !strings.Contains(l, "stand")
}

// latestDate is the latest full date in the short blocks of the page.
func latestDate(blocks []*block, loc *time.Location, dayFirst bool) (time.Time, bool) {
	var latest time.Time
	for _, b := range blocks {
		if len(b.text) < 160 {
			if t, _, _, ok := readDateSpan(b.text, loc, dayFirst); ok && t.After(latest) {
				latest = t
			}
		}
	}
	return latest, !latest.IsZero()
}

// datedByline reads the names of a byline line that goes on with a
// handle or a date.
func datedByline(t string) []string {
	if !signature().MatchString(t) {
		return nil
	}
	f := strings.Fields(t)
	var keep []string
	for _, w := range f[1:] {
		if strings.HasPrefix(w, "@") || hasDigit(w) || months[strings.ToLower(strings.Trim(w, ".,:"))] != 0 {
			break
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 || len(keep) > 8 {
		return nil
	}
	if m := byline().FindStringSubmatch(f[0] + " " + strings.TrimRight(strings.Join(keep, " "), ",;:|-")); m != nil {
		return splitNames(m[1])
	}
	return nil
}

// outletLine: "Outlet (City) First published ...", a credit line naming
// the publisher and the desk that filed the story.
var outletLine = lazyRegexp(`^(\p{Lu}[\p{L}&.'’ -]{1,40}?)\s+\(\p{Lu}[\p{L} .'-]{1,30}\)\s+(?i:first published|published|updated|posted|last updated)\b`)

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
	title := words(a.Title)
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
		if c, ok := imageCaption(p); ok {
			if a.Image.Caption == "" {
				a.Image.Caption = c
			}
			continue
		}
		if c, cr, ok := cutGluedCredit(p); ok {
			if a.Image.Caption == "" {
				a.Image.Caption, a.Image.Credit = c, cr
			}
			continue
		}
		pl := plain(p)
		if t := strings.Trim(pl, "*_ "); creditLine().MatchString(t) {
			au, ed := parseCredits(t)
			a.Authors = append(a.Authors, au...)
			a.Editors = append(a.Editors, ed...)
			continue
		}
		if isWall(pl) && len(out) >= 2 {
			break
		}
		// A section heading such as "## Related news" may head a box inside
		// the body: the heading goes, the text after it is judged on its own.
		if h, ok := headingText(p); ok {
			if h = strings.Trim(plain(h), "#*_ "); isWall(h) || boxHeading().MatchString(h) {
				box = true
				continue
			}
		}
		if junkPara(a, p, pl, title) {
			continue
		}
		out = append(out, p)
	}
	out = cutOffers(out)
	for len(out) > 1 && authorBio(out[len(out)-1], a.Authors) {
		out = out[:len(out)-1]
	}
	if len(out) > 3 && companyBio(out[len(out)-1], out[:len(out)-1]) {
		out = out[:len(out)-1]
	}
	// A heading that closes the body heads a box the extractor cut off.
	for len(out) > 1 && strings.HasPrefix(out[len(out)-1], "#") {
		out = out[:len(out)-1]
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
// found here fills the authors. pl is plain(p) and title the words of
// a.Title, which the caller reads once for all paragraphs.
func junkPara(a *Article, p, pl, title string) bool {
	text := strings.Trim(strings.TrimLeft(pl, "# "), "*_ ") // a heading may be furniture too
	if m := pictureCredit().FindStringSubmatch(text); m != nil && !strings.Contains(text, "](") {
		if a.Image.Credit == "" {
			a.Image.Credit = strings.TrimSpace(m[1])
		}
		return true
	}
	switch {
	case iconLinks(p):
		return true
	case isFurniture(text) || p != text && isFurniture(p) || !hasLetter(text):
		return true
	case linkOnly(p) || teaserMore(p) || len(text) < 120 && boxHeading().MatchString(strings.TrimLeft(text, "# ")):
		return true
	case sameWords(strings.TrimLeft(text, "# "), title):
		return true
	case bareURL(text):
		return true
	case len(text) < 100 && len(strings.Fields(text)) <= 12 && !embedSignature(text):
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
	// A byline set as a small heading ("##### *By Jane Doe*") is one too.
	text = strings.Trim(text, "#*_ ")
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
	outside := replaceLinks(md, false)
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
