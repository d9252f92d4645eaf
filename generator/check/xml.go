package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Namespaces the feed rules know.
const (
	atomNS    = "http://www.w3.org/2005/Atom"
	contentNS = "http://purl.org/rss/1.0/modules/content/"
)

// node is one XML element with the line it starts on.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	text     strings.Builder
	line     int
}

// parseXML reads a document into a tree of elements.
func parseXML(data []byte) (*node, error) {
	if root, ok := parseFast(data); ok {
		return root, nil
	}
	return decodeXML(data)
}

// decodeXML is parseXML with encoding/xml alone.
func decodeXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err != nil {
			if root != nil && len(stack) == 0 && errors.Is(err, io.EOF) {
				return root, nil
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attrs: t.Attr, line: line}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
}

// attr is the value of the attribute local (in no namespace).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// all lists the children named local in namespace space.
func (n *node) all(space, local string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name.Local == local && c.name.Space == space {
			out = append(out, c)
		}
	}
	return out
}

// first is the first child named local in namespace space, or nil.
func (n *node) first(space, local string) *node {
	if list := n.all(space, local); len(list) > 0 {
		return list[0]
	}
	return nil
}

// value is the trimmed text of the first such child, "" when absent.
func (n *node) value(space, local string) string {
	if c := n.first(space, local); c != nil {
		return strings.TrimSpace(c.text.String())
	}
	return ""
}
