package ingest

import (
	"strings"
	"testing"
)

func TestReadableLogin(t *testing.T) {
	for in, want := range map[string]string{
		"jana.roth":      "Jana Roth",
		"jana_de_la_paz": "Jana De La Paz",
		"Jana Roth":      "Jana Roth",
		"hafenblatt.de":  "hafenblatt.de", // a host
		"www.hafen.com":  "www.hafen.com",
		"jroth":          "jroth",
		"j.roth":         "j.roth", // an initial, not a word
	} {
		if got := readableLogin(in); got != want {
			t.Errorf("readableLogin(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAuthorsNotCompanies: a company a page declares as its author credits
// no one, and the names found after it are taken.
func TestAuthorsNotCompanies(t *testing.T) {
	page := `<head><meta name="author" content="Hafen Medien GmbH"></head><body><h1>Die Fähre fährt wieder</h1>
	<span class="author">Von Jana Roth</span><p>Die Fähre fährt wieder, sagt die Stadt.</p></body>`
	if got := strings.Join(metaOf(t, page, "").Authors, "; "); got != "Jana Roth" {
		t.Errorf("authors %q, want Jana Roth", got)
	}
	if got := strings.Join(bylineNames("Beitrag von jroth » 21.01.2009, 05:42"), "; "); got != "jroth" {
		t.Errorf("bylineNames with » = %q, want jroth", got)
	}
}
