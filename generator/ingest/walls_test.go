package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestPostNavAndProfileWalls(t *testing.T) {
	for s, want := range map[string]bool{
		"Previous Article":                          true,
		"« Previous Post Next Post »":               true,
		"Newer Post Older Post Home":                true,
		"Next post: Ferry timetable for the summer": true,
		"← Vorheriger Beitrag":                      true,
		"Article suivant":                           true,
		"Artículo anterior":                         true,
		"About Jana Roth":                           true,
		"Über Harbour Ferries":                      true,
		"About the ferry":                           false, // a subheading
		"About 40 people came.":                     false,
		"Next, the council voted on the budget.":    false,
		"Previous articles on this topic were wrong about the cost of the pontoon": false,
	} {
		if got := isWall(s); got != want {
			t.Errorf("isWall(%q) = %v, want %v", s, got, want)
		}
	}
	// The profile box and the links to other stories after the article
	// are not the article.
	bio := "Ada Quill is a freelance writer based on the coast. Her work has appeared in a number of local papers and magazines."
	teaser := "The lighthouse keepers who kept the lamp burning through the war and what became of them afterwards"
	raw := dump("Home", "Ferry crossing reopens", proseA, proseB, proseC,
		"Like this article?", "About Ada Quill", bio, "Previous Article", teaser, "Next Article", teaser+" again")
	a := CleanText(raw, time.UTC)
	body := a.Body()
	if strings.Contains(body, "freelance writer") || strings.Contains(body, "lighthouse") {
		t.Errorf("profile or teasers kept:\n%s", body)
	}
	if !strings.Contains(body, "Residents who had driven") {
		t.Errorf("article cut:\n%s", body)
	}
}

// TestInlineBox: a box of links set between two paragraphs does not end
// the article; the same box after its last paragraph does.
func TestInlineBox(t *testing.T) {
	proseD := "The harbour master said the first week of crossings had gone smoothly, with only one delay caused by fog on Tuesday morning."
	proseE := "Ticket sales were higher than expected, and the operator is now considering adding an evening service during the summer months."
	box := []string{"Related news", "Bridge plan shelved after cost review", "Port workers vote on new contract"}
	inline := append(append([]string{"Home", "Ferry crossing reopens", proseA, proseB, proseC}, box...), proseD, proseE, "Contact")
	a := CleanText(dump(inline...), time.UTC)
	if body := a.Body(); !strings.Contains(body, "Ticket sales") || strings.Contains(body, "Port workers") {
		t.Errorf("article cut at an inline box, or the box's links kept:\n%s", body)
	}
	after := append(append([]string{"Home", "Ferry crossing reopens", proseA, proseB, proseC, proseD}, box...),
		"Bridge plan shelved after cost review. The council said the money was needed elsewhere.", "Contact")
	a = CleanText(dump(after...), time.UTC)
	if body := a.Body(); strings.Contains(body, "Bridge plan") {
		t.Errorf("box after the article kept:\n%s", body)
	}
}

// The heading of an inline box stays out of the body in any language the
// box's walls know, not only where it also reads as page furniture.
func TestInlineBoxHeadingLeft(t *testing.T) {
	proseD := "The harbour master said the first week of crossings had gone smoothly, with only one delay caused by fog on Tuesday morning."
	proseE := "Ticket sales were higher than expected, and the operator is now considering adding an evening service during the summer months."
	for _, h := range []string{"Artículos relacionados", "Articoli correlati", "Ähnliche Artikel"} {
		page := dump("Home", "Ferry crossing reopens", proseA, proseB, proseC,
			h, "  • Bridge plan shelved after cost review\n  • Port workers vote on new contract",
			proseD, proseE, "Contact")
		a := CleanText(page, time.UTC)
		body := a.Body()
		if !strings.Contains(body, "Ticket sales") || strings.Contains(body, h) {
			t.Errorf("%s: article cut at the box, or its heading kept:\n%s", h, body)
		}
	}
}
