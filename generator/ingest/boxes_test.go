package ingest

import (
	"strings"
	"testing"
	"time"
)

const lead = "The harbour board met on Tuesday and agreed to rebuild the old north pier, which has been closed to the public for six years because of storm damage."
const second = "Work is due to start in the spring, and the board said the pier should reopen before the summer season of the following year, if the weather allows."
const third = "Local fishermen, who have used the south quay in the meantime, said they welcomed the decision but worried about the cost of the berths once it reopens."

// TestBodyChrome: furniture that pages set inside the article goes, in
// HTML and in raw text, in English and in the other languages ingest reads.
func TestBodyChrome(t *testing.T) {
	for _, junk := range []string{
		"Continue reading the main story", "ADVERTISING", "Advertisement", "Anzeige", "Publicidad",
		"Powered by ExampleQuotes", "Related: Council votes on the harbour budget", "Lesen Sie auch: Die Brücke ist fertig",
		"Lea también: El puerto reabre", "Lire aussi : Le port rouvre", "Leggi anche: Il porto riapre",
		"Weiterlesen", "Lire la suite", "Disclosures ExampleQuotes.com",
	} {
		raw := "Harbour board backs new pier\n\n" + lead + "\n\n" + junk + "\n\n" + second + "\n\n" + third + "\n"
		if a := CleanText(raw, time.UTC); strings.Contains(a.Body(), junk) {
			t.Errorf("raw text kept %q:\n%s", junk, a.Body())
		}
		page := "<html><head><title>Harbour board backs new pier</title></head><body><article><h1>Harbour board backs new pier</h1><p>" +
			lead + "</p><p>" + junk + "</p><p>" + second + "</p><p>" + third + "</p></article></body></html>"
		if a, _ := ExtractHTML([]byte(page), "", time.UTC, nil); strings.Contains(a.Body(), junk) {
			t.Errorf("HTML kept %q:\n%s", junk, a.Body())
		}
	}
}

// TestCaptionsNotBullets: a caption set as a one-item list after its
// figure, or in an element named a caption, never reaches the body.
func TestCaptionsNotBullets(t *testing.T) {
	page := `<html><body><article><h1>Harbour board backs new pier</h1><p>` + lead + `</p>
	<figure><img src="p.jpg" alt="The old pier at dusk"></figure>
	<ul><li><p>The old pier at dusk, seen from the south quay</p></li></ul>
	<p>` + second + `</p><p class="wp-caption-text">Fishermen on the south quay</p><p>` + third + `</p>
	<ul><li>First point of the plan, the new berths.</li><li>Second point, the lights.</li></ul></article></body></html>`
	a, err := ExtractHTML([]byte(page), "", time.UTC, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := a.Body()
	for _, c := range []string{"seen from the south quay", "Fishermen on the south quay"} {
		if strings.Contains(body, c) {
			t.Errorf("caption %q in the body:\n%s", c, body)
		}
	}
	if !strings.Contains(body, "- Second point, the lights.") {
		t.Errorf("the article's own list is gone:\n%s", body)
	}
}

// TestSubscriptionBox: a price box closing the article ends it; one in the
// middle goes with its heading and blurb.
func TestSubscriptionBox(t *testing.T) {
	tail := []string{lead, second, third, "## Monthly", "$7/month", "A plan you can cancel.", "## Annual", "€70 pro Jahr", "We accept cards."}
	if got := cutOffers(append([]string(nil), tail...)); len(got) != 3 {
		t.Errorf("tail box: got %q", got)
	}
	mid := []string{lead, "## Monthly", "$7/month", "A plan you can cancel.", second, third, lead, second, third}
	if got := cutOffers(append([]string(nil), mid...)); len(got) != 6 || got[1] != second {
		t.Errorf("middle box: got %q", got)
	}
	prose := []string{lead, "The fare will be $7 a month for residents, the board said.", second}
	if got := cutOffers(append([]string(nil), prose...)); len(got) != 3 {
		t.Errorf("a price in a sentence is prose: got %q", got)
	}
}

// TestRawBylineWithDate: a byline line that goes on with a handle and a
// zoned time gives the author and the instant; an "Outlet (City)" credit
// gives the source.
func TestRawBylineWithDate(t *testing.T) {
	raw := "Harbour board backs new pier\n\nby Nina Castell @ninacastell March 4, 2016: 9:05 AM ET\n\n" + lead + "\n\n" + second + "\n\n" + third +
		"\n\nHarbourNews (Portland) First published March 4, 2016: 1:28 AM ET\n"
	a := CleanText(raw, time.UTC)
	if strings.Join(a.Authors, ";") != "Nina Castell" {
		t.Errorf("authors %q", a.Authors)
	}
	if got := a.Date.UTC().Format(time.RFC3339); got != "2016-03-04T14:05:00Z" {
		t.Errorf("date %s, want 2016-03-04T14:05:00Z", got)
	}
	if a.Source != "HarbourNews" {
		t.Errorf("source %q", a.Source)
	}
}

// TestTrailingHeading: a heading with nothing after it is not the article's.
func TestTrailingHeading(t *testing.T) {
	a := Article{Paras: []string{lead, second, "## What comes next"}}
	finishNews(&a)
	if len(a.Paras) != 2 {
		t.Errorf("got %q", a.Paras)
	}
}
