package feed

import (
	"strings"
	"time"

	"github.com/digest-news/digest/generator/locale"
	"github.com/digest-news/digest/generator/site"
	"github.com/gorilla/feeds"
)

// editionsChannel has one item per day (newest first) holding that day's
// digest: the titles linked, grouped by topic, with their summaries.
func (b *builder) editionsChannel(l site.FeedLink) *channel {
	s := b.site
	c := b.newChannel(l, s.Strings.Text("feed_daily_title", s.Config.Title), s.Strings.Text("feed_daily_doc", s.Config.Title), s.AbsURL(s.BasePath))
	days := s.Days
	if n := s.Config.FeedItems; n > 0 && len(days) > n {
		days = days[:n]
	}
	for _, d := range days {
		c.entries = append(c.entries, b.editionEntry(d))
	}
	c.setUpdated(s)
	return c
}

func (b *builder) editionEntry(d *site.Day) *entry {
	var published, updated time.Time
	for _, a := range d.Articles {
		if a.Date.After(published) {
			published = a.Date
		}
		if u := latest(a); u.After(updated) {
			updated = u
		}
	}
	e := &entry{published: published, lang: b.site.Config.Language}
	e.Item = feeds.Item{Title: locale.Capital(b.site.Strings.LongDate(d.Date)), Link: &feeds.Link{Href: b.site.AbsURL(d.URL)},
		Id: editionID(b.site, d), IsPermaLink: "false", Created: published, Updated: updated,
		Description: editionSummary(b.site, d), Content: b.editionHTML(d)}
	for _, g := range d.Groups {
		if g.Topic != nil {
			e.topics = append(e.topics, g.Topic)
		}
	}
	return e
}

// editionSummary is plain text: the count and the topics of the day.
func editionSummary(s *site.Site, d *site.Day) string {
	var names []string
	for _, g := range d.Groups {
		names = append(names, groupName(s, g))
	}
	return s.Strings.Count("n_articles", len(d.Articles)) + ": " + strings.Join(names, ", ") + "."
}

func groupName(s *site.Site, g *site.Group) string {
	if g.Topic == nil {
		return s.Strings.Text("other_news")
	}
	return g.Topic.Name
}

// editionHTML is the day's digest as HTML with absolute links.
func (b *builder) editionHTML(d *site.Day) string {
	var w strings.Builder
	for _, g := range d.Groups {
		w.WriteString("<h2>")
		if g.Topic != nil {
			w.WriteString(`<a href="` + escapeAttr(b.site.AbsURL(g.Topic.URL)) + `">` + escapeText(g.Topic.Name) + "</a>")
		} else {
			w.WriteString(escapeText(groupName(b.site, g)))
		}
		w.WriteString("</h2>\n<ul>\n")
		for _, a := range g.Articles {
			w.WriteString(`<li><a href="` + escapeAttr(a.Permalink) + `">` + escapeText(a.Title) + "</a>")
			if a.Summary != "" {
				w.WriteString("<br>" + escapeText(a.Summary))
			}
			w.WriteString("</li>\n")
		}
		w.WriteString("</ul>\n")
	}
	return w.String()
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escapeAttr(s string) string { return attrEscaper.Replace(s) }

// editionID is a tag: URI (RFC 4151) for a day, built like the articles' ids:
// from id_authority when configured (it may carry its own date), else the host.
func editionID(s *site.Site, d *site.Day) string {
	return s.Config.TagID(d.Date.Format("2006-01-02"), "edition")
}
