package ingest

import "testing"

// TestHeadlineParts: the page's heading against the title it declares,
// each case failing when its rule is off.
func TestHeadlineParts(t *testing.T) {
	cases := []struct{ name, page, title string }{
		{"a one-word hyphenated heading that opens the title",
			`<title>Seeforellen-Saison | fischblatt.example | Das Magazin vom See</title><h1>Seeforellen-Saison</h1>`, "Seeforellen-Saison"},
		{"a heading after a kicker and a colon",
			`<meta property="og:title" content="Stadtrat: Neue Buslinie fährt ab Mai bis zum Hafen"><h1>Neue Buslinie fährt ab Mai bis zum Hafen</h1>`,
			"Neue Buslinie fährt ab Mai bis zum Hafen"},
		{"a site name before a colon is no headline",
			`<title>Nordhang Blog am See: Winterreifen richtig lagern und pflegen lassen</title><h1>Nordhang Blog am See</h1>`,
			"Nordhang Blog am See: Winterreifen richtig lagern und pflegen lassen"},
		{"a site name in brackets",
			`<meta property="og:title" content="Kein Geld mehr für die Miete (stadtblatt)"><h1>Kein Geld mehr für die Miete</h1>`, "Kein Geld mehr für die Miete"},
		{"a blog name after an angle quote",
			`<meta property="og:title" content="Laufen im Regen: ein Jahr danach › Nordlicht Blog"><h1>Laufen im Regen: ein Jahr danach</h1>`, "Laufen im Regen: ein Jahr danach"},
		{"a heading between a colon and a dash",
			`<meta property="og:title" content="Mara Lind: Das leise Dorf - kulturheft online"><h1>Das leise Dorf</h1>`, "Das leise Dorf"},
		{"a kicker set in the heading",
			`<meta property="og:title" content="Daten der Werft gestohlen - Leck im Hafenamt"><h1><span>Leck im Hafenamt</span> <span>Daten der Werft gestohlen</span></h1>`,
			"Daten der Werft gestohlen"},
		{"a kicker marked as such in the heading, with a colon for screen readers",
			`<meta property="og:title" content="Hafen: Neue Fähre nimmt den Betrieb auf | Nordblatt"><h1><span class="article__kicker">Hafen</span><span class="sr-only">: </span><span>Neue Fähre nimmt den Betrieb auf</span></h1>`,
			"Neue Fähre nimmt den Betrieb auf"},
		{"a heading opened by marks of decoration",
			`<title>Atelier Nord // » Lena Berg</title><h2>[&gt; Lena Berg</h2>`, "Lena Berg"},
		{"a date set over the heading as its topline",
			`<title>Amt - Meldungen - Pegelstände im Januar</title><h1><span class="topline">27.01.2024</span>Pegelstände im Januar</h1>`,
			"Pegelstände im Januar"},
		{"the heading with a part more than the declared title",
			`<meta property="og:title" content="Plot colours in R | Axes, Labels and Legend"><h1>Plot colours in R (4 Examples) | Axes, Labels and Legend</h1>`,
			"Plot colours in R (4 Examples) | Axes, Labels and Legend"},
		{"the heading as shown over the declared variant",
			`<meta property="og:title" content="Council has to answer questions about the budget"><h1>As the vote nears, the council has to answer about its budget</h1>`,
			"As the vote nears, the council has to answer about its budget"},
		{"a heading of other words is the site's",
			`<meta property="og:title" content="Tram line to the airport approved"><h1>Welcome to the Valley Courier</h1>`,
			"Tram line to the airport approved"},
		{"the shown heading less a web address",
			`<meta property="og:title" content="What we do not want to hear"><h1>What we would not want to hear | nordlicht.net</h1>`,
			"What we would not want to hear"},
		{"a post's heading under the blog's name",
			`<title>Nordhang Blog am See: Winterreifen richtig lagern und pflegen lassen</title><h1>Nordhang Blog am See</h1><h2>Winterreifen richtig lagern und pflegen lassen</h2>`,
			"Winterreifen richtig lagern und pflegen lassen"},
		{"a lesser heading that is the site's name",
			`<title>Ferry fares rise again in the spring | Harbour Weekly News</title><h2>Harbour Weekly News</h2>`,
			"Ferry fares rise again in the spring"},
	}
	for _, c := range cases {
		if got := metaOf(t, c.page, "").Title; got != c.title {
			t.Errorf("%s: title %q, want %q", c.name, got, c.title)
		}
	}
}

func TestKickedPart(t *testing.T) {
	for _, c := range []struct{ t, h, want string }{
		{"Daten der Werft gestohlen - Leck im Hafenamt", "Leck im Hafenamt Daten der Werft gestohlen", "Daten der Werft gestohlen"},
		{"Bürger fragen nach", "Rathaus Bürger fragen nach", "Bürger fragen nach"},
		// the heading holds the separator: its last part is its own
		{"Plot colours in R | Axes, Labels and Legend", "Plot colours in R (4 Examples) | Axes, Labels and Legend", ""},
	} {
		if got := kickedPart(c.t, c.h); got != c.want {
			t.Errorf("kickedPart(%q, %q) = %q, want %q", c.t, c.h, got, c.want)
		}
	}
}

// TestTrimMarks: a word of signs opening a heading is decoration; quotes,
// ¿¡ and signs inside a word are the headline's.
func TestTrimMarks(t *testing.T) {
	for in, want := range map[string]string{
		"[> Lena Berg":                   "Lena Berg",
		"// Neue Fähre im Hafen":         "Neue Fähre im Hafen",
		"„Wir bleiben“: Fähre fährt":     "„Wir bleiben“: Fähre fährt",
		"¿Qué pasa con el puerto?":       "¿Qué pasa con el puerto?",
		"#1 Ferry in the county":         "#1 Ferry in the county",
		"(Update) Ferry back in service": "(Update) Ferry back in service",
		"Ferry":                          "Ferry",
	} {
		if got := trimMarks(in); got != want {
			t.Errorf("trimMarks(%q) = %q, want %q", in, got, want)
		}
	}
}
