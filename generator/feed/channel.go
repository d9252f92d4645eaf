package feed

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/site"
	"github.com/gorilla/feeds"
)

// channel is one feed before it takes a format: what RSS, Atom and JSON Feed
// share, plus the per-item fields gorilla/feeds has no place for.
type channel struct {
	title, description string
	home, self         string // absolute URLs
	lang, author       string // author: the Atom and JSON feed-level fallback
	updated            time.Time
	articles           []*site.Article // the items to come, capped
	entries            []*entry

	id      string                       // Atom id; the self link when empty (an archive has its live feed's)
	links   []atomLink                   // after self: hub, and the links of the feed's history
	hub     string                       // the WebSub hub, for JSON Feed's hubs
	archive bool                         // an archive document (fh:archive)
	items   *itemMemo                    // the articles' marshaled items, shared with other channels
	minify  func([]byte) ([]byte, error) // nil: written indented
}

// entry is a feed item: gorilla's Item plus what its formats lack.
type entry struct {
	feeds.Item
	published time.Time
	authors   []string
	editors   []string
	topics    []*site.Topic
	lang      string
	image     string        // absolute
	picture   *site.Picture // the article's, for media:content
	article   *site.Article // nil for an edition
}

func (b *builder) siteChannel(l site.FeedLink) *channel {
	s := b.site
	c := b.newChannel(l, s.Config.Title, s.Config.Description, s.AbsURL(s.BasePath))
	c.articles = b.capped(s.Listed)
	return c
}

func (b *builder) topicChannel(t *site.Topic, l site.FeedLink) *channel {
	s := b.site
	desc := t.Description
	if desc == "" {
		desc = s.Strings.Text("feed_about", t.Name, s.Config.Title)
	}
	c := b.newChannel(l, s.Config.Title+": "+t.Name, desc, s.AbsURL(t.URL))
	c.articles = b.capped(t.Articles)
	return c
}

func (b *builder) newChannel(l site.FeedLink, title, desc, home string) *channel {
	cfg := b.site.Config
	if desc == "" {
		desc = title
	}
	c := &channel{title: title, description: desc, home: home, self: l.URL,
		lang: cfg.Language, author: b.author(), hub: cfg.WebSubHub, items: &b.live}
	if c.hub != "" {
		c.links = append(c.links, atomLink{Href: c.hub, Rel: "hub"})
	}
	if h := b.site.HistoryOf(l.Path); h != nil && len(h.Archives) > 0 {
		c.links = append(c.links, atomLink{Href: h.Archives[0].URL, Rel: "prev-archive", Type: l.Type})
	}
	return c
}

// author is the desk's name, else the site's.
func (b *builder) author() string {
	if a := b.site.Config.Author; a != "" {
		return a
	}
	return b.site.Config.Title
}

func (b *builder) capped(list []*site.Article) []*site.Article {
	if n := b.site.Config.FeedItems; n > 0 && len(list) > n {
		return list[:n]
	}
	return list
}

// addArticles turns the channel's articles into entries and dates the
// channel. An archive's entries carry no content, only the title, link and
// summary: the full text of every article of every month in every feed
// would make the archives most of the site's bytes, and a build hold every
// body's feed HTML at once.
func (b *builder) addArticles(c *channel) error {
	for _, a := range c.articles {
		html := ""
		if !c.archive {
			var err error
			if html, err = b.content(a); err != nil {
				return err
			}
		}
		c.entries = append(c.entries, articleEntry(a, html))
	}
	c.setUpdated(b.site)
	return nil
}

func articleEntry(a *site.Article, html string) *entry {
	e := &entry{
		Item: feeds.Item{Title: a.Title, Link: &feeds.Link{Href: a.Permalink}, Description: a.Summary,
			Id: a.ID, IsPermaLink: "false", Created: a.Date, Updated: latest(a), Content: html},
		published: a.Date, authors: a.Authors, editors: a.Editors, topics: a.Topics, lang: a.Lang, article: a,
	}
	if pic := a.Picture; pic != nil {
		e.image, e.picture = absolute(a.Permalink, pic.URL), pic
		if pic.Length > 0 && pic.Type != "" {
			// RSS enclosure and Atom rel="enclosure" (gorilla writes both),
			// which need the length: only a local picture's is known.
			e.Enclosure = &feeds.Enclosure{Url: e.image, Length: strconv.FormatInt(pic.Length, 10), Type: pic.Type}
		}
	}
	return e
}

// setUpdated dates the channel by its newest entry.
func (c *channel) setUpdated(s *site.Site) {
	c.updated = time.Time{}
	for _, e := range c.entries {
		if e.Updated.After(c.updated) {
			c.updated = e.Updated
		}
	}
	if c.updated.IsZero() {
		c.updated = s.Updated
	}
	if c.updated.IsZero() {
		c.updated = fallbackUpdated
	}
}

// gorilla is the channel as gorilla/feeds' Feed, without its items.
func (c *channel) gorilla() *feeds.Feed {
	return &feeds.Feed{Title: c.title, Link: &feeds.Link{Href: c.home}, Description: c.description,
		Id: c.self, Updated: c.updated}
}

// latest is when an article last changed.
func latest(a *site.Article) time.Time {
	if a.Updated.After(a.Date) {
		return a.Updated
	}
	return a.Date
}

// absolute resolves ref against base; a reference that does not parse is kept.
func absolute(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}
