// Package locale holds the words and date formats of the theme in each
// language digest ships (en, fr, de, es, pt, it), and applies a site's own
// overrides (the strings: map of digest.yaml) on top.
//
// A table is a map from key to text. A text may hold placeholders: {1},
// {2}… for the arguments of Text, {n} for the number of Count. A counted
// text is "singular|plural" (the language's rule picks one). Dates are texts
// too: date_long, date_month and date_short are layouts made of {weekday},
// {day}, {month}, {mon} (short month), {year}, {hh}, {mm}; months,
// months_short and weekdays (from Sunday) are lists split by "|".
//
// Input: a language tag and overrides. Output: the strings every page,
// feed and title of the build shows. It reads no files.
package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Table is the strings of one site: a language's, with the site's overrides.
// It is read-only once made, and safe for concurrent use.
type Table struct {
	Lang                string // the language whose table was taken ("en" for one not shipped)
	Known               bool   // the configured language is one digest ships
	text                map[string]string
	months, monthsShort [12]string
	weekdays            [7]string
	long, month, short  layout
	few                 func(n int) bool // the singular form applies
}

// tables are the shipped languages.
var tables = map[string]map[string]string{"en": en, "fr": fr, "de": de, "es": es, "pt": pt, "it": it}

// Languages are the languages digest ships, sorted.
func Languages() []string {
	list := make([]string, 0, len(tables))
	for l := range tables {
		list = append(list, l)
	}
	slices.Sort(list)
	return list
}

// Base is the primary subtag of a language tag: "pt" of "pt-BR".
func Base(tag string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return strings.ToLower(base)
}

// IsKey reports whether key names a string of the tables.
func IsKey(key string) bool {
	_, ok := en[key]
	return ok
}

// Check reports what is wrong with value as the text of key, or "" when
// nothing is: an unknown key, or a list or counted text of the wrong shape.
func Check(key, value string) string {
	if !IsKey(key) {
		return "unknown string " + key
	}
	parts := strings.Count(value, "|") + 1
	switch want := strings.Count(en[key], "|") + 1; {
	case want > 2 && parts != want:
		return fmt.Sprintf("%s needs %d names separated by |, not %d", key, want, parts)
	case want == 2 && parts != 2:
		return key + " needs a singular and a plural separated by |"
	case want == 1 && parts != 1:
		return key + " takes one text, without |"
	}
	return ""
}

// New is the table of language tag with the overrides (checked by Check).
func New(tag string, overrides map[string]string) *Table {
	lang := Base(tag)
	base, known := tables[lang]
	if !known {
		lang, base = "en", en
	}
	t := &Table{Lang: lang, Known: known, text: make(map[string]string, len(en))}
	for k, v := range en {
		t.text[k] = v // a shipped table lacks nothing, but a text added later falls back to English
	}
	for k, v := range base {
		t.text[k] = v
	}
	for k, v := range overrides {
		if Check(k, v) == "" {
			t.text[k] = v
		}
	}
	copy(t.months[:], strings.Split(t.text["months"], "|"))
	copy(t.monthsShort[:], strings.Split(t.text["months_short"], "|"))
	copy(t.weekdays[:], strings.Split(t.text["weekdays"], "|"))
	t.long, t.month, t.short = parseLayout(t.text["date_long"]), parseLayout(t.text["date_month"]), parseLayout(t.text["date_short"])
	t.few = func(n int) bool { return n == 1 }
	if lang == "fr" {
		t.few = func(n int) bool { return n == 0 || n == 1 } // French counts zero in the singular
	}
	return t
}

// English is the table of the default language, without overrides.
var English = New("en", nil)

// or is t, or the English table for a nil t (a model made without
// New, as tests make them).
func (t *Table) or() *Table {
	if t == nil {
		return English
	}
	return t
}

// Text is the text of key with {1}, {2}… replaced by args.
func (t *Table) Text(key string, args ...string) string {
	t = t.or()
	s, ok := t.text[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", a)
	}
	return s
}

// Count is the singular or plural text of key, {n} replaced by n and {1},
// {2}… by args.
func (t *Table) Count(key string, n int, args ...string) string {
	t = t.or()
	one, many, _ := strings.Cut(t.Text(key, args...), "|")
	s := many
	if t.few(n) {
		s = one
	}
	return strings.ReplaceAll(s, "{n}", strconv.Itoa(n))
}

// Join lists names as the language does: "A", "A and B", "A, B and C".
func (t *Table) Join(names []string) string {
	t = t.or()
	switch n := len(names); n {
	case 0:
		return ""
	case 1:
		return names[0]
	default:
		return strings.Join(names[:n-1], ", ") + " " + t.text["and"] + " " + names[n-1]
	}
}

// LongDate is a day written out: "Wednesday 18 November 2026".
func (t *Table) LongDate(d time.Time) string { t = t.or(); return t.format(t.long, d) }

// MonthYear is a month of a year: "November 2026".
func (t *Table) MonthYear(d time.Time) string { t = t.or(); return t.format(t.month, d) }

// ShortDate is a day in few letters: "18 Nov 2026".
func (t *Table) ShortDate(d time.Time) string { t = t.or(); return t.format(t.short, d) }

// MonthName is the month's name alone.
func (t *Table) MonthName(d time.Time) string { return t.or().months[d.Month()-1] }

// Clock is the time of day, 24-hour, with the zone it is read in: "07:30
// GMT". A reader in another zone cannot tell the hour without it.
func (t *Table) Clock(d time.Time) string { return d.Format("15:04 MST") }

// layout is a date layout cut into literal text and fields.
type layout []part

type part struct {
	lit   string
	field string // "" for literal text
}

func parseLayout(s string) layout {
	var l layout
	for s != "" {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			l = append(l, part{lit: s})
			break
		}
		if i > 0 {
			l = append(l, part{lit: s[:i]})
		}
		l = append(l, part{field: s[i+1 : i+j]})
		s = s[i+j+1:]
	}
	return l
}

func (t *Table) format(l layout, d time.Time) string {
	var b strings.Builder
	for _, p := range l {
		switch p.field {
		case "":
			b.WriteString(p.lit)
		case "weekday":
			b.WriteString(t.weekdays[d.Weekday()])
		case "day":
			if first := t.text["day_first"]; d.Day() == 1 && first != "" {
				b.WriteString(first)
			} else {
				b.WriteString(strconv.Itoa(d.Day()))
			}
		case "month":
			b.WriteString(t.months[d.Month()-1])
		case "mon":
			b.WriteString(t.monthsShort[d.Month()-1])
		case "year":
			b.WriteString(strconv.Itoa(d.Year()))
		case "hh":
			b.WriteString(d.Format("15"))
		case "mm":
			b.WriteString(d.Format("04"))
		default:
			b.WriteString("{" + p.field + "}")
		}
	}
	return b.String()
}

// Capital is s with its first letter in upper case, for a date that begins
// a heading in a language that writes day and month names in lower case.
func Capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(s[:i+utf8.RuneLen(r)]) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// Keys are the keys of the tables, sorted.
func Keys() []string {
	list := make([]string, 0, len(en))
	for k := range en {
		list = append(list, k)
	}
	slices.Sort(list)
	return list
}
