package feed

import "github.com/digest-news/digest/generator/site"

// archive writes one archive document of a feed's history (RFC 5005): the
// live feed's format, id and author, its month's articles, fh:archive, and
// links to the live feed (current) and to the archives on either side. It
// names no hub (no one subscribes to an archive) and reads nothing of the
// site that changes with newer articles, so that a closed month keeps its
// bytes.
func (b *builder) archive(a *site.Archive) (File, error) {
	live := a.History.Feed
	c := &channel{title: a.Title, description: a.Title + ".", home: a.Home, self: a.URL,
		id: live.URL, lang: b.site.Config.Language, author: b.author(), archive: true, articles: a.Articles}
	c.links = append(c.links, atomLink{Href: live.URL, Rel: "current", Type: live.Type})
	if a.Older != nil {
		c.links = append(c.links, atomLink{Href: a.Older.URL, Rel: "prev-archive", Type: live.Type})
	}
	if a.Newer != nil {
		c.links = append(c.links, atomLink{Href: a.Newer.URL, Rel: "next-archive", Type: live.Type})
	}
	return b.feed(site.FeedLink{Path: a.Path, Type: live.Type, URL: a.URL}, c)
}

// archiveJobs are the jobs that write the archive documents want accepts.
func (b *builder) archiveJobs(want func(path string) bool) []func() (File, error) {
	var jobs []func() (File, error)
	for _, h := range b.site.Histories {
		for _, a := range h.Archives {
			if want == nil || want(a.Path) {
				jobs = append(jobs, func() (File, error) { return b.archive(a) })
			}
		}
	}
	return jobs
}
