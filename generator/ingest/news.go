package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameSeparators turn the ways a byline joins names into commas.
var nameSeparators = strings.NewReplacer(" and ", ",", " & ", ",", "; ", ",")

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
	`source: .{1,40}`,
	`(?:caption|continue reading(?: the (?:main )?story| below)?|this slideshow requires javascript\.?|don'?t miss)`,
	`(?:filed under|tags|categories|category):.*`,
	`(?:posted|filed) in .{1,100}`,
	`\d+\s*min(?:ute)?s?\.? read|(?:estimated )?reading time:? .{0,20}`,
	`<!--.*-->`, // a comment the page showed as text
	`(?:□\s*)?[^\s/]{1,200}\.(?:jpe?g|png|gif|webp|svg)`, // an image's file name as its alt text
}, "|") + `)$`)

// wall matches blocks that end an article: what follows is comments,
// sharing or other stories, never more of the body.
var wall = lazyRegexp(`(?i)^(?:` + strings.Join([]string{
	`share this(?: article| story)?:?`,
	`\d+ comments?`,
	`comments?(?: \(\d+\))?:?`,
	`there (?:are|is) (?:\d+|no|one) (?:comments?|responses?|replies)`,
	`(?:\d+|one) (?:thoughts?|responses?|replies|repl(?:y|ies)) (?:on|to) .{1,150}`,
	`leave a (?:reply|comment)`,
	`(?:post a|add a|join the) (?:comment|discussion|conversation)`,
	`\d+\.? .{1,40} says:`,
	`.{1,40} says:`,
	`(?:related|more) (?:posts|articles|stories|coverage|news)`,
	`you (?:may|might) also (?:like|enjoy)(?:\.\.\.|…|:)?`,
	`(?:most (?:read|popular|viewed)|trending now|recommended for you|read next|what to read next)`,
	`about the author`,
	// The links to the stories before and after this one close it, with
	// their arrows, side by side, or with the other story's headline.
	postNav + `(?:\s+` + postNav + `)*(?: home)?(?:\s*:.{0,150})?`,
	`(?:latest|breaking|related|top|more) (?:news|stories|headlines)`,
	`related coverage(?: from)?.{0,80}`,
	// The same in German, French, Spanish, Portuguese and Italian.
	`(?:kommentare?|commentaires?|comentarios?|comentários?|commenti)(?: \(\d+\))?:?`,
	`(?:\d+|keine|ein|aucun|un|no hay|sem|nessun) (?:kommentare?|commentaires?|comentarios?|comentários?|commenti?)(?: \(.{1,80}\))?`,
	`(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) einen kommentar.{0,40}`,
	`kommentare? (?:schreiben|verfassen|hinzufügen|abgeben).{0,20}`,
	`(?:laisser|laissez|écrire) un commentaire|(?:deja|dejá|envía|enviá|escribe|escribí) (?:un|tu) comentario|deixe (?:um|seu) comentário|lascia un commento`,
	`(?:diesen |den )?(?:artikel|beitrag) (?:mit .{1,30} )?(?:teilen|empfehlen)(?:/\pL+)?(?: mit .{1,30})?:?`,
	`(?:ähnliche|verwandte|weitere) (?:artikel|beiträge|nachrichten|meldungen)`,
	`(?:articles? (?:similaires|liés)|sur le même sujet|dans la même rubrique)`,
	`(?:noticias|artículos|notas|notícias|artigos|matérias|articoli|notizie) (?:relacionad[oa]s|correlat[ie])`,
	`(?:über den autor|über die autorin|à propos de l'auteur|sobre el autor|sobre o autor|sull'autore)`,
}, "|") + `)$`)

func isWall(s string) bool {
	if len(s) >= 120 {
		return false
	}
	s = strings.TrimSpace(s)
	return mayBeWall(s) && wall().MatchString(s) || aboutName(s)
}

// wallStarts are the first words of wall's patterns, lowercased; a block
// that opens with another word (or a digit) and does not end "says:"
// matches none of them.
var wallStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`share comment comments there one leave post add join related more you most
		trending recommended read what about latest breaking top kommentar kommentare commentaire commentaires
		comentario comentarios comentários commenti keine ein aucun un no sem nessun schreibe schreiben hinterlasse
		hinterlassen laisser laissez écrire deja dejá envía enviá escribe escribí deixe lascia diesen den artikel
		beitrag ähnliche verwandte weitere articles article sur dans noticias artículos notas notícias artigos
		matérias articoli notizie über à sobre sull previous next older newer vorheriger nächster voriger billet
		artículo artigo articolo próximo`) {
		m[w] = true
	}
	return m
}()

