package markdown

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Warning is something in a body that was published other than as written.
// Line is 1-based and counts lines of the body as given to Convert: a caller
// that passes the text after the front matter adds the front matter's lines
// to point into the file.
type Warning struct {
	Line    int
	Message string
}

// safeDestination reports whether a link or image may point at dest as
// written: relative references, and http, https and mailto URLs. Anything
// else (javascript:, vbscript:, data:, file:, ...) goldmark would publish as
// href="", which feed readers and the feed checker refuse.
func safeDestination(dest []byte) bool {
	for i, c := range dest {
		switch {
		case c == ':':
			if i == 0 {
				return true
			}
			scheme := strings.ToLower(string(dest[:i]))
			return scheme == "http" || scheme == "https" || scheme == "mailto"
		case c == '/' || c == '?' || c == '#':
			return true
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return true // not a scheme, so a relative reference
		}
	}
	return true
}

// dropUnsafe replaces each link with an unsafe destination by its text, and
// each such image by its alt text, and reports them.
func dropUnsafe(root ast.Node, src []byte) []Warning {
	type drop struct {
		n    ast.Node
		dest []byte
	}
	var drops []drop
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !safeDestination(n.Destination) {
				drops = append(drops, drop{n, n.Destination})
			}
		case *ast.Image:
			if !safeDestination(n.Destination) {
				drops = append(drops, drop{n, n.Destination})
			}
		case *ast.AutoLink:
			if url := n.URL(src); !safeDestination(url) {
				drops = append(drops, drop{n, url})
			}
		}
		return ast.WalkContinue, nil
	})
	if len(drops) == 0 {
		return nil
	}
	lines := lineStarts(src)
	var warnings []Warning
	for _, d := range drops {
		line := lineOf(lines, offsetOf(d.n, d.dest, src))
		parent := d.n.Parent()
		switch n := d.n.(type) {
		case *ast.AutoLink:
			text := ast.NewString([]byte(html.EscapeString(string(n.Label(src)))))
			text.SetRaw(true)
			parent.ReplaceChild(parent, n, text)
			warnings = append(warnings, Warning{line, fmt.Sprintf("unsafe link %s dropped, its text kept", shorten(d.dest))})
		default: // a link or an image, whose children are its text or alt text
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
			parent.RemoveChild(parent, n)
			what := "link %s dropped, its text kept"
			if n.Kind() == ast.KindImage {
				what = "image %s dropped, its alt text kept"
			}
			warnings = append(warnings, Warning{line, fmt.Sprintf("unsafe "+what, shorten(d.dest))})
		}
	}
	return warnings
}

// offsetOf finds where in src an inline node was written: at its first text,
// else at its destination within its block.
func offsetOf(n ast.Node, dest, src []byte) int {
	var at = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			at = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if at >= 0 {
		return at
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start := p.Lines().At(0).Start
			if i := bytes.Index(src[start:], dest); i >= 0 {
				return start + i
			}
			return start
		}
	}
	return 0
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the 1-based line holding offset.
func lineOf(starts []int, offset int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > offset })
}

// shorten keeps enough of a destination to recognise it.
func shorten(dest []byte) string {
	const keep = 24
	if utf8.RuneCount(dest) <= keep {
		return string(dest)
	}
	s, n := string(dest), 0
	for i := range s {
		if n == keep {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
