package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"
)

// CorrectionNote is one item of corrections: in the front matter, as written.
type CorrectionNote struct {
	Date string `yaml:"date"`
	Text string `yaml:"text"`
}

// Correction is a checked correction: what was wrong and when it was put right.
type Correction struct {
	Date time.Time // in the site's timezone
	Text string
}

// checkHistory checks corrections and expires and sets their typed values
// on e. An item's error names the line of that item, so that an editor finds
// it among several.
func checkHistory(e *Entry, head []byte, headLine int, cfg *Config, bad func(key, msg, hint string), errs *[]*Error) {
	fm := &e.FrontMatter
	for i, c := range fm.Corrections {
		line := itemLine(head, headLine, "corrections", i)
		fail := func(msg, hint string) {
			*errs = append(*errs, &Error{File: e.File, Line: line, Msg: fmt.Sprintf("correction %d: %s", i+1, msg), Hint: hint})
		}
		text := strings.TrimSpace(c.Text)
		switch {
		case text == "":
			fail("text is missing", "say what was corrected: - {date: 2026-11-19, text: \"An earlier version gave the wrong year.\"}")
		case !printable([]byte(strings.ReplaceAll(text, "\n", " "))):
			fail("text holds a control character or invalid UTF-8", "retype the text")
		}
		if strings.TrimSpace(c.Date) == "" {
			fail("date is missing", "add the date of the correction: date: 2026-11-19 10:30")
			continue
		}
		t, err := ParseDate(c.Date, cfg.Location)
		switch {
		case err != nil:
			fail("date "+err.Error(), "write 2006-01-02, 2006-01-02 15:04 or RFC 3339")
		case yearProblem(t):
			fail("date "+c.Date+yearRange, "check the year")
		case !e.Date.IsZero() && t.Before(e.Date):
			fail("date "+c.Date+" is before the entry's date "+fm.Date, "a correction comes after publication: check the date")
		default:
			e.Corrections = append(e.Corrections, Correction{Date: t, Text: text})
		}
	}
	// Newest first, as the article shows them; the same date keeps the written order.
	sort.SliceStable(e.Corrections, func(i, j int) bool { return e.Corrections[i].Date.After(e.Corrections[j].Date) })
	if fm.Expires == "" {
		return
	}
	t, err := ParseDate(fm.Expires, cfg.Location)
	switch {
	case err != nil:
		bad("expires", "expires "+err.Error(), "write 2006-01-02, 2006-01-02 15:04 or RFC 3339, or remove expires")
	case yearProblem(t):
		bad("expires", "expires "+fm.Expires+yearRange, "check the year")
	case !e.Date.IsZero() && !t.After(e.Date):
		bad("expires", "expires "+fm.Expires+" is not after the entry's date "+fm.Date, "an entry expires after it is published: check the date")
	default:
		e.Expires = t
	}
}

// itemLine is the file line of item i of the top-level list key, in YAML
// starting after line offset: the i-th line under the key that starts a
// block item ("- "), else the key's own line (a list in flow style).
func itemLine(data []byte, offset int, key string, i int) int {
	line := keyLine(data, offset, key)
	lines := bytes.Split(data, []byte("\n"))
	n := 0
	for k := line - offset; k < len(lines); k++ {
		l := lines[k]
		if len(l) > 0 && l[0] != ' ' && l[0] != '-' && l[0] != '#' {
			break // the next top-level key
		}
		if t := bytes.TrimLeft(l, " "); bytes.HasPrefix(t, []byte("- ")) || bytes.Equal(t, []byte("-")) {
			if n == i {
				return offset + k + 1
			}
			n++
		}
	}
	return line
}
