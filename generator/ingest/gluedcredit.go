package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gluedCredit: a caption and its credit run together when a page sets the
// credit in its own element: "...outside a store in Ohio.Jane Roe/Reuters".
// Prose always has a space after a full stop.
// The credit names a photographer and an agency ("Name/Agency") or a photo
// agency alone, and the caption is a sentence of some length.
var gluedCredit = lazyRegexp(`\p{Ll}[.!?”"](\p{Lu}\p{L}[\p{L}'.\-]*(?: [\p{Lu}][\p{L}'.\-]*){0,3}(?:/[\p{Lu}][\p{L}'.\- ]*)?)$`)

// creditTail is where in p a match of gluedCredit may start at the
// earliest: two characters before the run of letters, spaces and ' . - /
// that ends p, with a margin. The pattern has no anchor but $, so it finds
// the same match in p[creditTail(p):] as in p, without trying each
// position of the caption.
func creditTail(p string) int {
	i := len(p)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		if !unicode.IsLetter(r) && !strings.ContainsRune("'.- /", r) {
			break
		}
		i -= n
	}
	return max(0, i-16)
}

var photoAgencies = map[string]bool{"Reuters": true, "Getty": true, "Getty Images": true, "AP": true, "AFP": true,
	"EPA": true, "Shutterstock": true, "Bloomberg": true, "Alamy": true}

func cutGluedCredit(p string) (caption, credit string, ok bool) {
	if len(p) > 600 {
		return "", "", false
	}
	at := creditTail(p)
	m := gluedCredit().FindStringSubmatchIndex(p[at:])
	if m == nil {
		return "", "", false
	}
	caption, credit = p[:at+m[2]], p[at+m[2]:]
	if len(strings.Fields(caption)) < 5 || !strings.Contains(credit, "/") && !photoAgencies[credit] {
		return "", "", false
	}
	return caption, strings.TrimPrefix(credit, "Credit"), true
}

// creditLabels open a credit set after its caption's last sentence.
var creditLabels = []string{"Credit: ", "Credit ", "Credits: ", "Photograph: ", "Photo: ", "Foto: ", "Bild: ", "Crédit : ", "Crédit: "}

// creditByLabels name the photographer with a preposition, which prose
// does too ("Photo by photo, ..."): the credit must open with a capital.
var creditByLabels = []string{"Photograph by ", "Photographs by ", "Photo by ", "Photos by ", "Foto von ", "Fotos von ", "Foto di ", "Photo de "}

// cutLabelledCredit splits a caption at the label of its credit when a
// sentence ends before it: "... refugee camp. Credit Jane Roe/Agency —
// Pool": the credit is everything after the label, dashes included, where a
// pattern for the credit's own shape would take only its last part. The
// label may follow the full stop without a space, as when the page sets
// the credit in an element of its own ("... the island.Photograph by ...").
func cutLabelledCredit(s string) (caption, credit string, ok bool) {
	for _, label := range creditLabels {
		if caption, credit, ok := cutAtLabel(s, label); ok {
			return caption, credit, true
		}
	}
	for _, label := range creditByLabels {
		if caption, credit, ok := cutAtLabel(s, label); ok {
			if r, _ := utf8.DecodeRuneInString(credit); unicode.IsUpper(r) {
				return caption, credit, true
			}
		}
	}
	return "", "", false
}

func cutAtLabel(s, label string) (caption, credit string, ok bool) {
	i := strings.LastIndex(s, label)
	if i <= 0 {
		return "", "", false
	}
	end := strings.TrimSuffix(s[:i], " ")
	if r, _ := utf8.DecodeLastRuneInString(end); !strings.ContainsRune(".!?”\")", r) {
		return "", "", false
	}
	caption, credit = strings.TrimSpace(end), strings.TrimSpace(s[i+len(label):])
	if credit == "" || len(credit) > 120 || len(strings.Fields(caption)) < 3 {
		return "", "", false
	}
	return caption, credit, true
}

// imageCaption: a block that opens with a link to a picture (the
// lightbox of an image whose alt text is empty) and goes on with a short
// text is the picture's caption.
func imageCaption(p string) (caption string, ok bool) {
	if !strings.HasPrefix(p, "[](") || len(p) > 600 {
		return "", false
	}
	end := strings.IndexByte(p, ')')
	if end < 0 || !imageURL(p[3:end]) {
		return "", false
	}
	caption = strings.TrimSpace(p[end+1:])
	if caption == "" || len(caption) > 200 || strings.Contains(caption, "\n") {
		return "", false
	}
	return caption, true
}

func imageURL(u string) bool {
	u, _, _ = strings.Cut(u, "?")
	u = strings.ToLower(u)
	for _, ext := range [...]string{".jpg", ".jpeg", ".png", ".gif", ".webp"} {
		if strings.HasSuffix(u, ext) {
			return true
		}
	}
	return false
}
