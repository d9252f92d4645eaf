package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// furniture matches whole blocks that are page chrome, never article text.
// Every pattern is anchored at the start; the prompts that may open with
// anything (cookies, newsletters) are found by furnitureWords instead,
// which keeps the machine from trying each pattern at every position.
// It is matched against the lowercased block: without (?i) the matcher is
// faster, and whole-page dumps have hundreds of blocks.
var furniture = lazyRegexp(`^(?:` + strings.Join([]string{
	`\d+\s*:\s*\d+`, // share counters "0 : 0"
	`\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago`,
	`(?:[a-z]+-)+(?:phone|tablet|browser|desktop|larger|above|below|mobile)`, // CSS breakpoint names
	`advertisement|advertising|advert|sponsored(?: content)?|ad|ads|promoted|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|reklame`,
	`powered by .+`,
	// "Read also: <a headline>", the link to another story set in the body.
	`(?:related|read also|see also|also read|read more|more|lea también|lea más|lee también|vea también|lesen sie auch|lesen sie mehr|lesen sie hier|mehr dazu|mehr zum thema|lire aussi|à lire aussi|voir aussi|leia também|leia mais|veja também|leggi anche|le puede interesar|te puede interesar|también te puede interesar|te recomendamos|mira|ver también|pode interessar|você pode gostar|ti potrebbe interessare|potrebbe interessarti|vous aimerez aussi|das könnte sie auch interessieren|auch interessant)\s*:.*`,
	`(?:weiterlesen|mehr lesen|lire la suite|sigue leyendo|seguir leyendo|leia mais|continua a leggere|leggi tutto)(?:\s*[»›>…]+)?`,
	`(?:zum newsletter|newsletter abonnieren|abonnieren sie|jetzt abonnieren|s'abonner|suscríbete|iscriviti|assine)\b.*`,
	`(?:teilen|teilen sie|partager|compartir|condividi|compartilhe)(?: (?:this|diesen artikel|auf \w+|sur \w+|en \w+))?:?`,
	`(?:read|see|show|load|view) (?:more|all|full story|less|comments?)(?:\b.*)?`,
	`(?:share|tweet|email|print|comment|comments|reply|like|follow|subscribe|sign in|sign up|log in|login|register|menu|search|close|skip to (?:main )?content|back to top|top|home)(?: (?:this|on \w+|us|now|article|story|page))?`,
	`(?:copyright|©|\(c\)).*`,
	`all rights reserved.*`,
	`(?:related|more on this|more from|most (?:read|popular|viewed|shared)|trending|recommended|you may also like|topics|tags)(?: (?:stories|articles|content|coverage|now|news|topics))?:?`,
	`(?:image|photo|video|media) (?:copyright|caption|source)\b.*`,
	`(?:updated|published|posted|last updated)?:?\s*\d{1,2}:\d{2}\s*(?:am|pm)?\s*(?:[a-z]{2,4})?`,
	`\d+ (?:shares?|comments?|views?)`,
	`(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|messenger|instagram|youtube|x)(?:\s+(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|messenger|email|instagram))*`,
	`\[[^\]]*\]`, // image placeholders and form fields in w3m dumps
	`\[[a-z_]+(?:\s[^\]]*)?\].{0,200}\[/[a-z_]+\]`, // a CMS shortcode left unrendered: "[button link=...]Send[/button]"
	`(?:terms (?:of (?:use|service)|and conditions)|privacy policy|contact us|about us|careers|accessibility).{0,40}`,
	`(?:file photo|reuters tv|watch|listen|play video|video)`,
	`(?:(?:image|photo|picture|slide)s?\s+)?\d+\s+of\s+/?\s*\d+`, // gallery counters "Image 1 of 23"
	// A source or photo credit on a line of its own, in any of the languages.
	`(?:source|sources|quelle|quellen|bildquelle|fuente|fuentes|fonte|fontes) ?: .{1,40}`,
	`(?:photo|photos|photograph|photographs|picture|pictures|image|foto|fotos|bild|bilder|bildnachweis|credit|credits|crédit|crédits|crédit photo|photo credit) ?: .{1,60}`,
	`(?:caption|continue reading(?: the (?:main )?story| below)?|this slideshow requires javascript\.?|don'?t miss)`,
	`(?:filed under|tags|categories|category):.*`,
	`(?:posted|filed) in .{1,100}`,
	`\d+\s*min(?:ute)?s?\.? read|(?:estimated )?reading time:? .{0,20}`,
	`<!--.*-->`, // a comment the page showed as text
	`(?:□\s*)?[^\s/]{1,200}\.(?:jpe?g|png|gif|webp|svg)`, // an image's file name as its alt text
}, "|") + `)$`)

