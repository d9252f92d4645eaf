package check

import (
	"path"
	"strings"
	"time"
)

// item is what a reader remembers of a feed item.
type item struct {
	id, link, title string
	date            time.Time
}

// IsFeed reports whether an output path is one of the RSS or Atom feeds
// whose ids Vanished compares (feed.xml, atom.xml, editions.xml, per topic).
func IsFeed(name string) bool {
	switch path.Base(name) {
	case "feed.xml", "atom.xml", "editions.xml":
		return true
	}
	return false
}

// Vanished compares the feeds of the previous output (old, by output path)
// with the new ones and warns about each id readers saw that is gone from a
// feed although the new feed still reaches back to its date: the entry was
// removed, or its id changed (a new slug, date or base_url without
// id_authority) and readers will show it again as new. Items that only fell
// off the end of a feed are not reported.
func Vanished(old, new map[string][]byte) []Finding {
	var list []Finding
	for name, data := range old {
		if !IsFeed(name) {
			continue
		}
		before := feedItems(data)
		after := feedItems(new[name])
		if before == nil || after == nil {
			continue
		}
		list = append(list, vanished(name, before, after)...)
	}
	Sort(list)
	return list
}

func vanished(name string, before, after []item) []Finding {
	ids, links := map[string]bool{}, map[string]string{}
	oldest := time.Time{}
	for _, it := range after {
		ids[it.id] = true
		links[it.link] = it.id
		if oldest.IsZero() || it.date.Before(oldest) {
			oldest = it.date
		}
	}
	f := &findings{file: name}
	for _, it := range before {
		if ids[it.id] {
			continue
		}
		switch newID, ok := links[it.link]; {
		case ok && it.link != "":
			f.warnf(0, "the id of %q changed from %s to %s: readers will show it again as new", it.title, it.id, newID)
		case !it.date.Before(oldest) || len(after) < len(before):
			f.warnf(0, "id %s (%q) was published before and is gone: was the entry removed, or its slug, date or id changed?", it.id, it.title)
		}
	}
	return f.list
}

// feedItems reads the items of an RSS or Atom feed; nil when it is neither.
func feedItems(data []byte) []item {
	root, err := parseXML(data)
	if err != nil {
		return nil
	}
	items := []item{}
	switch {
	case root.name.Local == "rss":
		ch := root.first("", "channel")
		if ch == nil {
			return nil
		}
		for _, n := range ch.all("", "item") {
			it := item{id: n.value("", "guid"), link: n.value("", "link"), title: n.value("", "title")}
			for _, layout := range rfc822 {
				if t, err := time.Parse(layout, n.value("", "pubDate")); err == nil {
					it.date = t
					break
				}
			}
			items = append(items, it)
		}
	case root.name.Local == "feed" && root.name.Space == atomNS:
		for _, n := range root.all(atomNS, "entry") {
			it := item{id: n.value(atomNS, "id"), title: n.value(atomNS, "title")}
			if l := alternate(n); l != nil {
				it.link = l.attr("href")
			}
			date := n.value(atomNS, "published")
			if date == "" {
				date = n.value(atomNS, "updated")
			}
			it.date, _ = time.Parse(time.RFC3339, strings.TrimSpace(date))
			items = append(items, it)
		}
	default:
		return nil
	}
	return items
}
