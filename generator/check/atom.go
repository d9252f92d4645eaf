package check

import (
	"strings"
	"time"
)

// checkAtom applies the W3C rules for Atom 1.0 (RFC 4287) to a feed found at self.
func checkAtom(f *findings, root *node, self string) {
	if root.name.Space != atomNS {
		f.errorf(root.line, "feed is not in the Atom namespace %s", atomNS)
		return
	}
	checkAtomID(f, root, nil)
	if root.value(atomNS, "title") == "" {
		f.errorf(root.line, "feed lacks title")
	}
	checkAtomDate(f, root, "updated", true)
	checkSelf(f, root, self, "application/atom+xml")
	checkAtomLinks(f, root)
	feedAuthor := hasAuthor(root)
	ids := map[string]int{}
	for _, e := range root.all(atomNS, "entry") {
		checkAtomID(f, e, ids)
		if e.value(atomNS, "title") == "" {
			f.errorf(e.line, "entry lacks title")
		}
		checkAtomDate(f, e, "updated", true)
		checkAtomDate(f, e, "published", false)
		checkAtomLinks(f, e)
		if !feedAuthor && !hasAuthor(e) {
			f.errorf(e.line, "entry has no author, and neither has the feed")
		}
		if e.first(atomNS, "content") == nil && alternate(e) == nil {
			f.errorf(e.line, "entry has neither content nor an alternate link")
		}
		for _, c := range append(e.all(atomNS, "content"), e.all(atomNS, "summary")...) {
			if c.attr("type") != "html" {
				continue
			}
			checkContent(f, c.line, "entry "+c.name.Local, c.text.String())
		}
	}
}

// checkAtomID wants one id that is an absolute IRI, unique among entries when ids is set.
func checkAtomID(f *findings, n *node, ids map[string]int) {
	id := n.first(atomNS, "id")
	if id == nil || strings.TrimSpace(id.text.String()) == "" {
		f.errorf(n.line, "%s has no id", n.name.Local)
		return
	}
	v := strings.TrimSpace(id.text.String())
	if !iri(v) {
		f.errorf(id.line, "id %q is not an absolute IRI (like tag:example.org,2026-01-02:slug)", v)
	}
	if ids == nil {
		return
	}
	if first, ok := ids[v]; ok {
		f.errorf(id.line, "id %s is also on line %d", v, first)
		return
	}
	ids[v] = id.line
}

func checkAtomDate(f *findings, n *node, name string, required bool) {
	d := n.first(atomNS, name)
	if d == nil {
		if required {
			f.errorf(n.line, "%s lacks %s", n.name.Local, name)
		}
		return
	}
	v := strings.TrimSpace(d.text.String())
	if _, err := time.Parse(time.RFC3339, v); err != nil || strings.ContainsAny(v, "tz") {
		f.errorf(d.line, "%s %q is not an RFC 3339 date like 2006-01-02T15:04:05Z", name, v)
	}
}

func checkAtomLinks(f *findings, n *node) {
	for _, l := range n.all(atomNS, "link") {
		href := l.attr("href")
		if href == "" {
			f.errorf(l.line, "link without href")
		} else if !absolute(href) {
			f.errorf(l.line, "link %q is not an absolute URL", href)
		}
	}
}

func alternate(n *node) *node {
	for _, l := range n.all(atomNS, "link") {
		if rel := l.attr("rel"); rel == "" || rel == "alternate" {
			return l
		}
	}
	return nil
}

func hasAuthor(n *node) bool {
	for _, a := range n.all(atomNS, "author") {
		if a.value(atomNS, "name") != "" {
			return true
		}
	}
	return false
}