// isFurniture: chrome is short, so long blocks skip the (costly) patterns.
func isFurniture(s string) bool {
	if len(s) >= 200 {
		return len(s) <= promoMax && promoLower(strings.ToLower(s))
	}
	s = strings.TrimSpace(s)
	l := strings.ToLower(s)
	if mayBeFurniture(l) && furniture().MatchString(l) {
		return true
	}
	return furnitureWords(s) || sponsorLabel(s) || boilerLower(strings.TrimLeft(l, "*_ ")) || promoLower(l)
}

// furnitureStarts are the first words of furniture's patterns; a block
// that opens with another word, and holds a space, matches none of them.
var furnitureStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`advertisement advertising advert sponsored ad ads promoted anzeige werbung
		publicidad publicité pubblicità publicidade reklame powered related read see also more lea lee vea lesen mehr
		lire à voir leia veja leggi weiterlesen sigue seguir continua zum newsletter abonnieren jetzt s suscríbete
		iscriviti assine teilen partager compartir condividi compartilhe show load view share tweet email print comment
		comments reply like follow subscribe sign log login register menu search close skip back top home copyright all
		most trending recommended you topics tags image photo video media updated published posted last facebook
		twitter linkedin whatsapp reddit pinterest messenger instagram youtube x terms privacy contact about careers
		accessibility file reuters watch listen play picture slide images photos pictures slides source caption
		continue this don dont filed categories category estimated reading le te también mira ver pode você ti
		potrebbe vous das auch sources quelle quellen bildquelle fuente fuentes fonte fontes photograph photographs foto
		fotos bild bilder bildnachweis credit credits crédit crédits`) {
		m[w] = true
	}
	return m
}()

// mayBeFurniture is the cheap test that spares most blocks the furniture
// pattern: l (lowercased) has no space (a file name, a breakpoint name),
// opens with a digit or a sign, or opens with one of furnitureStarts.
func mayBeFurniture(l string) bool {
	if l == "" || !strings.Contains(l, " ") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsLetter(r) {
		return true
	}
	end := strings.IndexFunc(l, func(r rune) bool { return !unicode.IsLetter(r) })
	return end < 0 || furnitureStarts[l[:end]]
}

// sponsorLabel: a few words without a sentence's end that name a web
// address, as widgets label themselves ("Disclosures Example.com").
func sponsorLabel(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 5 || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return false
	}
	for _, w := range f {
		if webAddress(w) && !strings.Contains(w, "://") {
			return true
		}
	}
	return false
}

// furnitureWords finds copyright lines (a © or "all rights reserved" in
// any of the languages, anywhere), cookie prompts
// ("cookie" then accept, consent, agree, settings, policy or use) and
// newsletter prompts (newsletter, sign up for, subscribe to, then at most
// 120 characters) anywhere in a short block.
func furnitureWords(s string) bool {
	if strings.IndexByte(s, '\n') >= 0 { // the patterns span one line
		return false
	}
	if strings.Contains(s, "©") { // a copyright line, wherever the sign stands
		return true
	}
	l := strings.ToLower(s)
	if containsAny(l, "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
		"todos os direitos reservados", "tutti i diritti riservati") {
		return true // a copyright line without its sign
	}
	if containsAny(l, legalNotes[:]...) || containsAny(l, subscribeNotes[:]...) ||
		len(l) <= 40 && containsAny(l, dismissButtons[:]...) {
		return true
	}
	if i := wordAt(l, "cookie", true); i >= 0 {
		rest := l[i:]
		for _, w := range [...]string{"accept", "consent", "agree", "settings", "policy", "use"} {
			if strings.Contains(rest, w) {
				return true
			}
		}
	}
	for _, w := range [...]string{"newsletter", "sign up for", "subscribe to"} {
		for off := 0; ; {
			j := wordAt(l[off:], w, false)
			if j < 0 {
				break
			}
			end := off + j
			if utf8.RuneCountInString(l[end:]) <= 120 {
				return true
			}
			off = end
		}
	}
	return false
}

// wordAt finds w in l as a whole word (plural s allowed when plural is set)
// and returns the index just past it, or -1.
func wordAt(l, w string, plural bool) int {
	for off := 0; off < len(l); {
		j := strings.Index(l[off:], w)
		if j < 0 {
			return -1
		}
		start, end := off+j, off+j+len(w)
		if plural && end < len(l) && l[end] == 's' {
			if !wordByteAt(l, end+1) {
				end++
			}
		}
		if !wordByteBefore(l, start) && !wordByteAt(l, end) {
			return end
		}
		off = start + 1
	}
	return -1
}

// wordByteAt reports whether a word character (as regexp's \b sees it:
// ASCII letters, digits, underscore) is at l[i].
func wordByteAt(l string, i int) bool {
	if i >= len(l) {
		return false
	}
	c := l[i]
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func wordByteBefore(l string, i int) bool { return i > 0 && wordByteAt(l, i-1) }
