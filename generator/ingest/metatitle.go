package ingest

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeps separate a headline from the site's name or section in titles.
var titleSeps = [...]string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " « ", " // ", " • ", " ~ "}

// chooseTitle picks the headline. A heading of the page (<h1>) that the
// declared title (JSON-LD headline, og:title, twitter:title, meta title)
// or <title> holds whole or as one of its parts wins: it is the headline
// as the reader sees it, without the site name, section or author that
// titles append. Otherwise the declared title, then <title>, less the
// parts that name the site, the section, the author or a web address.
func (m *pageMeta) chooseTitle(site, src string, authors []string) string {
	clean := func(s string) string { return oneLine(html.UnescapeString(s)) }
	labels := []string{site, m.ld.publisher, m.props["og:site_name"], m.props["application-name"],
		m.props["twitter:site"], m.ld.section, m.props["article:section"], hostName(src)}
	labels = append(labels, authors...)
	declared := first(clean(m.ld.headline), clean(m.props["og:title"]), clean(m.props["twitter:title"]),
		clean(m.props["title"]), clean(m.props["headline"]), clean(m.props["dc.title"]))
	page := clean(m.title)
	for _, h := range m.h1 {
		if isLabel(h, labels) {
			continue
		}
		for _, t := range []string{declared, page} {
			if t != "" && (words(h) == words(t) || len(strings.Fields(words(h))) >= 2 && isPart(t, h)) {
				return h
			}
			if p := kickedPart(t, h); p != "" {
				return p
			}
		}
	}
	// A heading that says what the declared title says in other words:
	// the headline as shown, where the declared one is the social or
	// search variant.
	for _, h := range m.h1 {
		t := first(declared, page)
		if !isLabel(h, labels) && len(strings.Fields(words(h))) >= 3 && min(overlap(h, t), overlap(t, h)) >= 0.5 && !colonPart(t, h) {
			return cutLabels(h, labels)
		}
	}
	// A lesser heading the title holds as a part, and as most of it, where
	// the <h1> is the site's name or absent: blogs set the post's title in
	// an <h2>; the site's own name may be an <h2> too.
	for _, h := range m.h2 {
		for _, t := range []string{declared, page} {
			if t != "" && !isLabel(h, labels) && len(strings.Fields(words(h))) >= 2 && isPart(t, h) && overlap(t, h) >= 0.5 {
				return h
			}
		}
	}
	if declared != "" {
		// A site-wide og:title: the first <h1> and <title> agree on a
		// headline with which it shares under half its words.
		if len(m.h1) > 0 && words(m.h1[0]) == words(cutLabels(page, labels)) && overlap(declared, page) < 0.5 {
			return m.h1[0]
		}
		return cutLabels(declared, labels)
	}
	if page == "" && len(m.h1) > 0 {
		return m.h1[0]
	}
	return cutSiteName(cutLabels(page, labels))
}

// partSeps are titleSeps and the marks that set off a kicker or a site
// name in a declared title: "Kicker: Headline", "Headline › Blog",
// "Headline (Site)".
var partSeps = append(titleSeps[:], ": ", " › ", " » ", " (", " ǀ ")

// isPart reports whether h is a run of the parts that t's separators make:
// at its start or end ("Headline" in "Headline | Section | Site"), or,
// when no side holds more words than h, inside it ("Kicker: Headline -
// Site") or next to a colon or a bracket ("Site Name: Headline" is not
// "Site Name").
func isPart(t, h string) bool {
	wh := words(h)
	if wh == "" {
		return false
	}
	n := len(strings.Fields(wh))
	parts, seps := splitParts(t)
	for i := range parts {
		for j := i + 1; j <= len(parts); j++ {
			if i == 0 && j == len(parts) || words(strings.Join(parts[i:j], " ")) != wh {
				continue
			}
			before := len(strings.Fields(words(strings.Join(parts[:i], " "))))
			after := len(strings.Fields(words(strings.Join(parts[j:], " "))))
			if i == 0 && siteSep(seps[j-1]) || j == len(parts) && siteSep(seps[i-1]) || before <= n && after <= n {
				return true
			}
		}
	}
	return false
}

// colonPart reports whether h is the part of t before or after a colon
// or bracket, which isPart refused as the shorter side.
func colonPart(t, h string) bool {
	wh := words(h)
	parts, seps := splitParts(t)
	for i := 1; i < len(parts); i++ {
		if !siteSep(seps[i-1]) && (words(strings.Join(parts[:i], " ")) == wh || words(strings.Join(parts[i:], " ")) == wh) {
			return true
		}
	}
	return false
}

// splitParts cuts t at every separator of partSeps: the parts, and the
// separator after each part but the last.
func splitParts(t string) (parts, seps []string) {
	for {
		at, sep := -1, ""
		for _, s := range partSeps {
			if i := strings.Index(t, s); i >= 0 && (at < 0 || i < at || i == at && len(s) > len(sep)) {
				at, sep = i, s
			}
		}
		if at < 0 {
			return append(parts, t), seps
		}
		parts, seps = append(parts, t[:at]), append(seps, sep)
		t = t[at+len(sep):]
	}
}

// siteSep: a separator that sets off a site or section name, not a
// kicker.
func siteSep(sep string) bool { return sep != ": " && sep != " (" }

