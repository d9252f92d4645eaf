package cache

import (
	"time"

	"github.com/digest-news/digest/generator/site"
)

// The keys of the files that Go code makes (feeds, search index, sitemap,
// static files): each lists what that code reads.

// FeedKeys are the keys of the feeds by path: what each shows (the articles
// of the site or of a topic it holds, each by its own key, or the days of
// editions.xml), the site's last update, and what every file depends on.
// An archive shows its articles without their bodies: by their shown keys.
func FeedKeys(s *site.Site, global Key, article, shown func(*site.Article) Key) map[string]Key {
	n := s.Config.FeedItems
	capped := func(list []*site.Article) []*site.Article {
		if n > 0 && len(list) > n {
			return list[:n]
		}
		return list
	}
	key := func(l site.FeedLink, list []*site.Article, days []*site.Day) Key {
		h := NewHasher().Key(global).String(l.Path).String(l.URL).String(l.Type).String(l.Title)
		if hist := s.HistoryOf(l.Path); hist != nil && len(hist.Archives) > 0 {
			h.String(hist.Archives[0].URL) // its prev-archive link
		}
		h.Int(s.Updated.UnixNano()).Int(int64(len(list)))
		for _, a := range list {
			h.Key(article(a))
		}
		h.Int(int64(len(days)))
		for _, d := range days {
			h.String(d.URL).Int(int64(len(d.Articles)))
			for _, a := range d.Articles {
				h.Key(article(a))
			}
		}
		return h.Sum()
	}
	keys := map[string]Key{}
	for _, l := range s.Feeds {
		if l.Path == "editions.xml" {
			days := s.Days
			if n > 0 && len(days) > n {
				days = days[:n]
			}
			keys[l.Path] = key(l, nil, days)
		} else {
			keys[l.Path] = key(l, capped(s.Listed), nil)
		}
	}
	for _, t := range s.Topics {
		for _, l := range t.Feeds {
			keys[l.Path] = key(l, capped(t.Articles), nil)
		}
	}
	for _, hist := range s.Histories {
		for _, a := range hist.Archives {
			keys[a.Path] = archiveKey(global, a, shown)
		}
	}
	return keys
}

// archiveKey is the key of an archive document: its place in the chain and
// its articles, and nothing that newer articles change (not the site's last
// update), so that a closed month is kept as it is.
func archiveKey(global Key, a *site.Archive, shown func(*site.Article) Key) Key {
	live := a.History.Feed
	h := NewHasher().Key(global).String(a.Path).String(a.URL).String(a.Title).String(a.Home)
	h.String(live.URL).String(live.Type)
	for _, x := range []*site.Archive{a.Older, a.Newer} {
		if x == nil {
			h.Int(-1)
		} else {
			h.String(x.URL)
		}
	}
	h.Int(int64(len(a.Articles)))
	for _, x := range a.Articles {
		h.Key(shown(x))
	}
	return h.Sum()
}

// IndexKey is the key of the search index at path: what it shows of every
// article (its shown key: see ShownKey). After an edit of an article's body
// it rarely changes, and making the index only to compare would cost a warm
// build more than the edit itself.
func IndexKey(s *site.Site, global Key, path string, shown func(*site.Article) Key) Key {
	h := NewHasher().Key(global).String(path).Int(int64(len(s.Listed)))
	for _, a := range s.Listed {
		h.Key(shown(a))
	}
	return h.Sum()
}

// SitemapKey is the key of the sitemap at path: the path and last change of
// every page it lists, as urls gives them.
func SitemapKey(global Key, path string, urls func(each func(path string, lastmod time.Time))) Key {
	h := NewHasher().Key(global).String(path)
	urls(func(p string, lastmod time.Time) {
		h.String(p).Bool(lastmod.IsZero()).Int(lastmod.UnixNano())
	})
	return h.Sum()
}

// FileKey is the key of a file of the given bytes' hash, which is all it
// depends on besides what every file does.
func FileKey(global Key, name string, sum Key) Key {
	return NewHasher().Key(global).String(name).Key(sum).Sum()
}
