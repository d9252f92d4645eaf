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
