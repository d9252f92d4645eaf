package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// dump builds a whole-page dump from blocks separated by blank lines.
func dump(blocks ...string) string { return strings.Join(blocks, "\n\n") + "\n" }

const (
	proseA = "The county board agreed on Monday to reopen the old ferry crossing, which has been closed since the storm damaged its landing stage two winters ago."
	proseB = "Engineers said the repairs would take most of the summer, and that the ferry would run on a reduced timetable until the new pontoon was in place."
	proseC = "Residents who had driven forty miles around the estuary each day welcomed the decision, though some asked why it had taken so long to reach."
)

func TestCellsAndTables(t *testing.T) {
	for s, want := range map[string]int{
		"Rank   Club            Played   Points": 4,
		"1      Harbour Rovers  12       30":     4,
		"A sentence with  one double space.":     2,
		"Plain prose with single spaces only.":   0,
		"[- Menu -                          ]":   2,
	} {
		if got := cells(s); got != want {
			t.Errorf("cells(%q) = %d, want %d", s, got, want)
		}
	}
	// A league table between two paragraphs stays in the body.
	raw := dump("Home", "Sport", "Weekend football: Rovers stay top of the table",
		proseA,
		"Rank   Club            Played   Points\n1      Harbour Rovers  12       30\n2      Mill Lane FC    12       27\n3      Quayside United 12       22\n4      North End       12       19",
		proseB, proseC, "Most read", "- A teaser headline here", "- Another teaser headline")
	a := CleanText(raw, time.UTC)
	body := a.Body()
	if !strings.Contains(body, "Harbour Rovers") || !strings.Contains(body, "North End") {
		t.Errorf("table rows dropped:\n%s", body)
	}
}

func TestTeaserStreamLoses(t *testing.T) {
	// The article, a comments wall, then a stream of deals whose blurbs are
	// cut off with an ellipsis and dated: the article wins.
	var blocks []string
	blocks = append(blocks, "Ferry crossing to reopen after two years", proseA, proseB, proseC, "Comments")
	for i := 0; i < 8; i++ {
		blocks = append(blocks, "Garden hose reel down to half price this week",
			"March 3, 2024",
			"Retailers have cut the price of the popular reel ahead of the spring season, and the deal is one of the best we have seen for the model so far, with free...")
	}
	a := CleanText(dump(blocks...), time.UTC)
	if len(a.Paras) != 3 || !strings.HasPrefix(a.Paras[0], "The county board") {
		t.Errorf("got %d paragraphs: %q", len(a.Paras), a.Paras)
	}
}

func TestCommentsAfterWall(t *testing.T) {
	var blocks []string
	blocks = append(blocks, "Ferry crossing to reopen after two years", proseA, proseB, proseC,
		"The board will publish the new timetable in May, after a consultation with the operators and the two parish councils on either side of the water.",
		"There are 9 comments")
	for i, c := range []string{
		"I have used that crossing for years and I am glad to hear the board has finally come round, although I doubt the summer timetable will be enough for the people who work in town and need the early boats every day of the week.",
		"Two years is far too long for a repair of this kind, and the board should explain to the people who pay for it why the work was not started the week after the storm, when the damage was first reported to them.",
		"My mother relied on the ferry to get to the hospital on the other side, and she has had to pay for taxis all that time; I hope someone will look at whether the county can help the people who were hit hardest by this.",
		"The new pontoon is a good idea, but it would be better to build a proper landing stage that can stand up to the next storm, because there will be another one and we will be back where we started in a few years.",
		"Does anyone know whether bicycles will be allowed on the reduced timetable? Last time they were not, and many of us would rather cycle to the station on the far bank than sit in the traffic on the estuary road.",
	} {
		blocks = append(blocks, "Reader "+string(rune('A'+i)), c)
	}
	a := CleanText(dump(blocks...), time.UTC)
	if len(a.Paras) == 0 || !strings.HasPrefix(a.Paras[0], "The county board") {
		t.Errorf("comments won over the article: %q", a.Paras)
	}
}

