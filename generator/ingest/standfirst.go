package ingest

import (
	"strings"
)

// The standfirst (dek, teaser, Vorspann) under a headline is part of the
// story, but extractors often leave it out: it stands in the header, apart
// from the body's column. Most pages declare the same text as their
// description, so a description that the page also shows, and that the body
// lacks, is the standfirst, and opens the body. A description the page does
// not show is a search engine's summary and stays out.

// A description is taken for a standfirst when it has from standfirstWords
// words (a shorter one is a slogan or a label) to standfirstMax (a longer
// one is the story itself, or its lead).
const (
	standfirstWords = 8
	standfirstMax   = 60
)

// addStandfirst opens a's body with its declared description when the
// visible text shows it and the body does not hold it.
func addStandfirst(a *Article, vis *visText) {
	desc := strings.TrimSpace(a.Summary)
	if vis == nil || len(a.Paras) == 0 || strings.HasSuffix(desc, "...") || strings.HasSuffix(desc, "…") {
		return // a cut description is a summary, not the standfirst itself
	}
	w := words(desc)
	n := strings.Count(w, " ") + 1
	if n < standfirstWords || n > standfirstMax {
		return
	}
	var body strings.Builder
	for _, p := range a.Paras {
		body.WriteString(plain(p))
		body.WriteByte('\n')
	}
	// The body holds it when it holds its second half: the first may be
	// a dateline or a kicker the news rules cut.
	half := strings.Join(strings.Fields(w)[n/2:], " ")
	if strings.Contains(words(body.String()), half) || !strings.Contains(words(vis.b.String()), w) {
		return
	}
	a.Paras = append([]string{escapeMarkdown(desc)}, a.Paras...)
}

// escapeMarkdown writes plain text as a Markdown paragraph that renders as
// the same text: the characters that would open emphasis, code, links or
// raw HTML are escaped, and so is a start that would make a heading, a
// quote or a list item.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\*_`[]<", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out != "" && strings.ContainsRune("#>-+=|", rune(out[0])) {
		out = "\\" + out
	}
	if i := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (out[i] == '.' || out[i] == ')') {
		out = out[:i] + "\\" + out[i:]
	}
	return out
}
