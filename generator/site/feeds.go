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
		{Title: title + " (RSS)", Type: RSSType, Format: "RSS", Path: "feed.xml", URL: s.AbsURL(s.BasePath + "feed.xml")},
		{Title: title + " (Atom)", Type: AtomType, Format: "Atom", Path: "atom.xml", URL: s.AbsURL(s.BasePath + "atom.xml")},
		{Title: title + " (JSON Feed)", Type: JSONType, Format: "JSON Feed", Path: "feed.json", URL: s.AbsURL(s.BasePath + "feed.json")},
		{Title: s.Strings.Text("feed_daily", title), Type: RSSType, Format: "RSS", Daily: true, Path: "editions.xml", URL: s.AbsURL(s.BasePath + "editions.xml")},
	}
}

// topicFeeds are a topic's feeds; a topic without articles has none, as a
// feed without items is refused by strict readers and validators.
func (s *Site) topicFeeds(t *Topic) []FeedLink {
	if len(t.Articles) == 0 {
		return nil
	}
	title := s.Config.Title + ": " + t.Name
	dir := "topics/" + t.Slug + "/"
	return []FeedLink{
		{Title: title + " (RSS)", Type: RSSType, Format: "RSS", Path: dir + "feed.xml", URL: s.AbsURL(t.URL + "feed.xml")},
		{Title: title + " (Atom)", Type: AtomType, Format: "Atom", Path: dir + "atom.xml", URL: s.AbsURL(t.URL + "atom.xml")},
	}
}
