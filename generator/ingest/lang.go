package ingest

import (
	"strings"

	"golang.org/x/text/language"
)

// langWords are frequent function words that tell the languages ingest
// reads apart; a handful per language is enough on a paragraph or two.
var langWords = map[string]map[string]bool{}

func init() {
	for lang, ws := range map[string]string{
		"en": "the and of to is that for with was are this have from they which were been has their would",
		"de": "der die und das ist nicht mit sich des auf für eine dem den ein auch wird sind werden bei",
		"fr": "le la les et des est une dans pour qui pas sur que du au sont par avec mais ont",
		"es": "el la los las y del que en una por para con es se su al como más pero fue",
		"pt": "o os as e do da que em um uma para com não dos das se por mais foi são",
		"it": "il di che la le è per una sono gli della con non del nel anche come alla più",
		"nl": "de het een en van is dat op te zijn voor met niet aan ook maar als bij",
	} {
		langWords[lang] = map[string]bool{}
		for _, w := range strings.Fields(ws) {
			langWords[lang][w] = true
		}
	}
}

// textLang guesses the language of the body from its function words; ""
// when the text is short or no language clearly leads.
func textLang(paras []string) string {
	counts := map[string]int{}
	n := 0
	for _, p := range paras {
		for _, w := range strings.FieldsFunc(strings.ToLower(p), notLetter) {
			for l, ws := range langWords {
				if ws[w] {
					counts[l]++
				}
			}
			if n++; n > 600 {
				break
			}
		}
		if n > 600 {
			break
		}
	}
	best, second := "", 0
	for l, c := range counts {
		if best == "" || c > counts[best] || c == counts[best] && l < best {
			best = l
		}
	}
	for l, c := range counts {
		if l != best && c > second {
			second = c
		}
	}
	if best == "" || counts[best] < 8 || counts[best] < 2*second {
		return ""
	}
	return best
}

// pageLang is the entry's language: the declared tag's language when it
// is a valid BCP 47 tag and the text does not clearly say otherwise, else
// the text's own.
func pageLang(declared string, paras []string) string {
	tag := baseLang(declared)
	if guess := textLang(paras); guess != "" && guess != tag {
		return guess
	}
	return tag
}

// baseLang is the language of a valid BCP 47 tag ("en-GB" -> "en", "pt_BR"
// -> "pt"), or "" when s is not one.
func baseLang(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s == "" {
		return ""
	}
	t, err := language.Parse(s)
	if err != nil {
		return ""
	}
	if b, conf := t.Base(); conf != language.No && b.String() != "und" {
		return b.String()
	}
	return ""
}
