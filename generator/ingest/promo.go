package ingest

import (
	"strings"
)

// Boilerplate that pages set around an article in every language ingest
// reads: a call to follow the outlet on a channel, disclosures of
// advertising and affiliate links, notes that the reader is not logged in,
// "load more" and "back" links, rating prompts, picture credits, and the
// author's bio closing the body.

// promoVerbs open a call to follow, subscribe to or download something.
var promoVerbs = [...]string{"follow", "subscribe", "download", "sign up", "join", "get the", "get our", "check out",
	"mira", "mirá", "schau", "regardez", "guarda", "veja",
	"folgen sie", "folge uns", "abonnieren sie", "laden sie", "holen sie sich", "suivez", "abonnez", "téléchargez",
	"síguenos", "suscríbete", "descarga", "únete", "segui", "seguici", "iscriviti", "scarica", "siga", "assine", "baixe"}

// promoChannels are what such a call sends the reader to.
var promoChannels = [...]string{"app", "apps", "newsletter", "twitter", "facebook", "instagram", "whatsapp", "telegram",
	"youtube", "tiktok", "e-mail", "email", "edition", "inbox", "podcast", "kanal", "canal", "channel"}

// promoLine: a short block that opens with a call to action, or has it
// answer a question ("Did you know ...? Join ..."), and names a channel
// ("Follow us on Instagram", "Get the latest news straight to your phone
// with our app"). An author's bio that ends "Follow him on Twitter" is no
// call of the page's.
func promoLine(s string) bool { return len(s) <= promoMax && promoLower(strings.ToLower(s)) }

// promoMax is the longest a call to action runs, in bytes.
const promoMax = 300

// promoLower is promoLine of a lowercased block.
func promoLower(l string) bool {
	l = strings.TrimLeft(l, "*_¡¿ ")
	opens := promoVerb(l)
	for off := 0; !opens; {
		i := strings.Index(l[off:], "? ")
		if i < 0 {
			break
		}
		off += i + 2
		opens = promoVerb(strings.TrimLeft(l[off:], "*_¡¿ "))
	}
	if !opens {
		return false
	}
	for _, c := range promoChannels {
		if wordAt(l, c, false) >= 0 {
			return true
		}
	}
	return false
}

// promoVerb: l opens with one of promoVerbs, as a word.
func promoVerb(l string) bool {
	for _, v := range promoVerbs {
		if strings.HasPrefix(l, v) && (len(l) == len(v) || !isLetterByte(l[len(v)])) {
			return true
		}
	}
	return false
}

// boilerLines are whole short blocks of page chrome, lowercased, beyond
// those furniture knows: log-in notes, "load more", "back to the list",
// rating prompts and disclosures.
var boilerLines = lazyRegexp(`^(?:` + strings.Join([]string{
	`(?:sie sind|du bist) (?:aktuell |derzeit |noch )?nicht (?:eingeloggt|angemeldet).*`,
	`you (?:are|must be) (?:not )?logged in.*`,
	`(?:lade|mehr|weitere) (?:weitere |mehr )?(?:inhalte|artikel|beiträge|nachrichten)(?: laden)?\s*(?:\.\.\.|…)?`,
	`(?:load|show) more(?: stories| articles| posts)?\s*(?:\.\.\.|…)?`,
	`zurück(?: zur (?:übersicht|listenansicht|startseite|liste)| zum (?:seitenanfang|anfang))?`,
	`(?:retour|volver|voltar|torna indietro|indietro)(?: (?:à la liste|a la lista|à l'accueil))?`,
	`(?:war|ist) (?:der|dieser|die|diese) (?:artikel|beitrag|seite|information) (?:nützlich|hilfreich)\?.*`,
	`(?:was|is) this (?:article|page|post|story|information) (?:helpful|useful)\?.*`,
	`(?:\*\s*)?(?:werbung|anzeige|advertising disclosure|affiliate disclosure|disclosure|publicidad)\s*[.:|].{0,160}`,
	`(?:dieses|diesen) (?:skript|artikel|beitrag|dokument) als pdf.{0,30}`,
	`(?:drucken|imprimer|imprimir|stampa|stampare|drukuj)`,
	`\(?alle angaben ohne gewähr\.?\)?`,
	`(?:\.\.\. ?|… ?)?(?:weiter zu[mr]?|weiter mit|nächster artikel|nächste seite|next page|page suivante|página siguiente|pagina successiva) .{1,80}`,
}, "|") + `)$`)

// pictureCredit is a credit line on its own: "Bild: Jana Roth", "Crédits
// photos : AFP", "Foto: Archiv". Group 1 is the credit.
var pictureCredit = lazyRegexp(`(?i)^(?:bild|bilder|foto|fotos|abbildung|grafik|crédits? photos?|crédit|photo|photos|image|créditos?|credito|crediti)\s?:\s?(.{1,60})$`)

// boilerStarts are the first words of boilerLines' patterns.
var boilerStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`sie du you lade mehr weitere load show zurück retour volver voltar torna indietro
		war ist was is werbung anzeige advertising affiliate disclosure publicidad dieses diesen drucken imprimer
		imprimir stampa stampare drukuj alle weiter nächster nächste next page página pagina`) {
		m[w] = true
	}
	return m
}()

// boilerLine: s is one of boilerLines.
func boilerLine(s string) bool {
	return len(s) <= 200 && boilerLower(strings.ToLower(strings.TrimLeft(strings.TrimSpace(s), "*_ ")))
}

