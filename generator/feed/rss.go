package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"sync"

	"github.com/digest-news/digest/generator/site"
	"github.com/gorilla/feeds"
)

// XML namespaces the feeds declare.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsHistory = "http://purl.org/syndication/history/1.0" // RFC 5005
	nsMedia   = "http://search.yahoo.com/mrss/"
)

// rssDoc is gorilla's RSS document with the atom and dc namespaces declared.
type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	ContentNS string   `xml:"xmlns:content,attr"`
	AtomNS    string   `xml:"xmlns:atom,attr"`
	DCNS      string   `xml:"xmlns:dc,attr"`
	HistoryNS string   `xml:"xmlns:fh,attr,omitempty"`
	MediaNS   string   `xml:"xmlns:media,attr,omitempty"` // when an item has a picture
	Channel   *rssChannel
}

// rssChannel extends gorilla's channel with atom:link rel="self" and the
// other links of the channel (hub, archives), and fh:archive; its Items
// replace the embedded ones (a shallower field wins in encoding/xml) and so
// come last, after the links.
type rssChannel struct {
	*feeds.RssFeed
	Links   []rssLink  `xml:"atom:link"`
	Archive *struct{}  `xml:"fh:archive,omitempty"`
	Items   []*rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// rssItem extends gorilla's item with one category per topic and Dublin Core
// creators and contributors (RSS author must be an email address), and the
// item's language when not the channel's (RSS has no element of its own).
type rssItem struct {
	*feeds.RssItem
	Categories   []string `xml:"category"`
	Creators     []string `xml:"dc:creator"`
	Contributors []string `xml:"dc:contributor"`
	Language     string   `xml:"dc:language,omitempty"`
	Media        *mediaContent
}

// mediaContent is Media RSS's media:content: the item's picture, which
// readers show as its thumbnail, with its type and size when known.
type mediaContent struct {
	XMLName  xml.Name `xml:"media:content"`
	URL      string   `xml:"url,attr"`
	Medium   string   `xml:"medium,attr"`
	Type     string   `xml:"type,attr,omitempty"`
	FileSize int64    `xml:"fileSize,attr,omitempty"`
	Width    int      `xml:"width,attr,omitempty"`
	Height   int      `xml:"height,attr,omitempty"`
}

func media(e *entry) *mediaContent {
	p := e.picture
	if p == nil {
		return nil
	}
	return &mediaContent{URL: e.image, Medium: "image", Type: p.Type, FileSize: p.Length, Width: p.Width, Height: p.Height}
}

func (c *channel) rss() ([]byte, error) {
	ch := (&feeds.Rss{Feed: c.gorilla()}).RssFeed()
	ch.Language = c.lang
	doc := &rssDoc{Version: "2.0", ContentNS: nsContent, AtomNS: nsAtom, DCNS: nsDC,
		Channel: &rssChannel{RssFeed: ch, Links: []rssLink{{Href: c.self, Rel: "self", Type: site.RSSType}}}}
	for _, l := range c.links {
		doc.Channel.Links = append(doc.Channel.Links, rssLink(l))
	}
	if c.archive {
		doc.HistoryNS, doc.Channel.Archive = nsHistory, &struct{}{}
	}
	items := make([][]byte, len(c.entries))
	for i, e := range c.entries {
		if e.picture != nil { // media:content
			doc.MediaNS = nsMedia
		}
		var err error
		items[i], err = c.item(e, site.RSSType, func() ([]byte, error) { return marshalItem(e.rss(c.lang), &rssItemEncoders) })
		if err != nil {
			return nil, err
		}
	}
	return c.marshalWithItems(doc, rssTail, items)
}

// rss is the entry as an item of a channel in lang.
func (e *entry) rss(lang string) *rssItem {
	it := (&feeds.Rss{Feed: &feeds.Feed{Items: []*feeds.Item{&e.Item}}}).RssFeed().Items[0]
	it.Description = escapeText(e.Description) // RSS description is HTML
	return &rssItem{RssItem: it, Categories: topicNames(e.topics), Creators: e.authors, Contributors: e.editors,
		Language: itemLang(e.lang, lang), Media: media(e)}
}

// itemLang is an item's language when it differs from the channel's.
func itemLang(item, channel string) string {
	if item == channel {
		return ""
	}
	return item
}

func topicNames(topics []*site.Topic) []string {
	var names []string
	for _, t := range topics {
		names = append(names, t.Name)
	}
	return names
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeText makes plain text safe to read as HTML.
func escapeText(s string) string { return textEscaper.Replace(s) }

// scratch keeps the encoders' buffers: a buffer grown anew for each feed,
// then copied behind the header, touched about three times the feed's size
// in fresh pages, and fresh pages come slowly.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// marshalXML writes an indented document with the XML declaration.
func marshalXML(v any) ([]byte, error) {
	b := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(b)
	if err := encodeXML(b, v); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}

// encodeXML writes marshalXML's document into b, emptied first.
func encodeXML(b *bytes.Buffer, v any) error {
	b.Reset()
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteByte('\n')
	return nil
}
