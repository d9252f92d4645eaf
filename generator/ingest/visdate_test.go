package ingest

import (
	"testing"
	"time"
)

// TestShownDates: the date a page prints, when it declares none, and the
// order of trust between what it declares and what it shows. Each case
// fails when its rule is off.
func TestShownDates(t *testing.T) {
	cases := []struct{ name, page, date string }{
		{"the date under the headline",
			`<body><nav>Start Archiv</nav><h1>Neue Brücke über den Kanal eröffnet</h1>
			<p>Von Jana Roth · 14. März 2022</p><p>Die Stadt hat am Montag die neue Brücke freigegeben.</p>
			<footer>Letzte Meldungen 02.01.2023</footer></body>`, "2022-03-14"},
		{"a relative age passed over for the date after it",
			`<body><h1>Ferry timetable changes</h1><p>vor 2 Stunden · Updated</p><p>Posted 3/12/2021 by the desk</p>
			<p>The winter timetable starts on Monday.</p></body>`, "2021-03-12"},
		{"a kicker above the headline with a two-digit year",
			`<title>Das Orchester spielt wieder im Park - Stadtblatt</title><body><div>Kultur, 7.10.21</div><h2>Das Orchester spielt wieder im Park</h2>
			<p>Nach zwei Jahren Pause kehren die Konzerte zurück und die Wiese ist wieder voll.</p></body>`, "2021-10-07"},
		{"the day with a dot before an abbreviated month",
			`<body><h1>Ein Jahr mit dem Lastenrad</h1><p>Timo Berg, 9. Feb. 2019</p><p>Ich fahre seit einem Jahr.</p></body>`, "2019-02-09"},
		{"a labelled date far from the headline",
			`<body><h1>Vom Schreiben im Zug</h1><p>` + filler(800) + `</p>
			<p>Zuletzt geändert: 03.02.2020</p><p>Erschienen am: 28.01.2020</p></body>`, "2020-01-28"},
		{"a date of the last change when there is no other",
			`<body><h1>Ortsplan</h1><p>` + filler(800) + `</p><p>Aktualisiert am 17.05.2018.</p></body>`, "2018-05-17"},
		{"a label inside a word is none",
			`<body><h1>Notes</h1><p>` + filler(800) + `</p><p>Mandate 12.04.2017</p></body>`, ""},
		{"the page's clock is no date",
			`<body><div class="datebar">Aktuelle Zeit: 14.10.2020, 12:18</div><h1>Forum rules</h1><p>` + filler(800) + `</p></body>`, ""},
		{"a date meta of no stated kind after the shown date",
			`<head><meta name="date" content="2019-11-02"></head><body><h1>Saatgut tauschen</h1>
			<div class="date">05.03.2020</div><p>Im Frühjahr tauschen Gärtner Samen.</p></body>`, "2020-03-05"},
		{"microdata over a date meta of no stated kind",
			`<head><meta name="dcterms.date" content="2019-11-02"></head><body><h1>Saatgut tauschen</h1>
			<time itemprop="datePublished" datetime="2020-03-06">6.3.2020</time><p>Im Frühjahr tauschen Gärtner Samen.</p></body>`, "2020-03-06"},
		{"a date meta of no stated kind before a modified date",
			`<head><meta name="date" content="2019-11-02"><meta property="article:modified_time" content="2020-01-09"></head>
			<body><h1>Saatgut tauschen</h1><p>Im Frühjahr tauschen Gärtner Samen.</p></body>`, "2019-11-02"},
	}
	for _, c := range cases {
		a := metaOf(t, c.page, "")
		got := ""
		if !a.Date.IsZero() {
			got = a.Date.Format("2006-01-02")
		}
		if got != c.date {
			t.Errorf("%s: date %q, want %q", c.name, got, c.date)
		}
	}
}

func filler(n int) string {
	s := ""
	for len(s) < n {
		s += "Der Text geht weiter, Satz um Satz, ohne ein Datum zu nennen. "
	}
	return s
}

func TestShortDotDate(t *testing.T) {
	for in, want := range map[string]string{
		"Kultur, 2.11.22 ":   "2022-11-02",
		"28.01.22 / 0":       "2022-01-28",
		"Version 1.2.3":      "",
		"Seite 31.02.21 ist": "",
		"10.15.15 By Jana":   "2015-10-15",
	} {
		got := ""
		if d, ok := shownDate(in, time.UTC, false); ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("shownDate(%q) = %q, want %q", in, got, want)
		}
	}
}
