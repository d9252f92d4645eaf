package ingest

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped elements go with everything inside them: active content, forms,
// media and chrome never belong in an entry body.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Form: true, atom.Input: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Svg: true, atom.Math: true, atom.Noscript: true, atom.Template: true, atom.Img: true,
	atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Link: true,
	atom.Meta: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Figure: true,
	atom.Head: true, atom.Title: true, atom.Source: true, atom.Track: true, atom.Dialog: true,
}

// kept elements survive with at most an href; all others are unwrapped.
var kept = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true,
	atom.Em: true, atom.I: true, atom.Strong: true, atom.B: true, atom.A: true, atom.Code: true,
	atom.Pre: true, atom.Div: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Hr: true,
}

// sanitize rewrites n in place: dangerous elements removed, every attribute
// but a safe absolute href dropped (so no event handlers, styles or
// javascript: URLs), unknown elements replaced by their children.
func sanitize(n *html.Node, base *url.URL) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.ElementNode:
			if dropped[c.DataAtom] || c.DataAtom == 0 && isCustomDropped(c.Data) {
				n.RemoveChild(c)
				break
			}
			sanitize(c, base)
			if !kept[c.DataAtom] || c.DataAtom == atom.A && safeHref(c, base) == "" {
				unwrap(c)
				break
			}
			c.Attr = safeAttrs(c, base)
		}
		c = next
	}
}

func isCustomDropped(name string) bool {
	return strings.Contains(name, ":") || strings.HasPrefix(name, "amp-")
}

// unwrap replaces c by its children.
func unwrap(c *html.Node) {
	p := c.Parent
	for k := c.FirstChild; k != nil; {
		next := k.NextSibling
		c.RemoveChild(k)
		p.InsertBefore(k, c)
		k = next
	}
	p.RemoveChild(c)
}

func safeAttrs(c *html.Node, base *url.URL) []html.Attribute {
	if u := safeHref(c, base); u != "" {
		return []html.Attribute{{Key: "href", Val: u}}
	}
	return nil
}

// safeHref is a link's target when it is safe; links without one are unwrapped.
func safeHref(c *html.Node, base *url.URL) string {
	if c.DataAtom != atom.A {
		return ""
	}
	for _, a := range c.Attr {
		if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
			return safeURL(a.Val, base)
		}
	}
	return ""
}

// safeURL resolves href against the page and keeps only http(s) and mailto.
func safeURL(href string, base *url.URL) string {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return u.String()
	}
	return ""
}
