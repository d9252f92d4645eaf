package site

import (
	"path"
	"time"
)

// History is the archive chain of one live RSS or Atom feed (RFC 5005
// archived feeds): the live feed holds the newest Config.FeedItems
// articles, and each Archive one month of the articles it no longer holds.
// Following the chain from the live feed gives every listed article once.
//
// A month is cut where the live feed ends: the newest archive holds the
// articles of its month that the live feed does not, and fills as articles
// leave the live feed, until the live feed reaches into a newer month. Every
// older archive is closed: its articles (all of its month) and its links
// change only when one of them is edited, expires or moves to another
// month. Months without articles have no archive; the chain steps over them.
type History struct {
	Feed     FeedLink   // the live feed
	Archives []*Archive // newest first; none when the live feed holds everything
}

// Archive is one archive document of a History.
type Archive struct {
	Month    time.Time // first day of the month, site timezone
	Title    string
	Path     string     // output file: archive/2026/11/feed.xml, topics/<t>/archive/2026/11/atom.xml
	URL      string     // absolute
	Home     string     // absolute: the page the archive stands for (the month's, or the topic's)
	Articles []*Article // newest first
	Newer    *Archive
	Older    *Archive
	History  *History
}

// HistoryOf is the archive chain of the live feed at path (feed.xml,
// topics/<t>/atom.xml), nil for a feed without one (feed.json,
// editions.xml).
func (s *Site) HistoryOf(path string) *History { return s.histories[path] }

// buildHistories makes the chains of the site's and each topic's RSS and
// Atom feeds.
func (s *Site) buildHistories() {
	s.histories = map[string]*History{}
	add := func(l FeedLink, title string, list []*Article, home func(time.Time) string) {
		h := &History{Feed: l}
		s.Histories = append(s.Histories, h)
		s.histories[l.Path] = h
		n := s.Config.FeedItems
		if n <= 0 || len(list) <= n {
			return
		}
		for _, month := range byMonth(list[n:]) {
			m := month[0].Date
			a := &Archive{Month: time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, m.Location()), Articles: month, History: h}
			a.Path = path.Join(path.Dir(l.Path), "archive", m.Format("2006/01"), path.Base(l.Path))
			a.URL = s.AbsURL(s.BasePath + a.Path)
			a.Title = s.Strings.Text("feed_archive", title, s.Strings.MonthYear(m))
			a.Home = home(a.Month)
			if k := len(h.Archives); k > 0 {
				h.Archives[k-1].Older, a.Newer = a, h.Archives[k-1]
			}
			h.Archives = append(h.Archives, a)
		}
	}
	monthPage := func(m time.Time) string { return s.AbsURL(s.BasePath + m.Format("2006/01") + "/") }
	for _, l := range s.Feeds {
		if l.Type != JSONType && l.Path != "editions.xml" {
			add(l, s.Config.Title, s.Listed, monthPage)
		}
	}
	for _, t := range s.Topics {
		for _, l := range t.Feeds {
			add(l, s.Config.Title+": "+t.Name, t.Articles, func(time.Time) string { return s.AbsURL(t.URL) })
		}
	}
}

// byMonth cuts a newest-first list into its months.
func byMonth(list []*Article) [][]*Article {
	var out [][]*Article
	start := 0
	for i := 1; i <= len(list); i++ {
		if i == len(list) || !sameMonth(list[i].Date, list[start].Date) {
			out = append(out, list[start:i:i])
			start = i
		}
	}
	return out
}

func sameMonth(a, b time.Time) bool { return a.Year() == b.Year() && a.Month() == b.Month() }
