package feed

import (
	"fmt"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// Content returns the full HTML body of an article with every link and image
// URL absolute. The caller renders it; feeds only embed it.
type Content func(a *site.Article) (string, error)

// File is one output file: Path is relative to the output root.
type File struct {
	Path string
	Data []byte
}

// fallbackUpdated dates a feed of a site without any article.
var fallbackUpdated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Files builds every feed, the OPML list, the sitemaps and robots.txt.
func Files(s *site.Site, body Content) ([]File, error) { return Only(s, body, nil) }

// Only is Files without the feeds whose path want rejects (a build cache
// keeps them); the OPML list, the sitemaps and robots.txt always come.
func Only(s *site.Site, body Content, want func(path string) bool) ([]File, error) {
	b := &builder{site: s, body: body, html: map[*site.Article]string{}}
	var out []File
	for _, l := range s.Feeds {
		if want != nil && !want(l.Path) {
			continue
		}
		f, err := b.siteFeed(l)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	for _, t := range s.Topics {
		for _, l := range t.Feeds {
			if want != nil && !want(l.Path) {
				continue
			}
			f, err := b.feed(l, b.topicChannel(t, l))
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	for _, f := range []struct {
		path string
		make func(*site.Site) ([]byte, error)
	}{{"feeds.opml", opml}, {"sitemap.xml", sitemap}, {"news-sitemap.xml", newsSitemap}, {"robots.txt", robots}} {
		data, err := f.make(s)
		if err != nil {
			return nil, fmt.Errorf("feed: %s: %w", f.path, err)
		}
		out = append(out, File{Path: f.path, Data: data})
	}
	return out, nil
}

// builder renders each article body once, however many feeds hold it.
type builder struct {
	site *site.Site
	body Content
	html map[*site.Article]string
}

func (b *builder) content(a *site.Article) (string, error) {
	if h, ok := b.html[a]; ok {
		return h, nil
	}
	h, err := b.body(a)
	if err != nil {
		return "", fmt.Errorf("feed: content of %s: %w", a.Entry.File, err)
	}
	b.html[a] = h
	return h, nil
}

func (b *builder) siteFeed(l site.FeedLink) (File, error) {
	if l.Path == "editions.xml" {
		return b.write(l, b.editionsChannel(l))
	}
	return b.feed(l, b.siteChannel(l))
}

// feed fills a channel of articles and writes it in the link's format.
func (b *builder) feed(l site.FeedLink, c *channel) (File, error) {
	if err := b.addArticles(c); err != nil {
		return File{}, err
	}
	return b.write(l, c)
}

func (b *builder) write(l site.FeedLink, c *channel) (File, error) {
	var data []byte
	var err error
	switch l.Type {
	case site.RSSType:
		data, err = c.rss()
	case site.AtomType:
		data, err = c.atom()
	case site.JSONType:
		data, err = c.json()
	default:
		err = fmt.Errorf("unknown feed type %q", l.Type)
	}
	if err != nil {
		return File{}, fmt.Errorf("feed: %s: %w", l.Path, err)
	}
	return File{Path: l.Path, Data: data}, nil
}