func mayBeWall(s string) bool {
	if strings.HasSuffix(s, "says:") {
		return true
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end == 0 {
		return true
	}
	if end < 0 {
		end = len(s)
	}
	return wallStarts[strings.ToLower(s[:end])]
}

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
		potrebbe vous das auch`) {
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
	if containsAny(l, legalNotes[:]...) {
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

// captionCredit finds a photo credit closing a caption.
var captionCredit = lazyRegexp(`(?:^|[\s.(])(` + strings.Join([]string{
	`REUTERS/[\p{L}][\p{L}.'\- ]*[\p{L}.](?:/File(?: Photo)?)?`,
	`(?:AP|AFP) Photo/[\p{L}][\p{L}.'\- ]*[\p{L}.](?:, File)?`,
	`(?:Photograph|Photo|Picture|Image|Credit)s?: [^\n]{2,80}`,
	`(?:[\p{L}. '-]+/)?(?:AFP|Getty Images|EPA(?:-EFE)?|AP|PA(?: Media| Wire)?|Bloomberg|Shutterstock|Xinhua|Anadolu(?: Agency)?)(?: via Getty Images)?(?:/[\p{L}][\p{L}.'\- ]*[\p{L}.])?`,
}, "|") + `)\)?$`)

// cutCaption splits a caption block into caption and credit; ok is false
// when the block does not end with a photo credit.
func cutCaption(s string) (caption, credit string, ok bool) {
	if len(s) > 600 {
		return "", "", false
	}
	if caption, credit, ok := cutLabelledCredit(s); ok {
		return caption, credit, true
	}
	// Credits are short and at the end: match only the tail.
	off := 0
	if len(s) > 160 {
		off = len(s) - 160
		for off < len(s) && !utf8.RuneStart(s[off]) {
			off++
		}
	}
	if !creditHint(s[off:]) {
		return "", "", false
	}
	m := captionCredit().FindStringSubmatchIndex(s[off:])
	if m == nil {
		return "", "", false
	}
	m[2], m[3] = m[2]+off, m[3]+off
	caption = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[:m[2]]), "(|-–—"))
	credit = strings.TrimSpace(s[m[2]:m[3]])
	for _, p := range []string{"Photograph: ", "Photo: ", "Picture: ", "Image: ", "Credit: ", "Photographs: ", "Photos: "} {
		credit = strings.TrimPrefix(credit, p)
	}
	// A sentence that merely ends with an agency name is prose, not a caption.
	if strings.HasSuffix(caption, ",") || len(strings.Fields(caption)) > 80 {
		return "", "", false
	}
	return caption, credit, true
}

// creditWords are the literal words captionCredit needs, one of which
// every credit holds: most blocks hold none and skip the pattern.
var creditWords = [...]string{"REUTERS/", "Photo", "Picture", "Image", "Credit", "AFP", "Getty Images", "EPA", "AP",
	"PA", "Bloomberg", "Shutterstock", "Xinhua", "Anadolu"}

