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

// addStandfirst opens a's body with its standfirst, when the body does not
// hold it: the declared description where the visible text shows it, or
// the line under the headline that the description cuts short ("The
// county reopens the ferry crossing, and ...").
func addStandfirst(a *Article, vis *visText) {
	if vis == nil || len(a.Paras) == 0 {
		return
	}
	desc := strings.TrimSpace(a.Summary)
	cut := strings.HasSuffix(desc, "...") || strings.HasSuffix(desc, "…")
	f := strings.Fields(words(desc))
	if cut && len(f) > 0 {
		f = f[:len(f)-1] // the last word may be cut too
	}
	if len(f) < standfirstWords || len(f) > standfirstMax {
		return
	}
	w := strings.Join(f, " ")
	text := ""
	if !cut && strings.Contains(words(vis.b.String()), w) {
		text = desc
	} else if text = vis.lineOpening(w); text == "" {
		return
	}
	tw := strings.Fields(words(text))
	if len(tw) > standfirstMax {
		return
	}
	var body strings.Builder
	for _, p := range a.Paras {
		body.WriteString(plain(p))
		body.WriteByte('\n')
	}
	// The body holds it when it holds its second half: the first may be
	// a dateline or a kicker the news rules cut.
	if strings.Contains(words(body.String()), strings.Join(tw[len(tw)/2:], " ")) {
		return
	}
	a.Paras = append([]string{escapeMarkdown(text)}, a.Paras...)
}

// lineOpening is the first of the few lines under the headline whose words
// open with w, or "".
func (v *visText) lineOpening(w string) string {
	if v.start < 0 {
		return ""
	}
	text := v.b.String()
	lines := strings.Split(text[v.end:min(len(text), v.end+visAfter*2)], "\n")
	seen := 0
	for _, l := range lines {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if strings.HasPrefix(words(l), w) && !strings.HasSuffix(l, "...") && !strings.HasSuffix(l, "…") {
			return l // a line cut off itself is a teaser
		}
		if seen++; seen == 4 {
			break
		}
	}
	return ""
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
