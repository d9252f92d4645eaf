package email

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An Inliner inlines documents, reading each style sheet once: the emails
// of one theme all carry the same sheet. Its zero value is ready to use,
// also from several goroutines.
type Inliner struct {
	mu     sync.Mutex
	sheets map[string]parsedSheet
}

type parsedSheet struct {
	rules []rule
	err   error
}

func (in *Inliner) rules(sheet string) ([]rule, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	p, ok := in.sheets[sheet]
	if !ok {
		p.rules, p.err = parseSheet(sheet)
		if in.sheets == nil {
			in.sheets = map[string]parsedSheet{}
		}
		in.sheets[sheet] = p
	}
	return p.rules, p.err
}

// Inline writes doc's style sheet into its elements' style attributes and
// makes its links absolute against base (the document's own address).
func (in *Inliner) Inline(doc []byte, base *url.URL) ([]byte, error) {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("email: %w", err)
	}
	var sheet strings.Builder
	var drop []*html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Style || n.DataAtom == atom.Script) {
			if n.DataAtom == atom.Style && n.FirstChild != nil {
				sheet.WriteString(n.FirstChild.Data)
			}
			drop = append(drop, n)
		}
	}
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	rules, err := in.rules(sheet.String())
	if err != nil {
		return nil, err
	}
	var elements []*html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode {
			elements = append(elements, n)
		}
	}
	classes := make(map[*html.Node][]string, len(elements)) // read once: every rule asks
	for _, n := range elements {
		for _, a := range n.Attr {
			if a.Key == "class" {
				classes[n] = strings.Fields(a.Val)
			}
		}
	}
	// An element's style is a function of the tags and classes on its way
	// from the root, and of its own style: the cards of an edition share
	// theirs, so each way is matched against the rules once.
	paths := make(map[*html.Node]string, len(elements))
	made := map[string]string{}
	styles := make([]string, len(elements)) // all matched before any class goes
	for i, n := range elements {
		path := paths[n.Parent] + "/" + n.Data + "." + strings.Join(classes[n], ".")
		paths[n] = path
		key := path + "\x00" + ownStyle(n)
		st, ok := made[key]
		if !ok {
			st = style(n, rules, classes)
			made[key] = st
		}
		styles[i] = st
	}
	for i, n := range elements {
		setStyle(n, styles[i])
		absolute(n, base)
	}
	var out bytes.Buffer
	if err := html.Render(&out, root); err != nil {
		return nil, fmt.Errorf("email: %w", err)
	}
	return out.Bytes(), nil
}

// style is n's style from the rules that match it, in the cascade's
// order, its own style last.
func style(n *html.Node, rules []rule, classes map[*html.Node][]string) string {
	var matched []*rule
	for i := range rules {
		if matches(n, rules[i].chain, classes) {
			matched = append(matched, &rules[i])
		}
	}
	own := ownStyle(n)
	if len(matched) == 0 {
		return own
	}
	slices.SortStableFunc(matched, func(a, b *rule) int {
		if a.spec != b.spec {
			return a.spec - b.spec
		}
		return a.order - b.order
	})
	var props []string
	values := map[string]string{}
	set := func(d decl) {
		if _, ok := values[d.prop]; !ok {
			props = append(props, d.prop)
		}
		values[d.prop] = d.value
	}
	for _, r := range matched {
		for _, d := range r.decls {
			set(d)
		}
	}
	if decls, err := parseDecls(own); err == nil {
		for _, d := range decls {
			set(d)
		}
	}
	var b strings.Builder
	for i, p := range props {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(p + ":" + values[p])
	}
	return b.String()
}

// ownStyle is n's style attribute.
func ownStyle(n *html.Node) string {
	own := ""
	for _, a := range n.Attr {
		if a.Key == "style" {
			own = a.Val
		}
	}
	return own
}

// setStyle gives n its style; its class goes, as nothing reads it.
func setStyle(n *html.Node, style string) {
	attrs := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key != "style" && a.Key != "class" {
			attrs = append(attrs, a)
		}
	}
	n.Attr = attrs
	if style != "" {
		n.Attr = append(n.Attr, html.Attribute{Key: "style", Val: style})
	}
}

// matches reports whether n is the last step of chain, with each earlier
// step an ancestor, in order.
func matches(n *html.Node, chain []compound, classes map[*html.Node][]string) bool {
	last := len(chain) - 1
	if !chain[last].matches(n, classes[n]) {
		return false
	}
	i := last - 1
	for p := n.Parent; p != nil && i >= 0; p = p.Parent {
		if p.Type == html.ElementNode && chain[i].matches(p, classes[p]) {
			i--
		}
	}
	return i < 0
}

func (c compound) matches(n *html.Node, have []string) bool {
	if c.tag != "" && c.tag != n.Data {
		return false
	}
	for _, want := range c.classes {
		if !slices.Contains(have, want) {
			return false
		}
	}
	return true
}

// absolute resolves n's href and src against base.
func absolute(n *html.Node, base *url.URL) {
	for i, a := range n.Attr {
		if a.Key != "href" && a.Key != "src" {
			continue
		}
		if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil && !u.IsAbs() {
			n.Attr[i].Val = base.ResolveReference(u).String()
		}
	}
}
