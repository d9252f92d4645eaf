package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestFindDateFormats(t *testing.T) {
	for in, want := range map[string]string{
		"Updated 10:32 AM EST, Tue March 3, 2021": "2021-03-03 10:32",
		"3 March 2021":                                 "2021-03-03 00:00",
		"2021-03-03":                                   "2021-03-03 00:00",
		"Publié le 12 février 2019 à 08:05":            "2019-02-12 08:05",
		"quinta-feira, 7 de março de 2019 às 9h40":     "2019-03-07 09:40",
		"14.ago.2020 às 17h05":                         "2020-08-14 17:05",
		"Stand: 1. März 2021":                          "2021-03-01 00:00",
		"5 de diciembre de 2018":                       "2018-12-05 00:00",
		"Posted 4/7/19 3:15PM":                         "2019-04-07 15:15",
		"The 12 members met in May for the first time": "",
		"Jan 04 09:34 2021":                            "2021-01-04 00:00",
		"Veröffentlicht am Juli 9, 2016":               "2016-07-09 00:00",
		"diciembre 3, 2020 a las 10:15":                "2020-12-03 10:15",
	} {
		d, ok := findDate(in, time.UTC)
		got := ""
		if ok {
			got = d.Format(DateLayout)
		}
		if got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPickTitle(t *testing.T) {
	raw := `Home News Sport Weather

Subscribe to our newsletter

City council news

Lena Moreau

Tram line to the airport approved after long delay

By Lena Moreau

12 May 2023

The city council approved on Thursday a tram line linking the airport to the central station, ending a delay of more than six years.

Work on the tram line should begin next spring, the council said, and the first trams are expected to run before the end of the decade.

Related stories

Airport parking fees rise again
`
	a := CleanText(raw, time.UTC)
	if a.Title != "Tram line to the airport approved after long delay" {
		t.Errorf("title %q", a.Title)
	}
	if a.Date.Format("2006-01-02") != "2023-05-12" {
		t.Errorf("date %v", a.Date)
	}
}

func TestDayMonthWithoutYear(t *testing.T) {
	for in, want := range map[string]string{
		"1. 11.  Martina":        "2021-11-01",
		"Aktualizováno 31.10. ":  "2021-10-31",
		"15. 1.":                 "2022-01-15", // nearer to the reference in the next year
		"Version 1.2.3":          "",
		"Chapter 3. 14 ways out": "",
		"31. 2.":                 "",
	} {
		got := ""
		if mo, d, ok := findDayMonth(in); ok {
			ref := time.Date(2021, 10, 30, 12, 0, 0, 0, time.UTC)
			if t, ok := nearestYear(mo, d, ref); ok {
				got = t.Format("2006-01-02")
			}
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// A yearless day in the header dates the article when no full date is
// there; the year comes from the page's latest full date.
func TestHeaderDayMonth(t *testing.T) {
	raw := `Zprávy Sport Kultura

Ministr oznámil nový plán pro opravy mostů v celé zemi

3. 11.  Hubert

Ministr dopravy ve středu představil plán, podle kterého se v příštích pěti letech opraví přes dvě stě mostů na silnicích první třídy. Peníze mají přijít z evropských fondů i ze státního rozpočtu, uvedl.

Podle ministra jsou nejhorší mosty na Vysočině a v Moravskoslezském kraji, kde je v havarijním stavu každý desátý. Opravy začnou na jaře a potrvají do roku 2026, dodal.

Starší zprávy: 28. října 2021, October 30, 2021
`
	a := CleanText(raw, time.UTC)
	if got := a.Date.Format("2006-01-02"); got != "2021-11-03" {
		t.Errorf("date %s, want 2021-11-03 (title %q)", got, a.Title)
	}
}

// TestFindDateZones: a time written with a zone keeps its instant, a date
// without a time keeps its day, Central European numeric dates are read.
func TestFindDateZones(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"March 4, 2019: 9:05 AM ET", "2019-03-04T09:05:00-05:00"},
		{"July 4, 2019, 9:05 PM ET", "2019-07-04T21:05:00-04:00"},
		{"Posted 2 Feb 2021 14:30 GMT+2", "2021-02-02T14:30:00+02:00"},
		{"Updated 8:15 am PT, 3 Aug 2022", "2022-08-03T08:15:00-07:00"},
		{"12. Mai 2020, 18:40 Uhr MESZ", "2020-05-12T18:40:00+02:00"},
		{"12. Mai 2020 um 18:40 MEZ", "2020-05-12T18:40:00+01:00"},
		{"6 janvier 2021 à 10h15 (CET)", "2021-01-06T10:15:00+01:00"},
		{"Stand: 24.01.2022, 10:15 Uhr", "2022-01-24T10:15:00Z"},
		{"Veröffentlicht am 3.2.2021", "2021-02-03T00:00:00Z"},
		{"2021/11/05 08:00 UTC", "2021-11-05T08:00:00Z"},
		{"2021-11-05T08:00:00+05:30", "2021-11-05T08:00:00+05:30"},
		{"vor 2 Stunden", ""},
		{"5 years ago", ""},
		{"The 10:15 AM The train", ""},
	} {
		got := ""
		if d, ok := findDate(c.in, time.UTC); ok {
			got = d.Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("findDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEntryDateKeepsOffset: an entry keeps the offset the page printed
// (so its day and hour), and falls back to the site's zone otherwise.
func TestEntryDateKeepsOffset(t *testing.T) {
	berlin := time.FixedZone("+01:00", 3600)
	for _, c := range []struct {
		t    time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2022, 5, 3, 22, 0, 0, 0, time.FixedZone("", -5*3600)), time.UTC, "2022-05-03T22:00:00-05:00"},
		{time.Date(2022, 5, 3, 22, 0, 0, 0, time.UTC), berlin, "2022-05-03 23:00"},
		{time.Date(2022, 5, 3, 22, 0, 0, 0, berlin), berlin, "2022-05-03 22:00"},
		{time.Date(2022, 5, 3, 0, 0, 0, 0, time.UTC), time.UTC, "2022-05-03 00:00"},
	} {
		if got := entryDate(c.t, c.loc); got != c.want {
			t.Errorf("entryDate(%v, %v) = %q, want %q", c.t, c.loc, got, c.want)
		}
	}
}

// TestDayFirst: a numeric date whose two first numbers could each be the
// month is read as the page writes dates, by its language or its host.
func TestDayFirst(t *testing.T) {
	for _, c := range []struct {
		lang, src string
		want      bool
	}{
		{"es", "https://diario.example.com/nota", true},
		{"de-AT", "", true},
		{"pt_BR", "", true},
		{"en-GB", "https://news.example.com/", true},
		{"en", "https://www.example.co.uk/story", true},
		{"en", "https://example.com/story", false},
		{"en-US", "https://example.co.uk/story", false},
		{"", "https://zeitung.example.de/a", true},
		{"", "https://startup.example.io/post", false},
		{"", "", false},
	} {
		if got := writesDayFirst(c.lang, c.src); got != c.want {
			t.Errorf("writesDayFirst(%q, %q) = %v, want %v", c.lang, c.src, got, c.want)
		}
	}
	for _, c := range []struct {
		text     string
		dayFirst bool
		want     string
	}{
		{"Publicado 05/03/2022 10:15", true, "2022-03-05"},
		{"Posted 05/03/2022 10:15", false, "2022-05-03"},
		{"Publicado 25/03/2022", true, "2022-03-25"},
		{"Posted 03/25/2022", true, "2022-03-25"}, // no month 25: the month first after all
		{"Posted 25/03/2022", false, "2022-03-25"},
		{"Publicado 05/03/22", true, "2022-03-05"},
	} {
		d, _, _, ok := readDateSpan(c.text, time.UTC, c.dayFirst)
		if got := d.Format("2006-01-02"); !ok || got != c.want {
			t.Errorf("readDateSpan(%q, dayFirst %v) = %s, want %s", c.text, c.dayFirst, got, c.want)
		}
	}
}

// TestDayFirstPage: a Spanish page's dateline is read day first, the same
// page in American English month first.
func TestDayFirstPage(t *testing.T) {
	page := func(lang string) []byte {
		return []byte(`<html lang="` + lang + `"><head><title>El puerto amplía su muelle norte</title></head><body>` +
			`<h1>El puerto amplía su muelle norte</h1><p class="fecha">05/03/2022 09:30</p>` +
			`<p>` + strings.Repeat("La obra del muelle norte empieza en primavera y dura dos años. ", 6) + `</p></body></html>`)
	}
	for lang, want := range map[string]string{"es": "2022-03-05", "en-US": "2022-05-03"} {
		a, err := ExtractHTML(page(lang), "", time.UTC, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Date.Format("2006-01-02"); got != want {
			t.Errorf("lang %s: date %s, want %s", lang, got, want)
		}
	}
}

// TestDayFirstText: a text dump has no address or tag; its language tells
// how it writes numeric dates.
func TestDayFirstText(t *testing.T) {
	for text, want := range map[string]string{
		"El puerto amplía su muelle norte\n\n05/03/2022\n\n" + strings.Repeat("La obra del muelle norte empieza en primavera y dura dos años, según el puerto. ", 4):  "2022-03-05",
		"Harbour widens its north pier\n\n05/03/2022\n\n" + strings.Repeat("The work on the north pier starts in the spring and takes two years, the port says. ", 4): "2022-05-03",
	} {
		a := CleanText(text, time.UTC)
		if got := a.Date.Format("2006-01-02"); got != want {
			t.Errorf("%.30q: date %s, want %s", text, got, want)
		}
	}
}

// A day written with a two-digit year ("12.04.22") dates a text dump as it
// dates a page's visible text: under the headline, before a top bar's date
// farther up, and anywhere on a page that has no other date.
func TestShortDotDateInText(t *testing.T) {
	for _, c := range []struct {
		name string
		raw  string
		want string
	}{
		{"header", dump("Monday, 3 April 2023", "Home", "News", "Ferry crossing reopens after two winters",
			"Nora Field 12.04.22", proseA, proseB, proseC, "- Home", "- Contact"), "2022-04-12"},
		{"anywhere", dump("Home", "News", "Ferry crossing reopens after two winters",
			proseA, proseB, proseC, "28.01.22 / 0 comments", "- Home", "- Contact"), "2022-01-28"},
	} {
		a := CleanText(c.raw, time.UTC)
		if got := a.Date.Format("2006-01-02"); got != c.want {
			t.Errorf("%s: date %s, want %s", c.name, got, c.want)
		}
	}
}

// Under the headline the nearest date wins, unless a label calls it the
// last change: then the day of publication above it does. "Stand:" is no
// such label.
func TestHeaderUpdatedYields(t *testing.T) {
	for _, c := range []struct{ stamp, want string }{
		{"Updated: 5 March 2021", "2021-03-03"},
		{"Aktualisiert am 5. März 2021", "2021-03-03"},
	} {
		raw := dump("Home", "News", "Ferry crossing reopens after two winters",
			"By Nora Field", "3 March 2021", c.stamp, proseA, proseB, proseC, "- Home", "- Contact")
		a := CleanText(raw, time.UTC)
		if got := a.Date.Format("2006-01-02"); got != c.want {
			t.Errorf("%s: date %s, want %s", c.stamp, got, c.want)
		}
	}
}
