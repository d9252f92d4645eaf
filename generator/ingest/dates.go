package ingest

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

var months = func() map[string]time.Month {
	months := map[string]time.Month{}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
	for i, names := range [12]string{
		"janvier janeiro enero januar jänner gennaio", "février fevrier fevereiro fev febrero februar febbraio",
		"mars março marco marzo märz", "avril abril abr aprile",
		"mai maio mayo maggio", "juin junho junio juni giugno",
		"juillet julho julio juli luglio", "août aout agosto ago",
		"septembre setembro set septiembre setiembre settembre", "octobre outubro out octubre oktober ottobre okt",
		"novembre novembro noviembre", "décembre decembre dezembro dez diciembre dezember dicembre",
	} {
		for _, n := range strings.Fields(names) {
			months[n] = time.Month(i + 1)
		}
	}
	return months
}()

// foreignMonthRe names months in French, Spanish, Portuguese, German and
// Italian, full or in their usual abbreviations.
var foreignMonthRe = func() string {
	var names []string
	for n := range months {
		if len(n) > 3 || !strings.Contains("jan feb mar apr may jun jul aug sep oct nov dec", n) {
			names = append(names, regexp.QuoteMeta(n))
		}
	}
	// Longest first, so that "sept" does not stop "septembre".
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
	})
	return "(" + strings.Join(names, "|") + ")"
}()

const (
	monthRe = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	timeRe  = `(?:\D{0,12}?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?)?`
)

