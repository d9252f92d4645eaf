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
func FeedKeys(s *site.Site, global Key, article func(*site.Article) Key) map[string]Key {
	n := s.Config.FeedItems
	capped := func(list []*site.Article) []*site.Article {
		if n > 0 && len(list) > n {
			return list[:n]
		}
		return list
	}
	key := func(l site.FeedLink, list []*site.Article, days []*site.Day) Key {
		h := NewHasher().Key(global).String(l.Path).String(l.URL).String(l.Type).String(l.Title)
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
			keys[l.Path] = key(l, capped(s.Articles), nil)
		}
	}
	for _, t := range s.Topics {
		for _, l := range t.Feeds {
			keys[l.Path] = key(l, capped(t.Articles), nil)
		}
	}
	return keys
}

// IndexKey is the key of the search index at path: what it shows of every
// article (its shown key: see ShownKey). After an edit of an article's body
// it rarely changes, and making the index only to compare would cost a warm
// build more than the edit itself.
func IndexKey(s *site.Site, global Key, path string, shown func(*site.Article) Key) Key {
	h := NewHasher().Key(global).String(path).Int(int64(len(s.Articles)))
	for _, a := range s.Articles {
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
