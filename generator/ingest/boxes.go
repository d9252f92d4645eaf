package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropCaptions removes photo captions before the extractor sees the page,
// so that they never become body text: elements whose class or id says
// caption (figcaption goes with its figure in sanitize), and the one-item
// list some templates set right after a figure to hold its caption. The
// first caption it drops is kept in *lead, for the lead image.
func dropCaptions(n *html.Node, lead *string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch {
			case c.DataAtom == atom.Figure:
				if l := nextElement(c); l != nil && (l.DataAtom == atom.Ul || l.DataAtom == atom.Ol) && oneItem(l) {
					if *lead == "" {
						*lead = capText(l, 400)
					}
					if next == l {
						next = l.NextSibling
					}
					n.RemoveChild(l)
				}
			case captionBox(c):
				if *lead == "" {
					*lead = capText(c, 400)
				}
				n.RemoveChild(c)
				c = next
				continue
			}
			dropCaptions(c, lead)
		}
		c = next
	}
}

// captionBox: a short element named a caption, in English, German, French
// or Spanish templates ("wp-caption-text", "bildunterschrift", "legende").
func captionBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Body, atom.Article, atom.Main, atom.Html:
		return false
	}
	marks := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if !containsAny(marks, captionNames...) { // no token of marks has one either
		return false
	}
	named := false
	for _, tok := range strings.Fields(marks) {
		// "no_caption", "has-caption", "with-caption" mark the wrapper of
		// an item, not a caption.
		if containsAny(tok, captionNames...) &&
			!containsAny(tok, "no_", "no-", "has", "with", "wrap", "container") {
			named = true
		}
	}
	return named && !hasHeading(n) && capText(n, 400) != ""
}

var captionNames = []string{"caption", "bildunterschrift", "legende", "leyenda", "didascalia"}

func hasHeading(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		if hasHeading(c) {
			return true
		}
	}
	return false
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

func oneItem(l *html.Node) bool {
	n := 0
	for c := l.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			n++
		}
	}
	return n == 1
}

// priceLine matches a price by period, the heart of a subscription box:
// "$7/month", "€4,99 pro Monat", "$60/person/year", "9,90 € / Monat".
var priceLine = lazyRegexp(`(?i)^(?:[$€£¥]\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|eur|usd|chf|euro))\s*(?:/|per |a |an |pro |par |al |por |im |each )\s*\p{L}+(?:\s?/\s?\p{L}+)?\.?$`)

// cutOffers removes subscription boxes: a price by period with the plan's
// heading above it and its blurb below. A box in the last third of the body
// ends the article there, since what follows it is the paywall's offer.
func cutOffers(paras []string) []string {
	for i := 0; i < len(paras); i++ {
		if !priceLine().MatchString(strings.Trim(plain(paras[i]), "*_ ")) {
			continue
		}
		from := i
		if from > 0 && (strings.HasPrefix(paras[from-1], "#") || len(strings.Fields(plain(paras[from-1]))) <= 4) {
			from--
		}
		if i*3 >= len(paras)*2 {
			return paras[:from]
		}
		to := i + 1
		if to < len(paras) && len(plain(paras[to])) < 120 {
			to++
		}
		paras = append(paras[:from], paras[to:]...)
		i = from - 1
	}
	return paras
}

// boxHeading names the boxes pages set inside or after an article.
var boxHeading = lazyRegexp(`(?i)^(?:trending(?: now| stories| news)?|more|more from .{1,40}|read more|see also|also read|recommended|popular|latest|` +
	`lesen sie auch|das könnte sie auch interessieren|auch interessant|mehr zum thema(?: .{1,40})?|mehr themen|zum weiterlesen|weiterführender? links?|` +
	`kontakt|contact|contacto|contatto|ansprechpartner(?:in)?(?: zum thema)?|` +
	`à lire aussi|lire aussi|vous aimerez aussi|te puede interesar|también te puede interesar|lee también|lea también|más noticias|` +
	`leia também|veja também|leggi anche|ti potrebbe interessare|potrebbe interessarti|lesen sie auch .{1,40}|` +
	`quellen|quellenangaben|zusatzinformationen|sources|fuentes|fontes|fonti)\s*[:!.]?$`)

// headingText is the text of a heading paragraph: a Markdown heading, or a
// line set in bold alone, as templates set box titles.
func headingText(p string) (string, bool) {
	if h, ok := strings.CutPrefix(p, "#"); ok {
		return h, true
	}
	if len(p) > 4 && len(p) < 120 && strings.HasPrefix(p, "**") && strings.HasSuffix(p, "**") &&
		strings.Count(p, "**") == 2 && !strings.Contains(p, "\n") {
		return p, true
	}
	return "", false
}
