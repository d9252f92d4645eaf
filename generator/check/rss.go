package check

import (
	"net/mail"
	"strings"
	"time"
)

// rfc822 are the RFC 822 date layouts RSS allows, always with a numeric zone.
var rfc822 = []string{
	"Mon, 02 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 -0700",
	"02 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700", "02 Jan 2006 15:04 -0700",
}

// rssDate checks an RFC 822 date with a numeric zone and a day of week that matches.
func rssDate(s string) string {
	for _, layout := range rfc822 {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if day, _, ok := strings.Cut(s, ","); ok && day != t.Weekday().String()[:3] {
			return "day of week " + day + " does not match the date (it is a " + t.Weekday().String() + ")"
		}
		return ""
	}
	return "is not an RFC 822 date with a numeric zone, like Mon, 02 Jan 2006 15:04:05 +0000"
}

// checkRSS applies the W3C rules for RSS 2.0 to a feed found at self.
func checkRSS(f *findings, root *node, self string) {
	if v := root.attr("version"); v != "2.0" {
		f.errorf(root.line, "rss version is %q, want \"2.0\"", v)
	}
	channels := root.all("", "channel")
	if len(channels) != 1 {
		f.errorf(root.line, "rss holds %d channel elements, want exactly one", len(channels))
		return
	}
	ch := channels[0]
	for _, name := range []string{"title", "link", "description"} {
		if ch.value("", name) == "" {
			f.errorf(ch.line, "channel lacks %s", name)
		}
	}
	if l := ch.first("", "link"); l != nil && l.text.Len() > 0 && !absolute(l.text.String()) {
		f.errorf(l.line, "channel link %q is not an absolute URL", strings.TrimSpace(l.text.String()))
	}
	checkSelf(f, ch, self, "application/rss+xml")
	for _, name := range []string{"pubDate", "lastBuildDate"} {
		checkRSSDate(f, ch, name)
	}
	for _, name := range []string{"managingEditor", "webMaster"} {
		checkEmail(f, ch, name)
	}
	guids := map[string]int{}
	for _, it := range ch.all("", "item") {
		checkItem(f, it, guids)
	}
}

// checkSelf wants an atom:link rel="self" whose href is the feed's own address.
func checkSelf(f *findings, parent *node, self, typ string) {
	for _, l := range parent.all(atomNS, "link") {
		if l.attr("rel") != "self" {
			continue
		}
		if href := l.attr("href"); href != self {
			f.errorf(l.line, "self link %q is not the feed's address %s", href, self)
		}
		if t := l.attr("type"); t != "" && t != typ {
			f.warnf(l.line, "self link type %q, want %s", t, typ)
		}
		return
	}
	f.errorf(parent.line, "no atom:link rel=\"self\" (it must be %s)", self)
}

func checkRSSDate(f *findings, parent *node, name string) {
	if d := parent.first("", name); d != nil {
		if msg := rssDate(strings.TrimSpace(d.text.String())); msg != "" {
			f.errorf(d.line, "%s %q %s", name, strings.TrimSpace(d.text.String()), msg)
		}
	}
}

// checkEmail wants "address (Name)" or an address, as RSS 2.0 says.
func checkEmail(f *findings, parent *node, name string) {
	d := parent.first("", name)
	if d == nil {
		return
	}
	v := strings.TrimSpace(d.text.String())
	addr, _, _ := strings.Cut(v, " ")
	if _, err := mail.ParseAddress(addr); err != nil {
		f.errorf(d.line, "%s %q is not an e-mail address (like editor@example.org (Name))", name, v)
	}
}

func checkItem(f *findings, it *node, guids map[string]int) {
	if it.value("", "title") == "" && it.value("", "description") == "" {
		f.errorf(it.line, "item has neither title nor description")
	}
	if l := it.first("", "link"); l != nil && !absolute(l.text.String()) {
		f.errorf(l.line, "item link %q is not an absolute URL", strings.TrimSpace(l.text.String()))
	}
	g := it.first("", "guid")
	switch {
	case g == nil || strings.TrimSpace(g.text.String()) == "":
		f.errorf(it.line, "item has no guid: readers cannot tell it from the others")
	default:
		id := strings.TrimSpace(g.text.String())
		if first, ok := guids[id]; ok {
			f.errorf(g.line, "guid %s is also on line %d", id, first)
		} else {
			guids[id] = g.line
		}
		if g.attr("isPermaLink") != "false" && !absolute(id) {
			f.errorf(g.line, "guid %q is a permalink (isPermaLink is not \"false\") but not an absolute URL", id)
		}
	}
	checkRSSDate(f, it, "pubDate")
	checkEmail(f, it, "author")
	for _, name := range []string{"source", "comments"} {
		if c := it.first("", name); c != nil {
			u := c.attr("url")
			if name == "comments" {
				u = strings.TrimSpace(c.text.String())
			}
			if !absolute(u) {
				f.errorf(c.line, "item %s URL %q is not an absolute URL", name, u)
			}
		}
	}
	for _, c := range it.all("", "enclosure") {
		if !absolute(c.attr("url")) || c.attr("type") == "" || c.attr("length") == "" {
			f.errorf(c.line, "enclosure needs an absolute url, a type and a length")
		}
	}
	for _, c := range append(it.all("", "description"), it.all(contentNS, "encoded")...) {
		checkContent(f, c.line, "item "+c.name.Local, c.text.String())
	}
}
