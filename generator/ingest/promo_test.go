package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestPromoLine(t *testing.T) {
	for s, want := range map[string]bool{
		"Follow the Harbour Post on Instagram and Facebook.":                         true,
		"**Get the latest news straight to your phone with the Harbour Post app.**":  true,
		"¿Sabías que tenemos un canal de Telegram? Únete desde tu celular.":          true,
		"Folgen Sie uns auf WhatsApp, um keine Meldung zu verpassen.":                true,
		"Jana Roth covers the port for the paper. Follow her on Twitter @jroth.":     false, // an author's bio
		"Engineers follow the app's instructions when they calibrate the new crane.": false, // no call
		"Follow the river path for two miles and you reach the old ferry landing.":   false, // no channel
		"¡Mira lo que tiene nuestro canal de YouTube!":                               true,
	} {
		if got := promoLine(s); got != want {
			t.Errorf("promoLine(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestBoilerLine(t *testing.T) {
	for s, want := range map[string]bool{
		"Sie sind aktuell nicht eingeloggt.":                                  true,
		"Lade weitere Inhalte ...":                                            true,
		"zurück zur Übersicht":                                                true,
		"War der Artikel hilfreich? (12 Stimmen)":                             true,
		"Was this article helpful?":                                           true,
		"*Werbung. Dieser Beitrag enthält Werbung für eine Marke.":            true,
		"Advertising disclosure: we may earn a commission on links":           true,
		"Dieses Skript als PDF herunterladen":                                 true,
		"Drucken":                                                             true,
		"(Alle Angaben ohne Gewähr)":                                          true,
		"... weiter zu \"Der zweite Teil\"":                                   true,
		"Dieser Beitrag gibt die Meinung des Autors wieder.":                  true,
		"Bei den Verlinkungen handelt es sich um Affiliate Links":             true,
		"Mai 2021 M D M D F S S 1234567 891011121314":                         true,
		"*This article may contain affiliate links; see our policy.*":         true,
		"The guide says the trails contain affiliate trails of the old road.": false,
		"Zurück in Hamburg fand sie die Werft verlassen vor.":                 false,
		"Werbung ist für kleine Häfen eine wichtige Einnahme.":                false,
	} {
		if got := boilerLine(s); got != want {
			t.Errorf("boilerLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestBodyBoxesAndWalls: what closes a body or sits in it as a box, in
// the languages ingest reads. Each case fails when its rule is off.
func TestBodyBoxesAndWalls(t *testing.T) {
	cases := []struct {
		name, tail, gone, kept string
	}{
		{"a German comments heading ends the body", "Keine Kommentare (Kommentare erscheinen nach Freigabe)\n\nDanke für den Bericht, sehr spannend!",
			"Danke für den Bericht", ""},
		{"a Spanish call to comment ends the body", "Enviá tu comentario\n\nMuy buena nota, gracias por informar.", "Muy buena nota", ""},
		{"a box title set in bold, with its list", "**Zum Weiterlesen:**\n\n- Die alte Fähre und ihr letzter Kapitän\n- Der neue Kai wird im Herbst fertig\n\n" + proseC,
			"Die alte Fähre", "Residents who had driven"},
		{"a long call to follow the outlet", "**Follow the Harbour Post on Twitter and Instagram @harbourpost and on Facebook. Send us a message on WhatsApp or email us at the newsroom, where the desk on the night shift reads every single note that our readers send in.**",
			"Follow the Harbour Post", ""},
		{"a share prompt in German word order", "Den Artikel mit anderen teilen/diskutieren:\n\nSchöner Text, danke!", "Schöner Text", ""},
		{"a teaser cut off with a link to the rest", "Auskunft über das Wetter der letzten Jahre… [mehr •••](https://example.com/wetter)\n\n" + proseC,
			"Auskunft über", "Residents who had driven"},
		{"a contact box heading", "## Kontakt:\n\n- Hafenamt, Kaistraße 1\n- Telefon 0123 456\n\n" + proseC, "Hafenamt", "Residents who had driven"},
		{"a box label on its own", "Weiterführender Link\n\n" + proseC, "Weiterführender", "Residents who had driven"},
		{"a copyright line without its sign", "Hafenblatt 2023. Alle Rechte vorbehalten.\n\n" + proseC, "Alle Rechte", "Residents who had driven"},
		{"a byline with Von:", "**Von:** Jana Roth\n\n" + proseC, "Von:", "Residents who had driven"},
		{"a picture credit on its own goes to the image", "Foto: Jana Roth\n\n" + proseC, "Foto: Jana Roth", "Residents who had driven"},
		{"the author's bio closing the body", "Jana Roth studied history in Kiel before she joined the paper, where she covers the port.",
			"studied history", ""},
	}
	for _, c := range cases {
		a := Article{Authors: []string{"Jana Roth"}, Paras: strings.Split(proseA+"\n\n"+proseB+"\n\n"+c.tail, "\n\n")}
		finishNews(&a)
		body := strings.Join(a.Paras, "\n\n")
		if strings.Contains(body, c.gone) || c.kept != "" && !strings.Contains(body, c.kept) || !strings.Contains(body, "Engineers said") {
			t.Errorf("%s:\n%s", c.name, body)
		}
	}
	a := Article{Paras: []string{proseA, "Foto: Jana Roth", proseB}}
	finishNews(&a)
	if a.Image.Credit != "Jana Roth" {
		t.Errorf("picture credit %q, want Jana Roth", a.Image.Credit)
	}
}

// TestStandfirst: the declared description the page shows under its
// headline opens the body when the extractor left it out.
func TestStandfirst(t *testing.T) {
	const desc = "Two years after the storm, the county reopens the ferry crossing, and the villages on the far shore are close again."
	page := func(meta, header string) string {
		return `<html><head><title>Ferry crossing reopens</title><meta property="og:description" content="` + meta + `"></head>
		<body><header><h1>Ferry crossing reopens</h1><p class="dek">` + header + `</p></header>
		<article><p>` + proseA + `</p><p>` + proseB + `</p><p>` + proseC + `</p></article></body></html>`
	}
	cases := []struct {
		name, meta, header string
		want               bool
	}{
		{"a description the page shows", desc, desc, true},
		{"a description the page does not show", desc, "Local news", false},
		{"a cut description", "Two years after the storm, the county reopens the ferry crossing, and the...",
			"Two years after the storm, the county reopens the ferry crossing, and the...", false},
		{"a description cut short of the line under the headline", "Two years after the storm, the county reopens the ferry crossing, and the...",
			desc, true},
		{"a description that is the lead", proseA, proseA, false},
		{"a short label", "Ferry news from the estuary", "Ferry news from the estuary", false},
	}
	for _, c := range cases {
		a, err := ExtractHTML([]byte(page(c.meta, c.header)), "", time.UTC, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(a.Paras) > 0 && strings.HasPrefix(a.Paras[0], c.header) && c.header != proseA; got != c.want {
			t.Errorf("%s: body opens %q", c.name, a.Paras[0])
		}
		if c.header == proseA && strings.Count(strings.Join(a.Paras, "\n"), "The county board") != 1 {
			t.Errorf("%s: the lead twice: %q", c.name, a.Paras)
		}
	}
	if got := escapeMarkdown("# 1. *not* a [link] <b>"); got != `\# 1. \*not\* a \[link\] \<b>` {
		t.Errorf("escapeMarkdown = %q", got)
	}
}