// Dates in text: "November 4, 2014 / 8:39 PM", "4 Nov 2014 20.39 GMT",
// "2014-11-04T20:39:00Z", "Jan 04 09:34 2021" (the clock before the year,
// as ctime writes it). Groups: month, day, year or day, month, year; then time.
var (
	mdyDate = lazyRegexp(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(\d{4})\b` + timeRe)
	dmyDate = lazyRegexp(`(?i)\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+` + monthRe + `,?\s+(\d{4})\b` + timeRe)
	// "30 avril 2015", "22 de outubro de 2010", "21.dez.2018", "1. März 2021".
	intlDate = lazyRegexp(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:er|º)?(?:\.\s*|\s+)(?:de\s+)?` + foreignMonthRe + `\.?\s*(?:de\s+)?,?\s*(\d{4})\b` + timeRe)
	// "Juli 9, 2016", "diciembre 3, 2020": a foreign month in the
	// English order, as blogs print it with an English date format.
	intlMdyDate = lazyRegexp(`(?i)(?:^|[^\p{L}\d])` + foreignMonthRe + `\.?\s+(\d{1,2}),\s*(\d{4})\b` + timeRe)
	// "9/11/13 10:00AM": month first, two-digit year.
	shortDate = lazyRegexp(`(?i)\b(\d{1,2})/(\d{1,2})/(\d{2})\b` + timeRe)
	numDate   = lazyRegexp(`(?i)\b(\d{1,2})/(\d{1,2})/(\d{4})\b` + timeRe)
	// "24.01.2022", "24. 1. 2022 um 10:15": day first, the form of Central
	// and Eastern Europe.
	dotDate = lazyRegexp(`(?i)(?:^|[^\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b` + timeRe)
	// "2022/01/24", "2022.01.24": year first.
	ymdDate = lazyRegexp(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b` + timeRe)
	clock   = lazyRegexp(`(?i)\b(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?`)
	// "1. 11.", "01.11.": day and month without a year, the dotted numeric
	// form of Central Europe; pages show it for today or for recent stories.
	dayMonth = lazyRegexp(`(?:^|\s)(\d{1,2})\.\s?(\d{1,2})\.(?:\s|$)`)
	isoDate  = lazyRegexp(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b`)
)

// findDate returns the first date written in s, in loc unless s names an offset.
func findDate(s string, loc *time.Location) (time.Time, bool) {
	t, _, _, ok := findDateSpan(s, loc)
	return t, ok
}

// findDateSpan is findDate that also tells where in s the date is written.
func findDateSpan(s string, loc *time.Location) (t time.Time, at, end int, ok bool) {
	return readDateSpan(s, loc, false)
}

// readDateSpanAt is readDateSpan on s as it is written.
func readDateSpanAt(s string, loc *time.Location, dayFirst bool) (t time.Time, at, end int, ok bool) {
	if !strings.ContainsAny(s, "0123456789") { // every date has digits; most blocks have none
		return time.Time{}, 0, 0, false
	}
	type hit struct {
		at, end int
		t       time.Time
		timed   bool
	}
	var best *hit
	try := func(m []int, t time.Time, ok bool) {
		if ok && (best == nil || m[0] < best.at) {
			best = &hit{m[0], m[1], t, m[8] >= 0}
		}
	}
	// Every pattern but shortDate holds a year of four digits.
	year := hasDigitRun(s, 4)
	named := year && hasMonthName(s)
	if m := ifYear(named, mdyDate(), s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[3], months[strings.ToLower(strings.TrimSuffix(g[1], "."))[:3]], g[2], g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	if m := ifYear(named, dmyDate(), s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[3], months[strings.ToLower(g[2])[:3]], g[1], g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	if m := ifYear(year, intlDate(), s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[3], months[strings.ToLower(g[2])], g[1], g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	if m := ifYear(year && dayCommaYear(s), intlMdyDate(), s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[3], months[strings.ToLower(g[1])], g[2], g[4], g[5], g[6], loc)
		m[0] = m[2] // the match may open with the character before the month
		try(m, t, ok)
	}
	if m := shortDate().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		a, b := atoi(g[1]), atoi(g[2])
		if a > 12 || dayFirst && b <= 12 {
			a, b = b, a
		}
		t, ok := makeDate("20"+g[3], time.Month(a), strconv.Itoa(b), g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	if m := ifYear(year, numDate(), s); m != nil {
		g := groups(s, m)
		a, b := atoi(g[1]), atoi(g[2])
		if a > 12 || dayFirst && b <= 12 {
			a, b = b, a
		}
		t, ok := makeDate(g[3], time.Month(a), strconv.Itoa(b), g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	dotted, slashed := sepAfterDigit(s)
	if m := dotDateIf(dotted && year, s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[3], time.Month(atoi(g[2])), g[1], g[4], g[5], g[6], loc)
		m[0] = m[2] // the match may open with the character before the day
		try(m, t, ok)
	}
	if m := ymdDateIf((dotted || slashed) && year, s); m != nil {
		g := groups(s, m)
		t, ok := makeDate(g[1], time.Month(atoi(g[2])), g[3], g[4], g[5], g[6], loc)
		try(m, t, ok)
	}
	if m := ifYear(year, isoDate(), s); m != nil {
		g := groups(s, m)
		mo, _ := strconv.Atoi(g[2])
		if g[6] != "" {
			if t, err := time.Parse("2006-01-02T15:04Z07:00", g[1]+"-"+g[2]+"-"+g[3]+"T"+g[4]+":"+g[5]+fixZone(g[6])); err == nil {
				if best == nil || m[0] < best.at {
					best = &hit{m[0], m[1], t, false} // zoned already
				}
			}
		} else {
			t, ok := makeDate(g[1], time.Month(mo), g[3], g[4], g[5], "", loc)
			try(m, t, ok)
		}
	}
	if best == nil {
		return time.Time{}, 0, 0, false
	}
	if best.timed {
		if off, ok := zoneAfter(s[best.end:], best.t); ok {
			return inZone(best.t, off), best.at, best.end, true
		}
	}
	// "4:02 PM EDT, June 9, 2022": a clock before the date still counts.
	if t := best.t; t.Hour() == 0 && t.Minute() == 0 && len(s) < 100 {
		if m := clock().FindStringSubmatchIndex(s[:best.at]); m != nil {
			g := groups(s, m)
			if c, ok := makeDate(strconv.Itoa(t.Year()), t.Month(), strconv.Itoa(t.Day()), g[1], g[2], g[3], t.Location()); ok {
				if off, ok := zoneAfter(s[m[1]:best.at], c); ok {
					c = inZone(c, off)
				}
				return c, m[0], best.end, true
			}
		}
	}
	return best.t, best.at, best.end, true
}

// sepAfterDigit reports whether a digit is followed by '.' then a digit
// (with an optional space), and whether by '/': the cheap test that spares
// most text the numeric date patterns.
func sepAfterDigit(s string) (dot, slash bool) {
	for i := 1; i+1 < len(s); i++ {
		if c := s[i-1]; c < '0' || c > '9' {
			continue
		}
		switch s[i] {
		case '.':
			j := i + 1
			if s[j] == ' ' && j+1 < len(s) {
				j++
			}
			dot = dot || s[j] >= '0' && s[j] <= '9'
		case '/':
			slash = true
		}
	}
	return dot, slash
}

// hasDigitRun reports whether s holds n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
		} else if run++; run == n {
			return true
		}
	}
	return false
}

// hasMonthName reports whether s may hold an English month for mdyDate
// and dmyDate: the first three letters of one in any case, or a long s
// (U+017F), which (?i) takes for an s.
func hasMonthName(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 < 'a' || s[i]|0x20 > 's' {
			continue
		}
		switch string([]byte{s[i] | 0x20, s[i+1] | 0x20, s[i+2] | 0x20}) {
		case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
			return true
		}
	}
	return strings.Contains(s, "ſ")
}

func ifYear(year bool, re *regexp.Regexp, s string) []int {
	if !year {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

func dotDateIf(ok bool, s string) []int {
	if !ok {
		return nil
	}
	return dotDate().FindStringSubmatchIndex(s)
}

func ymdDateIf(ok bool, s string) []int {
	if !ok {
		return nil
	}
	return ymdDate().FindStringSubmatchIndex(s)
}

// findDayMonth returns the first day and month written without a year in s.
func findDayMonth(s string) (time.Month, int, bool) {
	m := dayMonth().FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	d, mo := atoi(m[1]), atoi(m[2])
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return 0, 0, false
	}
	return time.Month(mo), d, true
}

// nearestYear dates a day and month without a year: the year that puts it
// nearest to ref (a date the page gives in full), so "1. 11." next to
// "October 31, 2021" is 2021-11-01 and "31. 12." next to "2 January 2022"
// is 2021-12-31. It refuses days a year does not have (30 February).
func nearestYear(mo time.Month, d int, ref time.Time) (time.Time, bool) {
	var best time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t, ok := makeDate(strconv.Itoa(y), mo, strconv.Itoa(d), "", "", "", ref.Location())
		if ok && (best.IsZero() || absDur(t.Sub(ref)) < absDur(best.Sub(ref))) {
			best = t
		}
	}
	return best, !best.IsZero()
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func fixZone(z string) string {
	if len(z) == 5 {
		return z[:3] + ":" + z[3:]
	}
	return z
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

// makeDate builds a date from text parts; it refuses impossible ones.
func makeDate(year string, month time.Month, day, hour, minute, ampm string, loc *time.Location) (time.Time, bool) {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	h, _ := strconv.Atoi(hour)
	mi, _ := strconv.Atoi(minute)
	if month == 0 || d < 1 || d > 31 || y < 1900 || y > 2200 || h > 23 || mi > 59 {
		return time.Time{}, false
	}
	ap := strings.ToLower(strings.ReplaceAll(ampm, ".", ""))
	if ap == "pm" && h < 12 {
		h += 12
	} else if ap == "am" && h == 12 {
		h = 0
	}
	t := time.Date(y, month, d, h, mi, 0, 0, loc)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// writesDayFirst reports whether a page writes numeric dates day first:
// pages in any language but English do, and English ones of a country
// that does (the region of the tag, else the country of the host). English
// pages of the United States, and of hosts that name no country, write the
// month first.
func writesDayFirst(lang, src string) bool {
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if base := baseLang(tag); base != "" && base != "en" {
		return true
	}
	region := ""
	if i := strings.IndexByte(tag, '-'); i > 0 {
		region = tag[i+1:]
	}
	if region == "" {
		region = hostCountry(src)
	}
	switch region {
	case "", "us", "ca", "ph":
		return false
	}
	return true
}

// hostCountry is the country code that ends a page's host ("bbc.co.uk":
// "uk"), else "": the codes sites take for their letters (.io, .co, .tv,
// .me, .ai, .fm) name no country.
func hostCountry(src string) string {
	h := hostName(src)
	i := strings.LastIndexByte(h, '.')
	if i < 0 || len(h)-i-1 != 2 {
		return ""
	}
	switch cc := h[i+1:]; cc {
	case "io", "co", "tv", "me", "ai", "fm", "ly", "gg", "to", "cc", "ws":
		return ""
	default:
		return cc
	}
}
