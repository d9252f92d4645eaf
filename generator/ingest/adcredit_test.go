package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestAdCredits: the credit line of an ad widget goes with its label; a
// short line of the article after a blank line stays.
func TestAdCredits(t *testing.T) {
	raw := `Harbour fees rise for the first time in a decade

By Lena Moreau

The port authority said on Tuesday that berth fees will rise by four percent from March, the first increase in ten years.

Shipping firms said the rise was expected and that most of it would be passed on to their customers over the coming year.

ADVERTISEMENT
Video ads served by Quaymedia

The authority will spend the extra income on dredging the eastern channel, which has silted up since the last storms.

Anzeige
Werbeplatz von Hafenfunk

Officials expect the work to take two summers and to cost about twelve million euros in all, the authority said.

A second phase

Dredging of the western basin would follow in a later phase, if the council agrees to fund it from next year's budget.
`
	a := CleanText(raw, time.UTC)
	body := strings.Join(a.Paras, "\n\n")
	for _, gone := range []string{"Quaymedia", "Hafenfunk", "ADVERTISEMENT", "Anzeige"} {
		if strings.Contains(body, gone) {
			t.Errorf("body keeps %q:\n%s", gone, body)
		}
	}
	for _, kept := range []string{"A second phase", "dredging the eastern channel", "twelve million"} {
		if !strings.Contains(body, kept) {
			t.Errorf("body lost %q:\n%s", kept, body)
		}
	}
}
