// Package search makes the index that the search page loads: one compact JSON
// record per published article, newest first, searched in the reader's browser.
package search

import (
	"encoding/json"

	"github.com/digest-news/digest/generator/site"
)

// Path is the index's output file; the search page fetches it.
const Path = "search/index.json"

type record struct {
	Title   string   `json:"t"`
	URL     string   `json:"u"`
	Date    string   `json:"d"`
	Summary string   `json:"s,omitempty"`
	Topics  []string `json:"g,omitempty"`
	Source  string   `json:"o,omitempty"`
}

// Index is the JSON search index of the site's articles.
func Index(s *site.Site) ([]byte, error) {
	records := make([]record, len(s.Articles))
	for i, a := range s.Articles {
		r := record{Title: a.Title, URL: a.URL, Date: a.Date.Format("2006-01-02"), Summary: a.Summary, Source: a.Source}
		for _, t := range a.Topics {
			r.Topics = append(r.Topics, t.Name)
		}
		records[i] = r
	}
	return json.Marshal(records)
}
