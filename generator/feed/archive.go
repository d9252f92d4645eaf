package feed

import "github.com/digest-news/digest/generator/site"

// archive writes one archive document of a feed's history (RFC 5005): the
// live feed's format, id and author, its month's articles, fh:archive, and
// links to the live feed (current) and to the archives on either side. It
// names no hub (no one subscribes to an archive) and reads nothing of the
// site that changes with newer articles, so that a closed month keeps its
// bytes. Its items come from, or go into, items.
func (b *builder) archive(a *site.Archive, items *itemMemo) (File, error) {
	live := a.History.Feed
	c := &channel{title: a.Title, description: a.Title + ".", home: a.Home, self: a.URL,
		id: live.URL, lang: b.site.Config.Language, author: b.author(), archive: true, articles: a.Articles, items: items}
	c.links = append(c.links, atomLink{Href: live.URL, Rel: "current", Type: live.Type})
	if a.Older != nil {
		c.links = append(c.links, atomLink{Href: a.Older.URL, Rel: "prev-archive", Type: live.Type})
	}
	if a.Newer != nil {
		c.links = append(c.links, atomLink{Href: a.Newer.URL, Rel: "next-archive", Type: live.Type})
	}
	return b.feed(site.FeedLink{Path: a.Path, Type: live.Type, URL: a.URL}, c)
}

// archiveJobs are the jobs that write the archive documents want accepts:
// one for each month and format, writing that month's archives of the
// site's feed and of every topic's. An article is in the archives of its
// month only, so the job marshals each of its items once (without content:
// not the live feeds' items) and the items are dropped with the job, where
// a memo of the whole build would hold the items of every archived article
// until the last archive is written.
func (b *builder) archiveJobs(want func(path string) bool) []job {
	type group struct{ month, format string }
	var groups [][]*site.Archive
	index := map[group]int{}
	for _, h := range b.site.Histories {
		for _, a := range h.Archives {
			if want != nil && !want(a.Path) {
				continue
			}
			g := group{a.Month.Format("2006-01"), h.Feed.Type}
			i, ok := index[g]
			if !ok {
				i = len(groups)
				index[g] = i
				groups = append(groups, nil)
			}
			groups[i] = append(groups[i], a)
		}
	}
	var jobs []job
	for _, list := range groups {
		jobs = append(jobs, func(put func(File) error) error {
			var month itemMemo
			for _, a := range list {
				f, err := b.archive(a, &month)
				if err != nil {
					return err
				}
				if err := put(f); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return jobs
}
