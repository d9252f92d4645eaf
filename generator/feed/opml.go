package feed

import (
	"encoding/xml"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// opmlDoc is an OPML 2.0 subscription list.
type opmlDoc struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Head    opmlHead  `xml:"head"`
	Body    []outline `xml:"body>outline"`
}

type opmlHead struct {
	Title        string `xml:"title"`
	DateModified string `xml:"dateModified,omitempty"`
	OwnerName    string `xml:"ownerName,omitempty"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// opml lists every feed: the site's in one group, then the topics' in another.
func opml(s *site.Site) ([]byte, error) {
	doc := &opmlDoc{Version: "2.0", Head: opmlHead{Title: s.Config.Title + ": " + s.Strings.Text("feeds_title"), OwnerName: s.Config.Author}}
	if !s.Updated.IsZero() {
		doc.Head.DateModified = s.Updated.Format(time.RFC1123Z)
	}
	home := s.AbsURL(s.BasePath)
	group := outline{Text: s.Config.Title, Title: s.Config.Title}
	for _, l := range s.Feeds {
		group.Outlines = append(group.Outlines, feedOutline(l, home))
	}
	doc.Body = append(doc.Body, group)
	if len(s.Topics) > 0 {
		name := s.Strings.Text("topics_title")
		topics := outline{Text: name, Title: name}
		for _, t := range s.Topics {
			for _, l := range t.Feeds {
				topics.Outlines = append(topics.Outlines, feedOutline(l, s.AbsURL(t.URL)))
			}
		}
		doc.Body = append(doc.Body, topics)
	}
	return marshalXML(doc)
}

func feedOutline(l site.FeedLink, home string) outline {
	return outline{Text: l.Title, Title: l.Title, Type: "rss", XMLURL: l.URL, HTMLURL: home}
}
