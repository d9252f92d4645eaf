package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// headerReach is how many blocks above the body may hold its headline.
const headerReach = 40

// readHeader reads headline, date, byline and a lead caption from the blocks
// above the body, nearest first: the headline is the first headline-like
// block met, past standfirsts, bylines, dates and captions.
func readHeader(a *Article, blocks []*block, from int, loc *time.Location) {
	for i := from - 1; i >= 0 && i >= from-headerReach; i-- {
		b := blocks[i]
		t := b.text
		if len(t) < 120 {
			if d, ok := findDate(t, loc); ok {
				if a.Date.IsZero() {
					a.Date = d
				}
				continue
			}
		}
		if c, ok := strings.CutPrefix(t, "Image caption "); ok {
			a.Image.Caption = c
			continue
		}
		if m := byline.FindStringSubmatch(t); m != nil {
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
		if headlineLike(b) {
			a.Title = t
			return
		}
	}
}

// headlineLike: a few words, not a sentence ending in a full stop, not chrome.
func headlineLike(b *block) bool {
	if b.bullet || b.words < 2 || b.words > 30 || b.links > 0 || isFurniture(b.text) {
		return false
	}
	if strings.HasSuffix(b.text, ".") && !strings.HasSuffix(b.text, "...") {
		return false
	}
	if strings.EqualFold(b.text, "by") || creditLine.MatchString(b.text) {
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
	for _, p := range a.Paras {
		if c, cr, ok := cutCaption(p); ok {
			if a.Image.Caption == "" {
				a.Image.Caption, a.Image.Credit = c, cr
			}
			continue
		}
		if creditLine.MatchString(p) {
			au, ed := parseCredits(p)
			a.Authors = append(a.Authors, au...)
			a.Editors = append(a.Editors, ed...)
			continue
		}
		if isWall(plain(p)) && len(out) >= 2 {
			break
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
	text := plain(p)
	switch {
	case isFurniture(text) || isFurniture(p) || !hasLetter(text):
		return true
	case linkOnly(p):
		return true
	case sameText(strings.TrimLeft(text, "# "), a.Title):
		return true
	case len(text) < 100 && len(strings.Fields(text)) <= 12:
		if _, ok := findDate(text, time.UTC); ok {
			return true
		}
	}
	if m := byline.FindStringSubmatch(text); m != nil && len(text) < 100 {
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
	outside := mdLink.ReplaceAllString(md, "")
	outside = strings.Trim(outside, " -*|•·,\n")
	return len(strings.Fields(outside)) <= 1
}
