package ingest

import (
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
