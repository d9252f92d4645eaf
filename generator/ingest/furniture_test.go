package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFurnitureGate: mayBeFurniture never turns away a block that the
// furniture pattern matches: on one example of each pattern and on every
// line of the raw samples (and of the shared corpora's dumps).
func TestFurnitureGate(t *testing.T) {
	blocks := []string{"0 : 0", "3 hours ago", "visible-phone", "advertisement", "anzeige", "powered by smartcalc",
		"read also: a story", "lesen sie auch: eine geschichte", "à lire aussi : un article", "weiterlesen »",
		"zum newsletter anmelden", "s'abonner à la lettre", "teilen auf facebook", "read more", "share this",
		"skip to main content", "© 2024 the paper", "(c) the paper", "copyright the paper", "all rights reserved.",
		"most read", "you may also like", "photo caption a ship", "updated 10:32 am et", ": 10:32", "12 shares",
		"facebook twitter email", "[image]", "terms of use", "file photo", "image 1 of 23", "3 of 23", "source: agency",
		"quelle: stadt", "foto: lena berg", "continue reading the main story", "don't miss", "dont miss", "filed under: news", "posted in news, world",
		"5 min read", "estimated reading time: 4 minutes", "reading time 3 min", "<!-- ad -->", "□ hafen-bild.jpg",
		"hafen.jpg", "le puede interesar: una nota", "mira: un video del puerto", "ti potrebbe interessare: un articolo",
		"das könnte sie auch interessieren: ein artikel", "você pode gostar: uma matéria"}
	files, _ := filepath.Glob(filepath.Join("testdata", "raw", "*.txt"))
	// and the whole-page dumps of the shared corpora, when they are there
	dumps, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpora", "*", "*", "*", "raw.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpora", "*", "*", "raw.txt"))
	files = append(append(files, dumps...), more...)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		blocks = append(blocks, strings.Split(string(data), "\n")...)
	}
	n := 0
	for _, b := range blocks {
		l := strings.ToLower(strings.TrimSpace(b))
		if !furniture().MatchString(l) {
			continue
		}
		n++
		if !mayBeFurniture(l) {
			t.Errorf("mayBeFurniture(%q) = false; the pattern matches it", l)
		}
	}
	if n < 45 {
		t.Errorf("only %d blocks match the pattern: the examples no longer match it", n)
	}
}

// TestReadAlsoLabels: a link to another story behind a "see also" label in
// the languages ingest reads is furniture; the label word in a sentence is
// not.
func TestReadAlsoLabels(t *testing.T) {
	for s, want := range map[string]bool{
		"LE PUEDE INTERESAR: El puerto abre una nueva terminal":    true,
		"MIRA: Así se ve el nuevo muelle desde el aire":            true,
		"Ti potrebbe interessare: il porto apre un nuovo terminal": true,
		"Das könnte Sie auch interessieren: Neuer Hafen im Norden": true,
		"Mira el puerto desde el nuevo muelle":                     false,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLegalNotes: a site's terms under the page are furniture in the
// languages ingest reads; a sentence about copying is not.
func TestLegalNotes(t *testing.T) {
	for s, want := range map[string]bool{
		"The material on this site may not be reproduced except with the prior written permission of Harbour Media.": true,
		"Use of this site constitutes acceptance of our terms and our privacy notice.":                               true,
		"Nachdruck nur mit Genehmigung der Redaktion.":                                                               true,
		"Toute reproduction, même partielle, est soumise à autorisation.":                                            true,
		"Prohibida su reproducción total o parcial.":                                                                 true,
		// an image's long file name shown twice as its alt text
		"harbour-ferry-crossing-reopens-after-two-years-of-repairs.jpgharbour-ferry-crossing-reopens-after-two-years-of-repairs.jpg": true,
		"The council said the old ferry timetable could be copied by anyone who asked for it.":                                       false,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCookieBanners: consent banners in the languages ingest reads; a
// sentence about cookies that asks nothing is text.
func TestCookieBanners(t *testing.T) {
	for s, want := range map[string]bool{
		"We use cookies to improve your experience. By continuing you accept them.":                  true,
		"Wir verwenden Cookies, um Inhalte zu personalisieren. Mit Ihrer Zustimmung helfen Sie uns.": true,
		"Nous utilisons des cookies pour mesurer l'audience de ce site.":                             true,
		"Utilizamos cookies propias y de terceros para mejorar nuestros servicios.":                  true,
		"Questo sito utilizza cookie tecnici e di profilazione.":                                     true,
		"Die Bäckerei am Hafen verkauft seit zwanzig Jahren die besten Cookies der Stadt.":           false,
	} {
		if got := cookieText(s); got != want {
			t.Errorf("cookieText(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestShortcodes: a CMS shortcode the page left unrendered is chrome; a
// bracketed note or a footnote is not.
func TestShortcodes(t *testing.T) {
	for s, want := range map[string]bool{
		`[button link="https://example.org/review/" type="big"] Send us your review[/button]`: true,
		`[caption id="attachment_12" align="alignnone"]The new pontoon[/caption]`:             true,
		"[1] Harbour accounts for the year, published by the council in March.":               false,
		"The ferry [the old one, not the new pontoon] left at nine.":                          false,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCreditLines: a source or a photo credit on a line of its own, in the
// languages ingest reads, is furniture; a sentence opening with the word
// is not.
func TestCreditLines(t *testing.T) {
	for s, want := range map[string]bool{
		"Quelle: Stadtverwaltung Hafenstadt":                               true,
		"Fuente: Ministerio del Puerto":                                    true,
		"Source : Agence du Port":                                          true,
		"Foto: Lena Berg":                                                  true,
		"Bildnachweis: Hafenamt":                                           true,
		"Photo credit: Sam Reed":                                           true,
		"Quelle des Flusses ist ein kleiner See im Gebirge.":               false,
		"Photos of the new quay went round the town on the day it opened.": false,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSignUpForms: what a sign-up form says once sent, and its buttons,
// are furniture in the languages ingest reads; a quote that turns an offer
// down, in a sentence, is not.
func TestSignUpForms(t *testing.T) {
	for s, want := range map[string]bool{
		"Thank you for subscribing to the Harbour Letter!":                                       true,
		"Please confirm your subscription with the link we sent you.":                            true,
		"Vielen Dank für Ihre Anmeldung beim Hafenbrief.":                                        true,
		"Merci pour votre inscription !":                                                         true,
		"Suscribirse No, gracias":                                                                true,
		"No spam. You can unsubscribe at any time.":                                              true,
		"Sie können den Hafenbrief jederzeit wieder abbestellen.":                                true,
		"Subscribe No thanks":                                                                    true,
		"“No thanks,” the harbour master said when the council offered him a second term there.": false,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}
