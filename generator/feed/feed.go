package feed

import (
	"fmt"
	"time"

	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/site"
)

// Content returns the full HTML body of an article with every link and image
// URL absolute. The caller renders it; feeds only embed it. It is called
// from several goroutines, once per article.
type Content func(a *site.Article) (string, error)

// Minify returns data, part or whole of the file at path, as the output's
// minifier leaves it. Given one, Each minifies each item once and each
// document's frame once, and hands out every feed minified: an item is in
// the site's feed, its topics' and their archives, and minifying whole
// documents went over each item again in each. nil writes feeds indented.
type Minify func(path string, data []byte) ([]byte, error)

// File is one output file: Path is relative to the output root.
type File struct {
	Path     string
	Data     []byte
	Minified bool // Data is as the Minify given to Each left it
}

// fallbackUpdated dates a feed of a site without any article.
var fallbackUpdated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Each builds every feed, the OPML list, the sitemaps and robots.txt but
// the files whose path want rejects (a build cache keeps them; nil wants
// all), and hands each to put as soon as it is made, from several
// goroutines: holding them all (the archives of years of feeds) would
// weigh on a build's memory.
func Each(s *site.Site, body Content, minify Minify, want func(path string) bool, put func(File) error) error {
	b := &builder{site: s, body: body, minify: minify}
	var jobs []job
	add := func(build func() (File, error)) {
		jobs = append(jobs, func(put func(File) error) error {
			f, err := build()
			if err != nil {
				return err
			}
			return put(f)
		})
	}
	for _, l := range s.Feeds {
		if want == nil || want(l.Path) {
			add(func() (File, error) { return b.siteFeed(l) })
		}
	}
	for _, t := range s.Topics {
		for _, l := range t.Feeds {
			if want == nil || want(l.Path) {
				add(func() (File, error) { return b.feed(l, b.topicChannel(t, l)) })
			}
		}
	}
	jobs = append(jobs, b.archiveJobs(want)...)
	for _, f := range []struct {
		path string
		make func(*site.Site) ([]byte, error)
	}{{"feeds.opml", opml}, {SitemapPath, sitemap}, {"news-sitemap.xml", newsSitemap}, {"robots.txt", robots}} {
		if want != nil && !want(f.path) {
			continue
		}
		add(func() (File, error) {
			data, err := f.make(s)
			if err != nil {
				return File{}, fmt.Errorf("feed: %s: %w", f.path, err)
			}
			return File{Path: f.path, Data: data}, nil
		})
	}
	return parallel.Do(len(jobs), func(i int) error { return jobs[i](put) })
}

// job makes one or more files and hands each to put.
type job func(put func(File) error) error

// builder renders each article body, and marshals each of its items in the
// live feeds, once, however many feeds hold it.
type builder struct {
	site   *site.Site
	body   Content
	minify Minify
	html   memo[*site.Article, string]
	live   itemMemo
}

// content is an article's feed HTML, made once: feeds are written in
// parallel, and one article is in the site's feeds and its topics'.
func (b *builder) content(a *site.Article) (string, error) {
	return b.html.get(a, func() (string, error) {
		html, err := b.body(a)
		if err != nil {
			return "", fmt.Errorf("feed: content of %s: %w", a.Entry.File, err)
		}
		return html, nil
	})
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
	if b.minify != nil {
		c.minify = func(data []byte) ([]byte, error) { return b.minify(l.Path, data) }
	}
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
	return File{Path: l.Path, Data: data, Minified: b.minify != nil}, nil
}