// boilerLower is boilerLine of a trimmed, lowercased block.
func boilerLower(l string) bool {
	if len(l) > 200 {
		return false
	}
	if disclaimer(l) || calendar(l) {
		return true
	}
	end := strings.IndexFunc(l, func(r rune) bool { return !isLetterRune(r) })
	if end > 0 && !boilerStarts[l[:end]] || end < 0 && !boilerStarts[l] {
		return false
	}
	return boilerLines().MatchString(l)
}

// legalNotes are the phrases of a site's terms set under every page: the
// ban on copying its material, the terms a visit accepts.
var legalNotes = [...]string{"may not be reproduced", "without the prior written permission", "except with the prior written",
	"constitutes acceptance of", "by using this site, you agree", "nachdruck nur mit", "vervielfältigung nur mit",
	"reproduction interdite", "toute reproduction", "prohibida su reproducción", "prohibida la reproducción",
	"proibida a reprodução", "riproduzione riservata", "vietata la riproduzione"}

// subscribeNotes are what a sign-up form says once it is sent, or that
// one may leave, in the languages ingest reads.
var subscribeNotes = [...]string{"thank you for subscribing", "thanks for subscribing", "successfully subscribed",
	"confirm your subscription", "activate your subscription", "dank für ihre anmeldung", "danke für ihre anmeldung",
	"dank für deine anmeldung", "danke für deine anmeldung",
	"bestätigen sie ihre anmeldung", "merci pour votre inscription", "merci de votre inscription",
	"confirmez votre inscription", "gracias por suscribirte", "confirma tu suscripción", "obrigado por se inscrever",
	"confirme sua inscrição", "grazie per l'iscrizione", "conferma la tua iscrizione",
	// and what it promises beside the field
	"unsubscribe at any time", "unsubscribe anytime", "jederzeit abbestellen", "jederzeit wieder abbestellen",
	"jederzeit abmelden", "jederzeit wieder abmelden", "désabonner à tout moment", "désinscrire à tout moment",
	"darte de baja en cualquier momento", "cancelar tu suscripción en cualquier momento",
	"cancelar sua inscrição a qualquer momento", "descadastrar a qualquer momento", "disiscriverti in qualsiasi momento"}

// dismissButtons turn a sign-up or app prompt down; a short block that
// holds one is the prompt's form.
var dismissButtons = [...]string{"no thanks", "no, thanks", "nein danke", "nein, danke", "non merci", "non, merci",
	"no gracias", "no, gracias", "não obrigado", "não, obrigado", "no grazie", "no, grazie"}

// disclaimers are the notes a page sets under a story of its own standing
// or of its links, lowercased.
var disclaimers = [...]string{"die meinung des autors", "die meinung der autorin", "die meinung der verfasser",
	"the views of the author", "the author's own views", "opinions expressed", "l'opinion de l'auteur",
	"la opinión del autor", "affiliate link", "affiliate-link", "provisionslink", "partnerlink", "partner-link",
	// The disclosure of affiliate posts.
	"may contain affiliate", "contain affiliate links"}

// disclaimer: a short block holding one of disclaimers.
func disclaimer(l string) bool {
	return len(l) >= 20 && len(l) < 250 && containsAny(l, disclaimers[:]...)
}

// calendarWeeks are the weekday initials of a month's calendar widget,
// lowercased, Monday or Sunday first, in the languages ingest reads.
var calendarWeeks = [...]string{"m d m d f s s", "m t w t f s s", "s m t w t f s", "l m m j v s d", "l m x j v s d",
	"s t q q s s d", "l m m g v s d"}

// calendar: a block that holds a month's calendar.
func calendar(l string) bool {
	return strings.Contains(l, " s ") && containsAny(l, calendarWeeks[:]...)
}

// teaserMore: a blurb cut off with an ellipsis and a link to the rest
// ("Auskunft über das Wetter… [mehr](...)"), a teaser of another page.
func teaserMore(md string) bool {
	md = strings.TrimSpace(md)
	i := strings.LastIndex(md, "[")
	if i < 0 || !strings.HasSuffix(md, ")") || !strings.Contains(md[i:], "](") {
		return false
	}
	label := strings.ToLower(strings.Trim(md[i+1:strings.Index(md[i:], "](")+i], " »›>•.…"))
	before := strings.TrimSpace(md[:i])
	return (strings.HasSuffix(before, "…") || strings.HasSuffix(before, "...")) &&
		containsAny(label, "mehr", "more", "weiter", "suite", "más", "mais", "altro", "leggi", "lire", "lesen")
}

func isLetterRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 0x80 && r != 0xa0 }

// authorBio: a closing paragraph that opens with the full name of one of
// the article's authors and goes on about them ("Jana Roth studied law
// before she ..."), the box templates set under a story.
func authorBio(p string, authors []string) bool {
	text := strings.TrimSpace(strings.Trim(plain(p), "*_> "))
	if len(text) > 600 {
		return false
	}
	for _, a := range authors {
		if strings.Count(a, " ") >= 1 && strings.HasPrefix(text, a+" ") {
			return true
		}
	}
	return false
}

// cookieText catches consent banners, however long they run.
func cookieText(s string) bool {
	if len(s) > 1200 {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "cookie") && containsAny(l, cookieWords[:]...)
}

// cookieWords are what a consent banner says beside "cookie", in the
// languages ingest reads.
var cookieWords = [...]string{"consent", "this website uses", "we use cookies", "cookie policy", "cookie settings",
	"necessary cookies", "zustimmung", "einwilligung", "wir verwenden", "verwendet cookies", "cookie-einstellungen",
	"consentement", "nous utilisons", "utilise des cookies", "paramètres des cookies", "consentimiento", "utilizamos cookies",
	"usamos cookies", "utiliza cookies", "consentimento", "utilizamos", "consenso", "utilizziamo", "utilizza cookie",
	"questo sito"}
