package site

// Feed MIME types, as used in autodiscovery links.
const (
	RSSType  = "application/rss+xml"
	AtomType = "application/atom+xml"
	JSONType = "application/feed+json"
)

func (s *Site) siteFeeds() []FeedLink {
	title := s.Config.Title
	return []FeedLink{
		{Title: title + " (RSS)", Type: RSSType, Path: "feed.xml", URL: s.AbsURL(s.BasePath + "feed.xml")},
		{Title: title + " (Atom)", Type: AtomType, Path: "atom.xml", URL: s.AbsURL(s.BasePath + "atom.xml")},
		{Title: title + " (JSON Feed)", Type: JSONType, Path: "feed.json", URL: s.AbsURL(s.BasePath + "feed.json")},
		{Title: title + ": one item a day", Type: RSSType, Path: "editions.xml", URL: s.AbsURL(s.BasePath + "editions.xml")},
	}
}

func (s *Site) topicFeeds(t *Topic) []FeedLink {
	title := s.Config.Title + ": " + t.Name
	dir := "topics/" + t.Slug + "/"
	return []FeedLink{
		{Title: title + " (RSS)", Type: RSSType, Path: dir + "feed.xml", URL: s.AbsURL(t.URL + "feed.xml")},
		{Title: title + " (Atom)", Type: AtomType, Path: dir + "atom.xml", URL: s.AbsURL(t.URL + "atom.xml")},
	}
}