func creditHint(s string) bool {
	for _, w := range creditWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dateline matches the place (and agency) opening a wire story:
// "WASHINGTON (Reuters) - ", "LONDON, March 3 - ", "PARIS (AFP) — ".
var dateline = lazyRegexp(`^((?:[A-Z][A-Z.'\-]+|[A-Z][A-Z.'\-]+ [A-Z][A-Z.'\-]+|[A-Z][A-Z.'\-]+ [A-Z][A-Z.'\-]+ [A-Z][A-Z.'\-]+)(?:, [A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?)?)(?:,? ([A-Z][a-z]{2,8}\.? \d{1,2}))?\s*(?:\(([A-Za-z][\w .&-]{0,30})\))?\s*[-–—]+\s+`)

// agencyDateline matches a place written in ordinary case when a known
// agency follows it: "Kansas City (Reuters) - ", "São Paulo, March 3
// (AFP) — ".
var agencyDateline = lazyRegexp(`^((?:[\p{Lu}][\p{L}.'\-]+ ){0,2}[\p{Lu}][\p{L}.'\-]+(?:, [\p{Lu}][\p{L}.]+)?)(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*\(([A-Za-z][\w .&-]{0,30})\)\s*[-–—]+\s+`)

// cutAgencyDateline is cutDateline for agencyDateline, whose agency must
// be a known one.
func cutAgencyDateline(p string) (rest, place, agency string) {
	a := agencyDateline().FindStringSubmatch(p)
	if a == nil || agencies[strings.ToLower(a[2])] == "" || len(a[0]) >= len(p)-20 {
		return p, "", ""
	}
	return p[len(a[0]):], a[1], a[2]
}

// cutDateline removes a dateline from a first paragraph and returns it with
// the agency it names.
func cutDateline(p string) (rest, place, agency string) {
	m := dateline().FindStringSubmatch(p)
	if m == nil {
		return cutAgencyDateline(p)
	}
	if len(m[0]) >= len(p)-20 {
		return p, "", ""
	}
	if m[3] == "" && m[2] == "" && !strings.Contains(m[1], ",") && len(m[1]) < 3 {
		return p, "", ""
	}
	return p[len(m[0]):], m[1], m[3]
}

// creditLine matches "Reporting by A; Editing by B and C" and its variants.
var creditLine = lazyRegexp(`(?i)^\(?\s*(?:(?:additional )?reporting|writing|editing|compiled|edited|written|reported|translated|graphics?) by\b`)

var creditPart = lazyRegexp(`(?i)(additional reporting|reporting|writing|written|reported|compiled|editing|edited|translated|graphics?) by ([^;]+)`)

// parseCredits reads a credit line into authors and editors.
func parseCredits(s string) (authors, editors []string) {
	s = strings.Trim(strings.TrimSpace(s), "()")
	for _, m := range creditPart().FindAllStringSubmatch(s, -1) {
		names := splitNames(m[2])
		switch strings.ToLower(m[1]) {
		case "editing", "edited":
			editors = append(editors, names...)
		case "reporting", "writing", "written", "reported", "additional reporting":
			authors = append(authors, names...)
		}
	}
	return authors, editors
}

// splitNames splits "A, B and C in Paris" into names.
func splitNames(s string) []string {
	s = strings.TrimRight(strings.TrimSpace(s), ")")
	if !initialEnd(s) {
		s = strings.TrimRight(s, ".")
	}
	s = nameSeparators.Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if i := strings.Index(n, " in "); i > 0 {
			n = n[:i]
		}
		if i := strings.Index(n, " at "); i > 0 {
			n = n[:i]
		}
		if n != "" && len(strings.Fields(n)) <= 5 {
			out = append(out, n)
		}
	}
	return out
}

// initialEnd reports whether s ends with an initial or a suffix whose dot
// belongs to the name: "Perry Bacon Jr.", "Nicolas Gutierrez C.".
func initialEnd(s string) bool {
	w, ok := strings.CutSuffix(s, ".")
	if !ok || !strings.Contains(w, " ") {
		return false
	}
	w = w[strings.LastIndexByte(w, ' ')+1:]
	r := []rune(w)
	return len(r) == 1 && unicode.IsUpper(r[0]) || w == "Jr" || w == "Sr"
}

// byline matches "By Jane Doe" and "By Jane Doe and John Roe, Reuters".
var byline = lazyRegexp(`^(?i:by|von|par|por|di):?\s+([\p{Lu}][\p{L}.'\-]+(?:\s+[\p{Lu}][\p{L}.'\-]+){0,3}(?:(?:,\s*|\s+and\s+)[\p{Lu}][\p{L}.'\-]+(?:\s+[\p{Lu}][\p{L}.'\-]+){0,3})*)\s*(?:[,|-]\s*(.{0,40}))?$`)

// agencies are sources a byline or dateline may name.
var agencies = map[string]string{
	"reuters": "Reuters", "ap": "AP", "associated press": "Associated Press", "afp": "AFP",
	"bbc": "BBC", "bbc news": "BBC News", "the guardian": "The Guardian", "guardian": "The Guardian",
	"bloomberg": "Bloomberg", "pa": "PA", "dpa": "dpa", "upi": "UPI", "xinhua": "Xinhua",
}
