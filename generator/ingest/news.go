package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameSeparators turn the ways a byline joins names into commas.
var nameSeparators = strings.NewReplacer(" and ", ",", " & ", ",", "; ", ",")

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
