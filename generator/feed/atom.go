package feed

import (
	"time"

	"github.com/digest-news/digest/generator/site"
	"github.com/gorilla/feeds"
)

// atomDoc extends gorilla's Atom feed with xml:lang and an alternate and a
// self link (gorilla/feeds#111). Links and Entries replace the embedded
// fields (a shallower field wins in encoding/xml), so entries stay last.
type atomDoc struct {
	*feeds.AtomFeed
	Lang      string       `xml:"xml:lang,attr,omitempty"`
	HistoryNS string       `xml:"xmlns:fh,attr,omitempty"`
	Links     []atomLink   `xml:"link"`
	Archive   *struct{}    `xml:"fh:archive,omitempty"`
	Entries   []*atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// atomEntry extends gorilla's entry with xml:lang, several authors and
// contributors, and categories with a term and a label.
type atomEntry struct {
	*feeds.AtomEntry
	Lang         string                  `xml:"xml:lang,attr,omitempty"`
	Authors      []feeds.AtomAuthor      `xml:"author"`
	Contributors []feeds.AtomContributor `xml:"contributor"`
	Categories   []atomCategory          `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

func (c *channel) atom() ([]byte, error) {
	af := (&feeds.Atom{Feed: c.gorilla()}).AtomFeed()
	af.Id = c.self
	if c.id != "" {
		af.Id = c.id
	}
	af.Link = nil
	af.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: c.author}}
	doc := &atomDoc{AtomFeed: af, Lang: c.lang, Links: append([]atomLink{
		{Href: c.home, Rel: "alternate", Type: "text/html"},
		{Href: c.self, Rel: "self", Type: site.AtomType},
	}, c.links...)}
	if c.archive {
		doc.HistoryNS, doc.Archive = nsHistory, &struct{}{}
	}
	entries := make([][]byte, len(c.entries))
	for i, e := range c.entries {
		var err error
		entries[i], err = c.item(e, site.AtomType, func() ([]byte, error) { return marshalItem(e.atom(), &atomEntryEncoders) })
		if err != nil {
			return nil, err
		}
	}
	return c.marshalWithItems(doc, atomTail, entries)
}

// atom is the entry as an Atom entry.
func (e *entry) atom() *atomEntry {
	ae := (&feeds.Atom{Feed: &feeds.Feed{Items: []*feeds.Item{&e.Item}}}).AtomFeed().Entries[0]
	ae.Published = e.published.Format(time.RFC3339)
	ae.Summary = nil
	if e.Description != "" {
		// as HTML, so that a "<" in the text is not taken for markup
		ae.Summary = &feeds.AtomSummary{Content: escapeText(e.Description), Type: "html"}
	}
	for i := range ae.Links {
		if ae.Links[i].Rel == "alternate" {
			ae.Links[i].Type = "text/html"
		}
	}
	ae.Author = nil
	x := &atomEntry{AtomEntry: ae, Lang: e.lang}
	for _, name := range e.authors {
		x.Authors = append(x.Authors, feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: name}})
	}
	for _, name := range e.editors {
		x.Contributors = append(x.Contributors, feeds.AtomContributor{AtomPerson: feeds.AtomPerson{Name: name}})
	}
	for _, t := range e.topics {
		x.Categories = append(x.Categories, atomCategory{Term: t.Slug, Label: t.Name})
	}
	return x
}
