package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestNumberedTeasers(t *testing.T) {
	// Headlines of other stories, numbered, below the article's tags.
	teasers := "1. Harbour master warns of winter storms on the north coast as the season begins\n\n" +
		"2. Council approves a new budget for the old ferry pontoon after a long debate\n\n" +
		"3. Fishermen protest against the quotas set by the regional authority for next year\n\n" +
		"4. Lighthouse keepers remember the long nights of the storm that closed the port"
	raw := dump("Home", "Ferry crossing reopens", proseA, proseB, proseC, "Tags", "Ferries", "Harbour", "Council", "Transport", teasers, "Contact")
	a := CleanText(raw, time.UTC)
	if body := a.Body(); strings.Contains(body, "Harbour master") || !strings.Contains(body, "Residents who") {
		t.Errorf("teaser list kept or article cut:\n%s", body)
	}
	// The article's own lists stay: a short ranking, and steps that end
	// like sentences.
	ranking := "1. Harbour Rovers\n\n2. Mill Lane\n\n3. Quayside United\n\n4. North End"
	steps := "1. Buy the ticket at the kiosk by the slipway before you board.\n\n" +
		"2. Show the ticket to the crew as you walk onto the ferry deck.\n\n" +
		"3. Keep the ticket until you have left the landing stage."
	for _, list := range []string{ranking, steps} {
		raw := dump("Home", "Ferry crossing reopens", proseA, list, proseB, proseC, "Contact")
		a := CleanText(raw, time.UTC)
		first := list[3:strings.IndexByte(list, '\n')]
		if body := a.Body(); !strings.Contains(body, first) {
			t.Errorf("article list dropped (%q):\n%s", first, body)
		}
	}
}
