package ingest

import (
	"strings"
	"time"
)

// zoneRule is a zone name as pages write it after a time: its standard
// offset from UTC in minutes and whether it follows summer time. Names
// that stand for a region ("ET", "PT") follow it; names that say which
// half of the year they mean ("EST", "EDT", "MESZ") do not.
type zoneRule struct {
	std int  // minutes east of UTC
	dst bool // follows the United States' summer time
}

// zoneNames are the abbreviations news pages use. Ambiguous ones (IST is
// India, Ireland and Israel; CST is also China) are read as the sense
// most English and German news sites mean, or left out.
var zoneNames = map[string]zoneRule{
	"UTC": {0, false}, "GMT": {0, false}, "Z": {0, false}, "UT": {0, false},
	"ET": {-300, true}, "EST": {-300, false}, "EDT": {-240, false},
	"CT": {-360, true}, "CST": {-360, false}, "CDT": {-300, false},
	"MT": {-420, true}, "MST": {-420, false}, "MDT": {-360, false},
	"PT": {-480, true}, "PST": {-480, false}, "PDT": {-420, false},
	"AKST": {-540, false}, "AKDT": {-480, false}, "HST": {-600, false},
	"WET": {0, false}, "WEST": {60, false}, "WEZ": {0, false}, "WESZ": {60, false}, "BST": {60, false},
	"CET": {60, false}, "CEST": {120, false}, "MEZ": {60, false}, "MESZ": {120, false},
	"EET": {120, false}, "EEST": {180, false}, "OEZ": {120, false}, "OESZ": {180, false},
	"MSK": {180, false}, "JST": {540, false}, "KST": {540, false}, "HKT": {480, false}, "SGT": {480, false},
	"AEST": {600, false}, "AEDT": {660, false}, "NZST": {720, false}, "NZDT": {780, false},
}

// zoneAfter reads a zone written right after a time: an abbreviation
// ("ET", "(CET)"), one with an offset ("GMT+2", "UTC-05:00") or a bare
// offset ("+0200"). It returns the offset in minutes that applies on the
// given local day.
func zoneAfter(s string, day time.Time) (int, bool) {
	s = strings.TrimLeft(s, " (")
	if rest, ok := strings.CutPrefix(s, "Uhr "); ok { // "18:40 Uhr MESZ"
		s = strings.TrimLeft(rest, " (")
	}
	n := 0
	for n < len(s) && n < 5 && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	if n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		return 0, false // a word, not an abbreviation
	}
	off := 0
	if n > 0 {
		r, ok := zoneNames[s[:n]]
		if !ok {
			return 0, false
		}
		off = r.std
		if r.dst && usSummer(day) {
			off += 60
		}
		if r.std != 0 || r.dst {
			return off, true
		}
	}
	// UTC and GMT may carry an offset; so may the time itself.
	if m, ok := offsetAt(s[n:]); ok {
		return m, true
	}
	return off, n > 0
}

// offsetAt reads "+2", "-05", "+05:30", "+0530" at the start of s.
func offsetAt(s string) (int, bool) {
	if s == "" || s[0] != '+' && s[0] != '-' && !strings.HasPrefix(s, "−") {
		return 0, false
	}
	sign := 1
	if s[0] == '-' || strings.HasPrefix(s, "−") {
		sign = -1
	}
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-"), "−")
	digits := func(s string) int {
		i := 0
		for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	d := digits(s)
	var h, m int
	switch {
	case d == 1 || d == 2:
		h = atoi(s[:d])
		if rest := s[d:]; len(rest) >= 3 && rest[0] == ':' && digits(rest[1:]) == 2 {
			m = atoi(rest[1:3])
		}
	case d == 4:
		h, m = atoi(s[:2]), atoi(s[2:4])
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*60 + m), true
}

// usSummer reports whether summer time is in force in the United States
// on day (a local date): from the second Sunday of March to the first
// Sunday of November, the rule since 2007. The hour of the switch is
// ignored; a story is rarely stamped in that hour.
func usSummer(day time.Time) bool {
	y := day.Year()
	d := time.Date(y, day.Month(), day.Day(), 12, 0, 0, 0, time.UTC)
	return !d.Before(nthSunday(y, time.March, 2)) && d.Before(nthSunday(y, time.November, 1))
}

func nthSunday(y int, m time.Month, n int) time.Time {
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	t = t.AddDate(0, 0, (7-int(t.Weekday()))%7)
	return t.AddDate(0, 0, 7*(n-1))
}

// inZone moves a wall-clock time read in some location to the zone with
// the given offset, keeping the wall clock.
func inZone(t time.Time, minutes int) time.Time {
	z := time.UTC
	if minutes != 0 {
		z = time.FixedZone(zoneLabel(minutes), minutes*60)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, z)
}

func zoneLabel(minutes int) string {
	sign := "+"
	if minutes < 0 {
		sign, minutes = "-", -minutes
	}
	return sign + twoDigits(minutes/60) + ":" + twoDigits(minutes%60)
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10%10), byte('0' + n%10)}) }