func TestFurnitureWords(t *testing.T) {
	for s, want := range map[string]bool{
		"We use cookies to improve your experience. Accept all": true,
		"Cookie settings":                                  true,
		"Sign up for our morning newsletter":               true,
		"The fortune cookie factory doubled its output.":   false,
		"Cookies were served after the meeting.":           false,
		"Readers can subscribe to the paper at the kiosk.": true,
		"subscribe to" + strings.Repeat(" word", 40) + ".": false,
		"Image 3 of 14":                 true,
		"Filed under: Transport, Local": true,
		"5 min read":                    true,
		"<!-- end of story -->":         true,
	} {
		if got := isFurniture(s); got != want {
			t.Errorf("isFurniture(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestJunkParas(t *testing.T) {
	a := &Article{Title: "Ferry crossing to reopen"}
	for p, want := range map[string]bool{
		"Updated Mar 4, 9:41 AM; Posted Mar 3, 8:19 PM":                  true,
		"Published 2 hours ago":                                          true,
		"Published in 1998, the guide is still the best on the estuary.": false,
		"https://news.example.org/ferry-crossing-to-reopen.html":         true,
		"Associated Press":                                               true,
		"Nora Field, AP Transport Writer":                                true,
		proseA:                                                           false,
		// a heading that is furniture, its link to another story with it
		"### LEA TAMBIÉN: [El puerto abre de noche](https://news.example.org/puerto)": true,
		"### Ferry timetable for the summer":                                          false,
	} {
		if got := junkPara(a, p, plain(p), words(a.Title)); got != want {
			t.Errorf("junkPara(%q) = %v, want %v", p, got, want)
		}
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Nora Field" {
		t.Errorf("authors %q", a.Authors)
	}
}

func TestTitleBeforeStandfirst(t *testing.T) {
	raw := dump("Home", "News > Local > Transport > Ferry crossing to reopen after two years",
		"Ferry crossing to reopen after two years",
		"County board approves repairs to the landing stage so the ferry crossing can reopen this summer",
		"By Nora Field", proseA, proseB, proseC)
	a := CleanText(raw, time.UTC)
	if a.Title != "Ferry crossing to reopen after two years" {
		t.Errorf("title %q", a.Title)
	}
}

func TestDataLines(t *testing.T) {
	// Lines set one under another with the same separator are rows of data.
	raw := dump("Ferry crossing to reopen after two years", proseA, proseB,
		"The summer timetable:\nMay 4 -- North Pier, 7:15 and 9:40\nMay 5 -- South Slip, 8:00 and 10:30\nMay 11 -- North Pier, 7:15 and 9:40\nMay 12 -- South Slip, 8:00 and 10:30\nMay 18 -- North Pier, 7:15 and 9:40",
		"Share", "- Home", "- Contact")
	a := CleanText(raw, time.UTC)
	if body := a.Body(); !strings.Contains(body, "May 18 -- North Pier") {
		t.Errorf("data lines dropped:\n%s", body)
	}
}

func TestNearGoodSentence(t *testing.T) {
	// A sentence of names and figures between paragraphs stays in the body.
	results := "Harbour Rowing Club senior Mia Tanner took gold in the 2,000 metre single sculls final in 7:41.2."
	a := CleanText(dump("Home", "Regatta results", proseA, results, proseB, proseC, "- Home", "- Contact"), time.UTC)
	if !strings.Contains(a.Body(), "Mia Tanner") {
		t.Errorf("sentence dropped:\n%s", a.Body())
	}
}

func TestCaptionShownTwice(t *testing.T) {
	alt := "The old landing stage at the north pier of the estuary crossing, damaged in the storm"
	a := CleanText(dump("Home", "Ferry crossing to reopen after two years", proseA, alt, alt+" Nora Field/County Times", proseB, proseC, "- Home", "- Contact"), time.UTC)
	if strings.Contains(a.Body(), "old landing stage") || len(a.Paras) != 3 {
		t.Errorf("caption kept:\n%s", a.Body())
	}
}

func TestHTMLBoxesAndIcons(t *testing.T) {
	a := &Article{Title: "Ferry crossing to reopen", Paras: []string{
		"- [](https://social.example/a)\n- [](https://social.example/b)\n- Sign In",
		proseA, proseB,
		"### Trending",
		"1. Storm closes the coast road\n2. Council to vote on parking fees",
		proseC,
		"*Additional reporting by [Ada Quill](https://news.example.org/ada)*",
		"*Updated at 1:23 p.m.*",
		"SOURCE: County Times",
	}}
	finishNews(a)
	if len(a.Paras) != 3 || a.Paras[2] != proseC {
		t.Errorf("paragraphs: %q", a.Paras)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Ada Quill" {
		t.Errorf("authors %q", a.Authors)
	}
}

func TestGluedCredit(t *testing.T) {
	for p, want := range map[string]string{
		"Commuters wait for the first boat at the north pier on Monday.Nora Field/County Times": "Nora Field/County Times",
		"The ferry operator's sign is displayed outside its office in the harbour.Reuters":      "Reuters",
		"He spoke to the board on Monday.Then he left.":                                         "",
		"Dr. Ada Quill, Ph.D.": "",
	} {
		_, cr, ok := cutGluedCredit(p)
		if ok != (want != "") || cr != want {
			t.Errorf("cutGluedCredit(%q) = %q, %v", p, cr, ok)
		}
	}
}

func TestDisclaimerAfterChrome(t *testing.T) {
	blocks := []string{"Ferry crossing to reopen after two years", proseA, proseB, proseC}
	for _, m := range []string{"Weather Traffic Schools", "Jobs Homes Cars", "Obituaries Puzzles Games",
		"Sport Football Cricket", "Arts Music Theatre", "Food Drink Recipes", "Travel Walks Beaches",
		"Money Savings Pensions", "Health Fitness Diet", "Puzzles Crosswords Quizzes", "Contact Advertise Subscribe"} {
		blocks = append(blocks, "- "+m)
	}
	blocks = append(blocks, "All timetable information on this site is provided for general guidance only and may change without notice; the publisher accepts no liability for any loss arising from reliance on it, and readers should always check with the operator before they travel, since sailings may be cancelled at short notice in bad weather and during maintenance of the landing stages on either side of the estuary.")
	a := CleanText(dump(blocks...), time.UTC)
	if strings.Contains(a.Body(), "liability") || len(a.Paras) != 3 {
		t.Errorf("disclaimer joined the body:\n%s", a.Body())
	}
}

func TestKeepEmbeds(t *testing.T) {
	page := `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Finally! <a href="https://t.example/abc">t.example/abc</a></p>— Harbour Watch <a href="https://x.example/s/1">March 4, 2024</a></blockquote></div><div class="share"><a href="/s">Share</a></div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	keepEmbeds(doc)
	var b strings.Builder
	html.Render(&b, doc)
	got := b.String()
	for _, want := range []string{`<div><blockquote class="twitter-tweet"><p>Finally! t.example/abc</p>— Harbour Watch March 4, 2024</blockquote></div>`, `<div class="share"><a href="/s">Share</a></div>`} {
		if !strings.Contains(got, want) {
			t.Errorf("got %s\nwant it to hold %s", got, want)
		}
	}
}

func TestFloatingShareBar(t *testing.T) {
	// "Share this article" shown twice is a floating bar, not the end.
	more := "The board will publish the new timetable in May, after a consultation with the operators and the two parish councils on either side of the water, and it expects the first boats to sail at the start of June."
	a := CleanText(dump("Ferry crossing to reopen after two years", proseA, proseB, "Share this article", "Copied!", proseC, more, "Share this article", "- Home", "- Contact"), time.UTC)
	body := a.Body()
	if !strings.Contains(body, "county board") || !strings.Contains(body, "first boats") || strings.Contains(body, "Share this") {
		t.Errorf("body:\n%s", body)
	}
}

func TestClockLed(t *testing.T) {
	for s, want := range map[string]bool{
		"14:44 Storm closes the coast road":    true,
		"9h05 La mairie ferme le port":         true,
		"14:44":                                false,
		"1994 was the year the ferry stopped.": false,
		"12 ways to cross the estuary":         false,
	} {
		if got := clockLed(s); got != want {
			t.Errorf("clockLed(%q) = %v", s, got)
		}
	}
}