// kickedPart is the part of t (or t whole) that ends the heading h after
// a kicker set in the same element: h "Leak at the port Data of the
// shipyard stolen", t "Data of the shipyard stolen - Leak at the port".
func kickedPart(t, h string) string {
	if t == "" {
		return ""
	}
	wh, wt := words(h), words(t)
	if len(strings.Fields(wt)) >= 2 && strings.HasSuffix(wh, " "+wt) {
		return strings.TrimSpace(t)
	}
	for _, sep := range partSeps {
		if strings.Contains(h, sep) { // the heading has the parts too
			continue
		}
		parts := strings.Split(t, sep)
		for k, p := range parts {
			wp := words(p)
			if len(strings.Fields(wp)) < 3 || !strings.HasSuffix(wh, " "+wp) {
				continue
			}
			// The heading is t itself when what opens it is what comes
			// before p in t ("Kicker: Headline" in both).
			if before := words(strings.Join(parts[:k], sep)); before == "" || overlap(strings.TrimSuffix(wh, " "+wp), before) < 0.5 {
				return strings.TrimSpace(p)
			}
		}
	}
	return ""
}

// cutLabels drops leading and trailing parts of a title that are labels
// (site, section, author) or web addresses: "Headline | Technology |
// Reuters", "apolut.net - Headline", "Headline | Jane Roe".
func cutLabels(t string, labels []string) string {
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeps {
			if i := strings.LastIndex(t, sep); i > 0 {
				if tail := t[i+len(sep):]; isLabel(tail, labels) && len(words(t[:i])) > 0 {
					t, changed = strings.TrimSpace(t[:i]), true
				}
			}
			if i := strings.Index(t, sep); i > 0 {
				if head := t[:i]; isLabel(head, labels) && len(words(t[i+len(sep):])) > 0 {
					t, changed = strings.TrimSpace(t[i+len(sep):]), true
				}
			}
		}
	}
	return t
}

// isLabel: s names the site (or starts its name), its section, an
// author, or is a web address.
func isLabel(s string, labels []string) bool {
	w := words(s)
	if w == "" {
		return false
	}
	if webAddress(s) {
		return true
	}
	squash := strings.ReplaceAll(w, " ", "")
	for _, l := range labels {
		lw := words(strings.TrimPrefix(l, "@"))
		if lw == "" {
			continue
		}
		if lw == w || strings.HasPrefix(lw, w+" ") || strings.HasPrefix(w, lw+" ") {
			return true
		}
		// "theguardian.com" and "The Guardian", "nytimes" and "NYTimes".
		host := strings.ReplaceAll(lw, " ", "")
		if len(squash) >= 4 && (host == squash || strings.HasPrefix(host, squash) && slices.Contains([]string{"com", "org", "net", "de", "at", "ch", "fr", "es", "it", "co", "uk", "io"}, strings.TrimPrefix(host, squash))) {
			return true
		}
	}
	return false
}

// webAddress: "apolut.net", "www.example.org", "Popkultur.de": one token
// with a dot before two to four letters.
func webAddress(s string) bool {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, " /") || strings.HasPrefix(s, "http") && strings.Contains(s, "://") {
		return strings.Contains(s, "://")
	}
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || len(s)-i-1 < 2 || len(s)-i-1 > 4 {
		return false
	}
	for _, r := range s[i+1:] {
		if r < 'a' || r > 'z' {
			if r < 'A' || r > 'Z' {
				return false
			}
		}
	}
	return true
}

// overlap is the share of a's words that b has.
func overlap(a, b string) float64 {
	aw, bw := strings.Fields(words(a)), strings.Fields(words(b))
	if len(aw) == 0 {
		return 0
	}
	n := 0
	for _, w := range aw {
		if slices.Contains(bw, w) {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// cutSiteName drops " | Site" or " - Site" from a <title>.
func cutSiteName(t string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > len(t)/3 {
			return t[:i]
		}
	}
	return t
}

// h1Text is the text of a heading without its kicker (the line set
// over a headline: "Dachzeile", "topline", "roofline") and without text
// only screen readers get, which joins the kicker to the headline (": ").
// The headline alone is what declared titles hold beside the kicker.
func h1Text(n *html.Node) string {
	var b strings.Builder
	collectText(n, &b, -1, func(e *html.Node) bool { return e.DataAtom != atom.H1 && kickerClass(attr(e, "class")) })
	return b.String()
}

var kickerNames = []string{"kicker", "topline", "roofline", "dachzeile", "overline", "supertitle", "eyebrow", "sub-heading", "subheadline",
	"visually-hidden", "visuallyhidden", "sr-only", "screen-reader"}

func kickerClass(class string) bool {
	if class == "" {
		return false
	}
	for _, tok := range strings.Fields(strings.ToLower(class)) {
		if containsAny(tok, kickerNames...) {
			return true
		}
	}
	return false
}

// trimMarks drops the marks a heading may open with as decoration ("[> ",
// "// ", "* "): a word of signs only, before a space. Quotes, brackets
// that open a word and the Spanish ¿¡ stay.
func trimMarks(h string) string {
	mark, rest, ok := strings.Cut(h, " ")
	if !ok || mark == "" || strings.ContainsFunc(mark, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'„“”‚‘’«»¿¡(", r)
	}) {
		return h
	}
	return strings.TrimSpace(rest)
}
