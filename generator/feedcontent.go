package generator

import (
	"fmt"
	"html"
	"strings"

	"github.com/digest-news/digest/generator/site"
)

// feedContent is an article as feed readers show it: the curator's note, the
// body, then where the story was first reported, with every URL absolute.
func feedContent(s *site.Site, a *site.Article, body []byte) (string, error) {
	doc, err := converter.ConvertFeed(body, feedLinks(s, a))
	if err != nil {
		return "", fmt.Errorf("%s: %w", a.Entry.File, err)
	}
	return feedItem(s, a, doc.HTML)
}

// feedItem wraps an article's body, converted for feeds, with its note and source.
func feedItem(s *site.Site, a *site.Article, body string) (string, error) {
	var b strings.Builder
	// Corrections come first: a reader that shows an updated item again
	// (Atom updated, JSON Feed date_modified), or an RSS reader that keeps
	// the item by its guid and shows its new content, tells what changed.
	for _, c := range a.Corrections {
		fmt.Fprintf(&b, "<p><strong>%s</strong> %s</p>\n",
			html.EscapeString(s.Strings.Text("correction_on", s.Strings.LongDate(c.Date))), html.EscapeString(c.Text))
	}
	if a.Entry.Note != "" {
		note, err := converter.ConvertFeed([]byte(a.Entry.Note), feedLinks(s, a))
		if err != nil {
			return "", fmt.Errorf("%s: note: %w", a.Entry.File, err)
		}
		b.WriteString("<blockquote><p><strong>" + html.EscapeString(s.Strings.Text("why_it_matters")) + "</strong></p>\n")
		b.WriteString(note.HTML)
		b.WriteString("</blockquote>\n")
	}
	b.WriteString(body)
	if a.Source != "" {
		b.WriteString("<p>" + html.EscapeString(s.Strings.Text("reported_by")) + " ")
		if a.SourceURL != "" {
			fmt.Fprintf(&b, `<a href="%s">%s</a>`, html.EscapeString(a.SourceURL), html.EscapeString(a.Source))
		} else {
			b.WriteString(html.EscapeString(a.Source))
		}
		b.WriteString(".</p>\n")
	}
	alsoLine(&b, s, a)
	return b.String(), nil
}

// alsoLine names the other outlets that reported the story, after the
// source: readers see them as the page's "Also covered by" shows them.
func alsoLine(b *strings.Builder, s *site.Site, a *site.Article) {
	if len(a.Also) == 0 {
		return
	}
	b.WriteString("<p>" + html.EscapeString(s.Strings.Text("also_covered_by")) + " ")
	for i, o := range a.Also {
		if i > 0 {
			b.WriteString(", ")
		}
		name := html.EscapeString(o.Source)
		if o.Title != "" {
			name += " (<cite>" + html.EscapeString(o.Title) + "</cite>)"
		}
		if o.SourceURL != "" {
			fmt.Fprintf(b, `<a href="%s">%s</a>`, html.EscapeString(o.SourceURL), name)
		} else {
			b.WriteString(name)
		}
	}
	b.WriteString(".</p>\n")
}
