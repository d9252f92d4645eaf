package ingest

import (
	"strings"
	"time"
	"unicode"
)

// The date a page prints in its dateline, under the headline, is the one it
// presents the story under; readers see it, and the declared dates (CMS
// fields, JSON-LD) are often the date of a first draft, of a copy on another
// desk, or kept in UTC. pickDate weighs the two: the declared date when the
// dateline prints the same day (read in the page's own zone when the printed
// time gives it away), the printed date when the two disagree.

// How long a line of visible text may be, in bytes and in words, and still
// be a dateline or a byline bar; in a longer one a date is part of a sentence ("Am
// 21. Mai beginnt ..."), unless the line opens or closes with it.
const (
	datelineMax   = 200
	datelineWords = 16
	datelineOpen  = 40
)

// printedDate is a date shown by the headline, and whether a label calls it
// the last change ("Updated", "Aktualisiert am"). "Stand:" is none here:
// German pages print it as the one time stamp of a story.
type printedDate struct {
	t      time.Time
	change bool
}

// datelineDates are the dates printed in the short lines right after the
// headline, then those right before it, nearest first.
func (v *visText) datelineDates(loc *time.Location) []printedDate {
	if v.start < 0 {
		return nil
	}
	text := v.b.String()
	after := v.linesDates(text, v.end, min(len(text), v.end+visAfter), loc)
	before := v.linesDates(text, max(0, v.start-visBefore), v.start, loc)
	for i, j := 0, len(before)-1; i < j; i, j = i+1, j-1 {
		before[i], before[j] = before[j], before[i]
	}
	return append(after, before...)
}

// linesDates are the dates written in text[from:to] in lines short enough
// to be a dateline, or that open or close with the date, or that open with
// a place and the date ("Wiesbaden, 11. November 2021 – The ...").
func (v *visText) linesDates(text string, from, to int, loc *time.Location) []printedDate {
	var out []printedDate
	for off := from; off < to && len(out) < 6; {
		t, at, end, ok := shownDateSpan(text[off:to], loc, v.dayFirst)
		if !ok {
			break
		}
		prev := off
		at, end = off+at, off+end
		off = end
		start := strings.LastIndexByte(text[:at], '\n') + 1
		stop := strings.IndexByte(text[at:], '\n')
		if stop < 0 {
			stop = len(text) - at
		}
		line := strings.TrimSpace(text[start : at+stop])
		lead := strings.TrimSpace(text[start:at])
		if pageClock(lead) || relativeAge(lead) || eventDate(text[max(start, prev, at-30):at]) {
			continue
		}
		tail := text[end:max(end, at+stop)]
		if len(line) <= datelineMax && len(strings.Fields(line)) <= datelineWords || len(lead) <= datelineOpen &&
			(strings.Count(lead, " ") < 4 || strings.HasSuffix(strings.TrimRight(lead, " ("), ",")) ||
			!strings.ContainsFunc(tail, unicode.IsLetter) {
			label := strings.ToLower(text[max(start, prev, at-40):at])
			out = append(out, printedDate{t, containsAny(label, changeLabels...) && !strings.Contains(label, "stand")})
		}
	}
	return out
}

// pickDate is the declared date when one of the printed ones agrees with
// it, in the zone the printed time implies; else the first printed date
// that is not labelled a change; else the declared one, else the first
// printed date: a change never hides the publication date a page declares.
func pickDate(declared time.Time, printed []printedDate) time.Time {
	if !declared.IsZero() {
		for _, p := range printed {
			if t, ok := agree(declared, p.t); ok {
				return t
			}
		}
	}
	for _, p := range printed {
		if !p.change {
			return p.t
		}
	}
	if declared.IsZero() && len(printed) > 0 {
		return printed[0].t
	}
	return declared
}

// agree reports whether a printed date p is the declared one d: the same
// day; the same instant on a clock set to some zone (a page that declares
// 00:44Z and prints 21:44 is three hours west); either of these with day
// and month read the other way round (03/05 printed, 3 May declared).
func agree(d, p time.Time) (time.Time, bool) {
	if t, ok := agreeAsRead(d, p); ok {
		return t, true
	}
	if p.Day() > 12 || int(p.Month()) == p.Day() {
		return time.Time{}, false
	}
	swapped := time.Date(p.Year(), time.Month(p.Day()), int(p.Month()), p.Hour(), p.Minute(), 0, 0, p.Location())
	return agreeAsRead(d, swapped)
}

func agreeAsRead(d, p time.Time) (time.Time, bool) {
	if sameDay(d, p) {
		return d, true
	}
	if p.Hour() == 0 && p.Minute() == 0 {
		return time.Time{}, false
	}
	wall := time.Date(p.Year(), p.Month(), p.Day(), p.Hour(), p.Minute(), 0, 0, time.UTC)
	off := wall.Sub(d.UTC().Truncate(time.Minute))
	if off%(15*time.Minute) != 0 || off.Abs() > 14*time.Hour {
		return time.Time{}, false
	}
	return d.In(time.FixedZone(zoneLabel(int(off/time.Minute)), int(off/time.Second))), true
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// bylineAt is a byline that goes on to the date: "von Jana Roth am",
// "Submitted by jdoe on", "Author: Bo2man am", "Par Anne Marie, le".
var bylineAt = lazyRegexp(`(?i)(?:^|[\s(])(?:von|by|author:|autor:|par|por|di)\s+(?:\S+\s+){1,3}?(?:am|on|le|el|il|em|op|at|[|·,–-])\s*`)

// postedAt opens the German note of a post's date, whose verb comes after
// it: "Dieser Beitrag wurde am 19. Mai 2010 um 23:03 Uhr gepostet".
var postedAt = lazyRegexp(`(?i)\bwurde am\s+`)

// postedVerbs close that note.
var postedVerbs = [...]string{"gepostet", "veröffentlicht", "publiziert", "erstellt", "geschrieben", "verfasst", "abgelegt"}

// bylineDate is the first date written right after a byline, or in a
// note of the post's date.
func bylineDate(text string, loc *time.Location, dayFirst bool) (time.Time, bool) {
	for _, m := range bylineAt().FindAllStringIndex(text, 20) {
		if t, at, _, ok := readDateSpan(text[m[1]:min(len(text), m[1]+60)], loc, dayFirst); ok && at <= 2 {
			return t, true
		}
	}
	for _, m := range postedAt().FindAllStringIndex(text, 20) {
		rest := text[m[1]:min(len(text), m[1]+200)]
		t, at, end, ok := readDateSpan(rest, loc, dayFirst)
		if !ok || at > 2 {
			continue
		}
		sentence := rest[end:]
		if i := strings.IndexAny(sentence, ".\n"); i >= 0 {
			sentence = sentence[:i]
		}
		if containsAny(strings.ToLower(sentence), postedVerbs[:]...) {
			return t, true
		}
	}
	return time.Time{}, false
}

// eventLabels introduce the date of something the story is about, not of
// the story: an event, a deadline, a birth or a death.
var eventLabels = [...]string{"termin", "wann:", "when:", "veranstaltung", "beginn", "start:", "ende:", "bis zum",
	"until", "deadline", "frist", "einsendeschluss", "anmeldeschluss", "event:", "geboren", "born", "gestorben",
	"died", "date de l'événement", "fecha del evento", "data do evento", "data dell'evento", "†"}

// eventDate: the few words before a date hold one of eventLabels.
func eventDate(before string) bool {
	return containsAny(strings.ToLower(before), eventLabels[:]...)
}
