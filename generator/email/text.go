package email

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text is an HTML fragment as plain text: blocks apart by a blank line,
// list items on lines of their own marked "- ", and each link's address,
// made absolute by abs, after its words (unless they are the address).
func Text(fragment string, abs func(string) string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	w := &textWriter{abs: abs}
	for _, n := range nodes {
		w.node(n)
	}
	return strings.TrimSpace(w.b.String())
}

type textWriter struct {
	b     strings.Builder
	abs   func(string) string
	space bool // a space is due before the next word
}

var blocks = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Blockquote: true, atom.Ul: true,
	atom.Ol: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true}

func (w *textWriter) node(n *html.Node) {
	switch {
	case n.Type == html.TextNode:
		w.words(n.Data)
		return
	case n.Type != html.ElementNode:
		return
	case n.DataAtom == atom.Br:
		w.line("\n")
		return
	case n.DataAtom == atom.Li:
		w.line("\n")
		w.b.WriteString("- ")
	case blocks[n.DataAtom]:
		w.line("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if n.DataAtom == atom.A {
		w.link(n)
	}
	if blocks[n.DataAtom] {
		w.line("\n\n")
	}
}

// line ends the text so far with brk, unless it already ends a line.
func (w *textWriter) line(brk string) {
	w.space = false
	s := w.b.String()
	if s == "" || strings.HasSuffix(s, brk) {
		return
	}
	w.b.WriteString(strings.TrimPrefix(brk, trailingNewlines(s)))
}

func trailingNewlines(s string) string {
	return s[len(strings.TrimRight(s, "\n")):]
}

func (w *textWriter) words(s string) {
	if s != "" && isSpace(s[0]) {
		w.space = true
	}
	for i, f := range strings.Fields(s) {
		if i > 0 || w.space {
			w.spaceBefore()
		}
		w.b.WriteString(f)
	}
	w.space = s != "" && isSpace(s[len(s)-1])
}

func (w *textWriter) spaceBefore() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n") && !strings.HasSuffix(s, " ") {
		w.b.WriteByte(' ')
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// link writes the address of the link just written, in parentheses.
func (w *textWriter) link(n *html.Node) {
	href := ""
	for _, a := range n.Attr {
		if a.Key == "href" {
			href = w.abs(strings.TrimSpace(a.Val))
		}
	}
	if href == "" || strings.HasSuffix(w.b.String(), href) {
		return
	}
	w.b.WriteString(" (" + href + ")")
}
