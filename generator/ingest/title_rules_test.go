package ingest

import (
	"testing"
	"time"
)

// A newsletter prompt above an empty text field is a form, not the headline,
// however many words it shares with the lead.
func TestFormPromptIsNotTitle(t *testing.T) {
	raw := dump("Home", "News", "Sport",
		"Ferry and estuary news from the county board by email",
		"[                    ]",
		"Crossing to reopen after two years",
		proseA, proseB, proseC, "- Home", "- Contact")
	a := CleanText(raw, time.UTC)
	if a.Title != "Crossing to reopen after two years" {
		t.Errorf("title %q", a.Title)
	}
}

// A kicker (a short label) right above a headline signed by its byline
// yields to the headline; a standfirst between headline and byline does not
// take the headline's place (TestTitleBeforeStandfirst).
func TestKickerAboveSignedHeadline(t *testing.T) {
	raw := dump("Home", "News", "Sport",
		"Old ferry crossing",
		"Board votes to mend the landing stage at last",
		"By Nora Field, 4 March 2024",
		proseA, proseB, proseC, "- Home", "- Contact")
	a := CleanText(raw, time.UTC)
	if a.Title != "Board votes to mend the landing stage at last" {
		t.Errorf("title %q", a.Title)
	}
	if a.Date.Format("2006-01-02") != "2024-03-04" {
		t.Errorf("date %v", a.Date)
	}
}

func TestSigned(t *testing.T) {
	for _, c := range []struct {
		head, next string
		want       bool
	}{
		{"Board votes to mend the landing stage", "By Nora Field", true},
		{"Le bac reprendra du service cet été", "Par Nora Field et Paul Rives — 4 mars 2024 à 18:42", true},
		{"Board votes to mend the landing stage", "March 4, 2024 9:41 AM", true},
		{"Nora Field", "March 4, 2024", false}, // an author's name above the date
		{"Board votes to mend the landing stage", "by the water the old pier still stands", false},
		{"Board votes to mend the landing stage", proseA, false},
	} {
		blocks := []*block{newBlock(c.head, false), newBlock(c.next, false)}
		if got := signed(blocks, 0); got != c.want {
			t.Errorf("signed(%q, %q) = %v, want %v", c.head, c.next, got, c.want)
		}
	}
}

// A headline shown twice, first in a sticky bar with the day and month, then
// above the article: the header starts at its first showing, so the day
// there still dates the article.
func TestStickyHeadlineDate(t *testing.T) {
	raw := dump("News", "Sport",
		"Bridge over the river to reopen after two years of repairs",
		"[                    ]",
		"3. 11.  Hubert",
		"Share article",
		"Facebook Twitter",
		"advertisement",
		"Bridge over the river to reopen after two years of repairs",
		"Hubert Novak",
		"The minister said on Wednesday that the bridge over the river would reopen next month, two years after a flood washed away one of its piers.",
		"Engineers have rebuilt the pier on deeper foundations, and the road over the bridge will be wider than before, with a path for cyclists on each side.",
		"Older news: October 30, 2021")
	a := CleanText(raw, time.UTC)
	if a.Title != "Bridge over the river to reopen after two years of repairs" {
		t.Errorf("title %q", a.Title)
	}
	if got := a.Date.Format("2006-01-02"); got != "2021-11-03" {
		t.Errorf("date %s, want 2021-11-03", got)
	}
}

// A headline signed by its byline stays the headline when a video player's
// settings fill many blocks between it and the body, and the player's own
// caption, shown twice right above the lead, shares words with it too. (A
// menu above a time stamp, also signed, is held off by TestEvalWire.)
func TestSignedHeadlineAboveLongPlayer(t *testing.T) {
	blocks := []string{"Home", "News", "Sport",
		"County board votes to reopen old ferry crossing",
		"By Nora Field March 4, 2024 9:41 AM"}
	for i := 0; i < 40; i++ {
		blocks = append(blocks, "Player option", "Subtitle size")
	}
	blocks = append(blocks, "Watch the ferry crossing reopen",
		"Up next", "Watch the ferry crossing reopen",
		proseA, proseB, proseC, "- Home", "- Contact")
	a := CleanText(dump(blocks...), time.UTC)
	if a.Title != "County board votes to reopen old ferry crossing" {
		t.Errorf("title %q", a.Title)
	}
}
