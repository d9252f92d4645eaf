package ingest

import "strings"

// shownByPrefixes open a byline printed as text, in the languages ingest
// reads; in running text they must open a line of their own.
var shownByPrefixes = [...]string{"by ", "von ", "par ", "por ", "di ", "door ", "written by ", "geschrieben von ",
	"ein beitrag von ", "ein artikel von ", "verfasst von ", "text von ", "escrito por ", "écrit par ", "rédigé par ",
	"scritto da ", "text: ", "text und fotos: ", "autor: ", "autorin: ", "author: ", "auteur: ",
	"autore: ", "texto: "}

// nearByline reads the names of a byline printed next to the headline
// ("Von Jana Roth · 14. März 2022"), for pages that declare no author: the
// first short line opened by a byline word in the text after the
// headline, else in the text just before it.
func (v *visText) nearByline() []string {
	if v.start < 0 {
		return nil
	}
	text := v.b.String()
	for _, s := range []string{text[v.end:min(len(text), v.end+visAfter)], text[max(0, v.start-visBefore):v.start]} {
		for _, line := range strings.Split(s, "\n") {
			line = strings.TrimLeft(oneLine(line), "-–—•*· ") // a rule or a bullet before it
			if len(line) < 5 || len(line) > 120 {
				continue
			}
			l := strings.ToLower(line)
			// "ByJane Doe": the word and the name set in elements of their own.
			if len(line) > 3 && line[:2] == "By" && line[2] >= 'A' && line[2] <= 'Z' {
				l = "by " + l[2:]
			}
			for _, p := range shownByPrefixes {
				if strings.HasPrefix(l, p) {
					if names := bylineNames(line); len(names) > 0 {
						return names
					}
					break
				}
			}
		}
	}
	return nil
}
