package ingest

import (
	"slices"
	"strings"
	"testing"
)

// TestShownByline: the byline a page prints by its headline when it
// declares no author, and how names are cut from a byline.
func TestShownByline(t *testing.T) {
	cases := []struct{ name, page, authors string }{
		{"a byline line under the headline",
			`<body><h1>Neue Brücke über den Kanal eröffnet</h1><p><span>Von</span> <a href="/a/jr">Jana Roth</a> · 14. März 2022</p>
			<p>Die Stadt hat am Montag die neue Brücke freigegeben.</p></body>`, "Jana Roth"},
		{"a byline line above the headline",
			`<body><div>Par Hélène Vidal</div><h1>Le marché couvert rouvre ses portes</h1><p>Après deux ans de travaux, le marché accueille de nouveau les clients.</p></body>`, "Hélène Vidal"},
		{"a sentence opened by 'By' is none",
			`<body><h1>Harbour fees rise</h1><p>By the end of the year the port will charge more for every berth.</p></body>`, ""},
		{"a byline far below the headline is none",
			`<body><h1>Harbour fees rise</h1><p>` + strings.Repeat("The port will charge more for every berth. ", 12) + `</p><p>By Ada Quill</p></body>`, ""},
		{"'By' set apart from the name in an element of its own",
			`<body><h1>Harbour fees rise</h1><p><span>By</span><a href="/a/aq">Ada Quill</a></p><p>The port will charge more.</p></body>`, "Ada Quill"},
		{"a byline after a rule",
			`<body><h1>Harbour fees rise</h1><p>--- by Ada Quill</p><p>The port will charge more.</p></body>`, "Ada Quill"},
		{"a German 'an article by'",
			`<body><h1>Neue Brücke eröffnet</h1><p>Ein Artikel von Jana Roth | 14.03.2022 - 09:30</p><p>Die Stadt hat die Brücke freigegeben.</p></body>`, "Jana Roth"},
		{"a declared author wins",
			`<head><meta name="author" content="Mira Holt"></head><body><h1>Harbour fees rise</h1><p>By Ada Quill</p></body>`, "Mira Holt"},
	}
	for _, c := range cases {
		a := metaOf(t, c.page, "")
		if got := strings.Join(a.Authors, "; "); got != c.authors {
			t.Errorf("%s: authors %q, want %q", c.name, got, c.authors)
		}
	}
}

func TestBylineNameCuts(t *testing.T) {
	for in, want := range map[string]string{
		"Par Loïc Le Clerc le 12 mars 2019":             "Loïc Le Clerc",
		"Von Anna Am Ende am 3. Mai 2020":               "Anna Am Ende",
		"By Perry Bacon Jr.":                            "Perry Bacon Jr.",
		"By Nicolas Gutierrez C.":                       "Nicolas Gutierrez C.",
		"By Jane Doe on March 3":                        "Jane Doe",
		"Von Jana Roth und Timo Berg, 4. Mai 2021":      "Jana Roth; Timo Berg",
		"Text von Jana Roth Illustration von Timo Berg": "Jana Roth",
		"By Ada Quill Photos by Li Wu":                  "Ada Quill",
		"Escrito por Ana Ruiz":                          "Ana Ruiz",
	} {
		if got := strings.Join(bylineNames(in), "; "); got != want {
			t.Errorf("bylineNames(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string][]string{
		"Jane Doe.":          {"Jane Doe"}, // a full stop after a name goes
		"Perry Bacon Jr.":    {"Perry Bacon Jr."},
		"Ana Ruiz, Li Wu C.": {"Ana Ruiz", "Li Wu C."},
	} {
		if got := splitNames(in); !slices.Equal(got, want) {
			t.Errorf("splitNames(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeadingByline: a byline the page sets as a small heading, found in
// the body, fills the authors and leaves the body.
func TestHeadingByline(t *testing.T) {
	a := Article{Paras: []string{"##### *Von Jana Roth*", proseA, proseB}}
	finishNews(&a)
	if got := strings.Join(a.Authors, "; "); got != "Jana Roth" || len(a.Paras) != 2 {
		t.Errorf("authors %q, paras %q", got, a.Paras)
	}
}
