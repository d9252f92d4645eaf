package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Field names exports commonly use, in order of preference.
var (
	titleKeys  = []string{"title", "headline", "name"}
	bodyKeys   = []string{"text", "content", "body", "article", "articleBody", "article_text", "html", "description"}
	dateKeys   = []string{"date", "published", "published_at", "publishedAt", "pubDate", "datePublished", "date_published", "created_at", "time", "timestamp"}
	urlKeys    = []string{"url", "link", "source_url", "canonical_url", "href"}
	sourceKeys = []string{"source", "domain", "site", "site_name", "publisher", "outlet"}
	authorKeys = []string{"authors", "author", "byline", "creator"}
	topicKeys  = []string{"topics", "tags", "categories", "category"}
)

// parseRecords reads a JSON record, a JSON array of records or JSONL.
func parseRecords(data []byte, o Options) ([]Article, error) {
	var recs []map[string]any
	trim := bytes.TrimSpace(data)
	if bytes.HasPrefix(trim, []byte("[")) {
		if err := json.Unmarshal(trim, &recs); err != nil {
			return nil, fmt.Errorf("bad JSON: %v", err)
		}
	} else if err := json.Unmarshal(trim, new(map[string]any)); err == nil {
		var one map[string]any
		_ = json.Unmarshal(trim, &one)
		recs = []map[string]any{one}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 64<<20)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			var r map[string]any
			if err := json.Unmarshal(line, &r); err != nil {
				return nil, fmt.Errorf("line %d: bad JSON: %v", n, err)
			}
			recs = append(recs, r)
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	var out []Article
	for i, r := range recs {
		a, err := fromRecord(r, o)
		if err != nil {
			return out, fmt.Errorf("record %d: %v", i+1, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func fromRecord(r map[string]any, o Options) (Article, error) {
	body := field(r, bodyKeys)
	if body == "" {
		return Article{}, errors.New("no text (looked for " + strings.Join(bodyKeys[:4], ", ") + ")")
	}
	a := fromBody(body, field(r, urlKeys), o)
	a.Title = first(oneLine(field(r, titleKeys)), a.Title)
	if t, ok := findDate(field(r, dateKeys), o.Location); ok {
		a.Date, a.Zoned = t, true
	}
	if u := field(r, urlKeys); strings.HasPrefix(u, "http") {
		a.SourceURL = u
	}
	if s := field(r, sourceKeys); s != "" {
		a.Source = s
	}
	if au := list(r, authorKeys); len(au) > 0 {
		a.Authors = au
	}
	a.Topics = list(r, topicKeys)
	return a, nil
}

// fromBody cleans a record's or feed item's body: HTML fragments are
// sanitized and converted, text goes through CleanText.
func fromBody(body, link string, o Options) Article {
	if looksHTML(body) {
		base, _ := url.Parse(link)
		a := Article{Paras: fragmentParas(body, base)}
		finishNews(&a)
		return a
	}
	a := CleanText(body, o.Location)
	a.Title = ""
	return a
}

func looksHTML(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "<p") || strings.Contains(s, "<div") || strings.Contains(s, "<br") || strings.Contains(s, "</")
}

func field(r map[string]any, keys []string) string {
	for _, k := range keys {
		if s := ldString(r[k]); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func list(r map[string]any, keys []string) []string {
	for _, k := range keys {
		switch v := r[k].(type) {
		case string:
			if v != "" {
				return splitNames(v)
			}
		case []any:
			var out []string
			for _, e := range v {
				if s := oneLine(ldString(e)); s != "" {
					out = append(out, s)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// parseFeed reads an RSS, Atom or JSON feed: one article per item, with the
// item's full content when the feed carries it.
func parseFeed(data []byte, feedURL string, o Options) ([]Article, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("bad feed: %v", err)
	}
	var out []Article
	for _, it := range f.Items {
		body := first(it.Content, it.Description)
		if body == "" {
			continue
		}
		a := fromBody(body, it.Link, o)
		a.Title = first(oneLine(it.Title), a.Title)
		if it.PublishedParsed != nil {
			a.Date, a.Zoned = *it.PublishedParsed, true
		} else if it.UpdatedParsed != nil {
			a.Date, a.Zoned = *it.UpdatedParsed, true
		}
		a.SourceURL = absolute(it.Link, nil)
		a.Source = oneLine(f.Title)
		for _, p := range it.Authors {
			if p != nil && p.Name != "" {
				a.Authors = append(a.Authors, p.Name)
			}
		}
		if a.Title == "" {
			a.Title = fallbackTitle(a.Paras)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("the feed has no items with text")
	}
	return out, nil
}
