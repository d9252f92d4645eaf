package check

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
)

// Output checks a built site: files by output path (slashes, no leading
// slash), as published at baseURL (which may carry a path, like
// https://user.github.io/repo/). Findings come back sorted.
func Output(files map[string][]byte, baseURL string) []Finding {
	base, err := url.Parse(strings.TrimSuffix(baseURL, "/") + "/")
	if err != nil || !absolute(baseURL) {
		return []Finding{{Severity: Error, File: baseURL, Message: "the base URL is not an absolute http(s) URL"}}
	}
	o := &output{files: files, base: base, ids: map[string]map[string]bool{}}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var all []Finding
	for _, name := range names {
		f := &findings{file: name}
		switch path.Ext(name) {
		case ".xml", ".opml":
			o.xml(f, name)
		case ".json":
			o.jsonFeed(f, name)
		case ".html":
			o.links(f, name)
		}
		all = append(all, f.list...)
	}
	Sort(all)
	return all
}

type output struct {
	files map[string][]byte
	base  *url.URL
	ids   map[string]map[string]bool // ids of each HTML page, parsed once
}

// location is where the file at name is published.
func (o *output) location(name string) string { return o.base.String() + name }

func (o *output) xml(f *findings, name string) {
	root, err := parseXML(o.files[name])
	if err != nil {
		f.errorf(0, "not well-formed XML: %v", err)
		return
	}
	switch root.name.Local {
	case "rss":
		checkRSS(f, root, o.location(name))
	case "feed":
		checkAtom(f, root, o.location(name))
	case "opml":
		o.opml(f, root)
	case "urlset":
		for _, u := range root.all(root.name.Space, "url") {
			o.siteURL(f, u.value(root.name.Space, "loc"), u.line)
		}
	}
}

// opml wants every feed it lists to be absolute and, when on this site, built.
func (o *output) opml(f *findings, root *node) {
	var walk func(n *node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.name.Local != "outline" {
				continue
			}
			if x := c.attr("xmlUrl"); x != "" {
				o.siteURL(f, x, c.line)
			} else if c.attr("type") == "rss" {
				f.errorf(c.line, "outline of type rss without xmlUrl")
			}
			walk(c)
		}
	}
	if body := root.first("", "body"); body != nil {
		walk(body)
	} else {
		f.errorf(root.line, "opml has no body")
	}
}

// siteURL wants an absolute URL that, when under the base URL, names a built file.
func (o *output) siteURL(f *findings, raw string, line int) {
	if !absolute(raw) {
		f.errorf(line, "%q is not an absolute URL", raw)
		return
	}
	if rel, ok := strings.CutPrefix(raw, o.base.String()); ok {
		if _, found := o.target(rel); !found {
			f.errorf(line, "%s is not in the output", raw)
		}
	}
}

// jsonFeed checks a JSON Feed 1.x; other JSON files are left alone.
func (o *output) jsonFeed(f *findings, name string) {
	var feed struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Home    string `json:"home_page_url"`
		FeedURL string `json:"feed_url"`
		Items   []struct {
			ID        string `json:"id"`
			URL       string `json:"url"`
			HTML      string `json:"content_html"`
			Text      string `json:"content_text"`
			Published string `json:"date_published"`
		} `json:"items"`
	}
	if err := json.Unmarshal(o.files[name], &feed); err != nil || !strings.HasPrefix(feed.Version, "https://jsonfeed.org/version/") {
		return
	}
	if feed.Title == "" {
		f.errorf(0, "JSON Feed without title")
	}
	if feed.FeedURL != o.location(name) {
		f.errorf(0, "feed_url %q is not the feed's address %s", feed.FeedURL, o.location(name))
	}
	if feed.Home != "" && !absolute(feed.Home) {
		f.errorf(0, "home_page_url %q is not an absolute URL", feed.Home)
	}
	seen := map[string]bool{}
	for i, it := range feed.Items {
		switch {
		case it.ID == "":
			f.errorf(0, "item %d has no id", i+1)
		case seen[it.ID]:
			f.errorf(0, "item %d repeats id %s", i+1, it.ID)
		}
		seen[it.ID] = true
		if it.URL != "" && !absolute(it.URL) {
			f.errorf(0, "item %d url %q is not an absolute URL", i+1, it.URL)
		}
		if it.HTML == "" && it.Text == "" {
			f.errorf(0, "item %d has neither content_html nor content_text", i+1)
		}
		checkContent(f, 0, fmt.Sprintf("item %d content_html", i+1), it.HTML)
		if msg := rfc3339(it.Published); it.Published != "" && msg != "" {
			f.errorf(0, "item %d date_published %q %s", i+1, it.Published, msg)
		}
	}
}
