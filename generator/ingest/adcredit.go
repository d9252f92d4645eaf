package ingest

import "strings"

// adLabels are the labels ad slots print above or below themselves, in
// the languages ingest reads (lowercased).
var adLabels = map[string]bool{"advertisement": true, "advertising": true, "advert": true, "ad": true, "ads": true,
	"sponsored": true, "sponsored content": true, "promoted": true, "anzeige": true, "werbung": true,
	"publicidad": true, "publicité": true, "pubblicità": true, "publicidade": true, "reklame": true}

// markAdCredits marks the credit line an ad widget sets next to its label
// ("ADVERTISING" then "Video player by Example"): a short line without a
// sentence's end, in the same run of lines as the label, is no article
// text.
func markAdCredits(blocks []*block) {
	for i, b := range blocks {
		if !adLabels[strings.ToLower(strings.Trim(b.text, " -–—:|*_"))] {
			continue
		}
		for _, j := range [...]int{i - 1, i + 1} {
			if j < 0 || j >= len(blocks) {
				continue
			}
			if c := blocks[j]; c.group == b.group && c.words <= 6 && !c.final && !c.bullet {
				c.class = bad
			}
		}
	}
}
