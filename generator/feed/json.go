package feed

import (
	"bytes"
	"encoding/json"

	"github.com/gorilla/feeds"
)

// jsonDoc extends gorilla's JSON Feed: Items replaces the embedded field (a
// shallower field wins in encoding/json) and is always written, as JSON Feed
// requires, even when empty.
type jsonDoc struct {
	*feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

// jsonItem adds JSON Feed 1.1's per-item language.
type jsonItem struct {
	*feeds.JSONItem
	Language string `json:"language,omitempty"`
}

func (c *channel) json() ([]byte, error) {
	f := c.gorilla()
	for _, e := range c.entries {
		f.Items = append(f.Items, &e.Item)
	}
	jf := (&feeds.JSON{Feed: f}).JSONFeed()
	jf.FeedUrl = c.self
	jf.Language = c.lang
	jf.Authors = []*feeds.JSONAuthor{{Name: c.author}}
	if c.hub != "" {
		jf.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: c.hub}}
	}
	doc := &jsonDoc{JSONFeed: jf, Items: []*jsonItem{}}
	for i, ji := range jf.Items {
		e := c.entries[i]
		ji.Tags = topicNames(e.topics)
		ji.Image = e.image
		if ji.ContentHTML == "" {
			// JSON Feed requires content_html or content_text on every item.
			ji.ContentText = ji.Summary
			if ji.ContentText == "" {
				ji.ContentText = ji.Title
			}
		}
		for _, name := range e.authors {
			ji.Authors = append(ji.Authors, &feeds.JSONAuthor{Name: name})
		}
		doc.Items = append(doc.Items, &jsonItem{JSONItem: ji, Language: e.lang})
	}
	jf.Items = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if c.minify == nil {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if c.minify != nil {
		return c.minify(buf.Bytes())
	}
	return buf.Bytes(), nil
}
