package ingest

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// Meta keys that carry a publication date, most specific first; keys that
// name a date of no stated kind come after microdata and <time pubdate>,
// which a CMS sets for the story where it may set those for the page; keys
// that carry the last change come after them, as a last resort.
var (
	publishedKeys = [...]string{"article:published_time", "article:published", "og:article:published_time",
		"datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "publication_date",
		"article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"pdate", "displaydate", "article_date_original", "cxenseparse:recs:publishtime", "og:published_time", "release_date"}
	plainDateKeys = [...]string{"dc.date", "dcterms.date", "dcterms.created", "date", "datecreated", "created"}
	modifiedKeys  = [...]string{"article:modified_time", "article:modified", "og:updated_time", "datemodified",
		"dcterms.modified", "last-modified", "lastmod", "utime"}
	metaAuthorKeys = [...]string{"author", "article:author", "byl", "byline", "dc.creator", "dcterms.creator",
		"sailthru.author", "parsely-author", "citation_author", "twitter:creator:name"}
)

// chooseDate picks the publication date: the declared one, weighed
// against the dates the dateline prints (pickDate), then the page's address
// (/2021/03/04/), a date after a label of publication, dates shown in date
// elements, then the date printed by the headline or in a byline
// (shownDate), then meta dates of no stated kind, and only then the date of
// the last change.
func (m *pageMeta) chooseDate(visible func() *visText, src string, loc *time.Location) time.Time {
	var cands []string
	if m.ld.article {
		cands = append(cands, m.ld.published)
	}
	for _, k := range publishedKeys {
		cands = append(cands, m.props[k])
	}
	cands = append(cands, m.items["datePublished"])
	for _, t := range m.times {
		if t.pub {
			cands = append(cands, t.datetime, t.text)
		}
	}
	cands = append(cands, m.ld.published, m.ld.created, m.items["dateCreated"])
	var declared time.Time
	for _, s := range cands {
		if t, ok := metaDate(s, loc); ok {
			declared = t
			break
		}
	}
	if t := pickDate(declared, visible().datelineDates(loc)); !t.IsZero() {
		return t
	}
	if t, ok := urlDate(src, loc); ok {
		return t
	}
	if t, ok := visible().pubLabelled(loc); ok {
		return t
	}
	cands = cands[:0]
	for _, t := range m.times {
		if !t.mod {
			cands = append(cands, t.datetime, t.text)
		}
	}
	cands = append(cands, m.dateTexts...)
	for _, s := range cands {
		if t, ok := metaDate(s, loc); ok {
			return t
		}
	}
	if t, ok := visible().shownDate(loc); ok {
		return t
	}
	cands = cands[:0]
	for _, k := range plainDateKeys {
		cands = append(cands, m.props[k])
	}
	cands = append(cands, m.ld.modified, m.items["dateModified"])
	for _, k := range modifiedKeys {
		cands = append(cands, m.props[k])
	}
	for _, t := range m.times {
		cands = append(cands, t.datetime)
	}
	// Last, any meta key that names a date ("dateUpdate", "dc.date.created").
	for _, k := range slices.Sorted(maps.Keys(m.props)) {
		if strings.Contains(k, "date") {
			cands = append(cands, m.props[k])
		}
	}
	for _, s := range cands {
		if t, ok := metaDate(s, loc); ok {
			return t
		}
	}
	return time.Time{}
}

// metaDate reads a declared date: the forms findDate knows, and the bare
// digits some publishers use (20160729, 20160729164234, a Unix time).
func metaDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 || relativeAge(s) {
		return time.Time{}, false
	}
	if allDigits(s) {
		switch len(s) {
		case 8, 12, 14:
			layout := "20060102150405"[:len(s)]
			if t, err := time.ParseInLocation(layout, s, loc); err == nil && t.Year() >= 1990 {
				return t, true
			}
		case 10, 13:
			sec, _ := strconv.ParseInt(s[:10], 10, 64)
			if t := time.Unix(sec, 0).UTC(); t.Year() >= 2000 && t.Year() <= 2100 {
				return t, true
			}
		}
		return time.Time{}, false
	}
	return findDate(s, loc)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// relativeAge: "5 years ago", "vor 2 Stunden", "il y a 3 jours", "hace 2
// días": an age, never a publication date.
func relativeAge(s string) bool {
	l := strings.ToLower(s)
	return len(l) < 60 && (strings.Contains(l, " ago") || strings.HasPrefix(l, "vor ") || strings.Contains(l, "il y a ") ||
		strings.HasPrefix(l, "hace ") || strings.HasSuffix(l, " fa"))
}

// urlDate reads /2021/03/04/ or /2021-03-04 from a page's address.
var urlDateRe = lazyRegexp(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|\.html|$)`)

func urlDate(src string, loc *time.Location) (time.Time, bool) {
	m := urlDateRe().FindStringSubmatch(src)
	if m == nil {
		return time.Time{}, false
	}
	return makeDate(m[1], time.Month(atoi(m[2])), m[3], "", "", "", loc)
}

// chooseAuthors takes the names from JSON-LD, then meta tags, microdata,
// rel=author links and byline elements; a name that is the site's own is
// no author.
func (m *pageMeta) chooseAuthors(site, src string) []string {
	var metaNames []string
	for _, k := range metaAuthorKeys {
		if v := m.props[k]; v != "" && !strings.Contains(v, "://") && !strings.HasPrefix(v, "@") {
			metaNames = splitNames(cutByPrefix(html.UnescapeString(v)))
			break
		}
	}
	var byl []string
	for _, t := range m.bylines {
		if byl = bylineNames(t); len(byl) > 0 {
			break
		}
	}
	var rel []string
	for _, t := range m.relAuth {
		rel = append(rel, bylineNames(t)...)
	}
	var items []string
	for _, t := range m.itemAuth {
		items = append(items, bylineNames(t)...)
	}
	for _, names := range [][]string{m.ld.authors, metaNames, items, rel, byl} {
		if out := m.keepNames(names, site, src); len(out) > 0 {
			return out
		}
	}
	return nil
}

// keepNames drops what is no name from names: labels, the site's own
// name or host, companies, overlong strings; a login name is written as
// the name it stands for.
func (m *pageMeta) keepNames(names []string, site, src string) []string {
	host := hostName(src)
	var out []string
	for _, n := range names {
		n = readableLogin(oneLine(html.UnescapeString(n)))
		l := strings.ToLower(n)
		if strings.HasPrefix(l, "more by ") || strings.HasPrefix(l, "mehr von ") {
			continue // the link to the author's other articles, beside the byline
		}
		if n == "" || len(n) > 80 || notNames[l] || words(n) == words(site) || host != "" && strings.EqualFold(n, host) || orgName(n) {
			continue
		}
		out = append(out, n)
	}
	return uniq(out)
}

// byPrefixes are the words that open a byline, in the languages ingest reads.
var byPrefixes = [...]string{"written by", "posted by", "geschrieben von", "ein beitrag von", "ein artikel von",
	"verfasst von", "text von", "escrito por", "écrit par", "rédigé par", "scritto da",
	"veröffentlicht von", "erstellt von", "eingestellt von", "artikel von", "beitrag von", "text und fotos:", "text:",
	"autor:", "autorin:", "author:", "auteur:", "autore:", "publicado por", "publié par", "pubblicato da", "gepostet von",
	"责任编辑：", "责任编辑:", "编辑：", "作者：", "记者：", "von", "by", "par", "por", "door", "di", "de", "av", "af"}

// cutByPrefix drops the "By"/"Von"/"Par" that opens a byline; pages that
// set the name in its own element may leave no space after the word.
func cutByPrefix(s string) string {
	s = strings.TrimSpace(s)
	l := strings.ToLower(s)
	for _, p := range byPrefixes {
		if rest, ok := strings.CutPrefix(l, p); ok && rest != "" {
			r := []rune(s[len(p):])[0]
			switch {
			case strings.HasSuffix(p, ":") || strings.HasSuffix(p, "："):
				return strings.TrimSpace(s[len(p):])
			case r == ':' && len(rest) > 1: // "Von: Jana Roth"
				return strings.TrimSpace(s[len(p)+1:])
			case r == ' ' || unicode.IsUpper(r) && (p == "by" || strings.HasSuffix(p, "von")):
				return strings.TrimSpace(s[len(p):])
			}
		}
	}
	return s
}

// bylineDateWords are what is left of a date or a time stamp cut at its
// first digit after a byline's names ("Jane Doe Feb 12", "Jane Doe Last
// updated 3 May"): a month, or the word that opens the stamp.
var bylineDateWords = map[string]bool{"last": true, "updated": true, "actualizado": true, "atualizado": true,
	"aggiornato": true, "aktualisiert": true, "publié": true, "publicado": true, "pubblicato": true, "veröffentlicht": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "january": true, "february": true, "march": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"januar": true, "februar": true, "märz": true, "mai": true, "juni": true, "juli": true, "oktober": true, "dezember": true}

// trimDateWords drops bylineDateWords from the end of a byline's names;
// one name word is always left.
func trimDateWords(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i <= 0 || !bylineDateWords[strings.ToLower(strings.Trim(s[i+1:], ".,"))] || !strings.Contains(strings.TrimSpace(s[:i]), " ") {
			return s
		}
		s = strings.TrimSpace(s[:i])
	}
}

// notNames are the labels of byline bars that are left when the name is
// set elsewhere.
var notNames = map[string]bool{"by": true, "posted": true, "follow": true, "stand": true, "text": true, "von": true,
	"publiziert am": true, "veröffentlicht": true, "published": true, "updated": true, "autor": true, "author": true,
	"share": true, "teilen": true, "artikel von": true, "kommentare": true, "comments": true, "posted by": true}

// bylineEnds are where the names of a visible byline stop: a date, a
// place, a role or the next item of the byline bar.
var bylineEnds = [...]string{" | ", " – ", " — ", " - ", " • ", " · ", " / ", " » ", ", den ", " updated", " published",
	" veröffentlicht", " aktualisiert", " publié", " posted", " stand", " chefredakteur", " redakteur", " correspondent",
	" reporter", "staff writer", " (", " www.", " follow", " actualizado", " atualizado", " aggiornato", " mis à jour",
	// the credit of another role on the same line ("Text von X Illustration von Y")
	" illustration ", " illustrationen ", " illustration:", " photos ", " photo ", " photo:", " photography ",
	" fotos ", " foto ", " foto:", " fotos:", " bilder ", " bild:"}

// bylineLinks end the names too, written in lower case ("on 3 May", "le 12
// mars"); capitalised, they are part of a name ("Loïc Le Clerc").
var bylineLinks = [...]string{" on ", " am ", " le ", " el ", " il ", " um ", " at ", " vom ", " in "}

// bylineNames reads the names of a visible byline ("By Jane Doe and John
// Roe | 3 March 2021"), or nothing when the text is not one.
func bylineNames(s string) []string {
	s = cutByPrefix(oneLine(s))
	l := strings.ToLower(s)
	for _, e := range bylineEnds {
		if i := strings.Index(l, e); i > 0 {
			s, l = s[:i], l[:i]
		}
	}
	for _, e := range bylineLinks {
		if i := strings.Index(s, e); i > 0 {
			s, l = s[:i], l[:i]
		}
	}
	if i := strings.IndexFunc(s, unicode.IsDigit); i > 0 && s[i-1] == ' ' { // a date; "freeman1984" is a name
		s = s[:i]
	}
	s = trimDateWords(strings.TrimSpace(s))
	initial := strings.HasSuffix(s, ".") && len(s) > 3 && (s[len(s)-3] == ' ' || s[len(s)-4] == ' ') // "Jr.", "C."
	s = strings.Trim(s, " ,;:|-–—·•()/")
	if notNames[strings.ToLower(s)] {
		return nil
	}
	for _, w := range [...]string{" und ", " et ", " y ", " e "} {
		s = strings.ReplaceAll(s, w, " and ")
	}
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 8 || len(s) > 80 || strings.ContainsAny(s, "@!?\"“”") || strings.HasSuffix(s, ".") && len(f[len(f)-1]) > 3 {
		return nil
	}
	lower := 0
	for _, w := range f {
		if r := []rune(w)[0]; unicode.IsLower(r) {
			lower++
		}
	}
	if len(f) >= 3 && lower*2 > len(f) { // a phrase, not names
		return nil
	}
	names := splitNames(s)
	if initial && len(names) > 0 && !strings.HasSuffix(names[len(names)-1], ".") {
		names[len(names)-1] += "."
	}
	return names
}

// hostName is a readable form of a page's host: its name without "www.".
func hostName(src string) string {
	u, err := url.Parse(src)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range [...]string{"www.", "www1.", "www2.", "m.", "amp."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}
