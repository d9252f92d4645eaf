package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Excerpt is Convert(src).Excerpt, the plain text of the first paragraph,
// without converting the whole body: a build needs every summary before
// the first page renders, and converting every body twice, or holding
// every converted body, would cost the build its speed or its memory.
//
// It parses a prefix of src that ends at a blank line, longer each time,
// until the first paragraph with text is followed by another block in it.
// Blocks are parsed line by line, so a paragraph closed inside the prefix
// is the paragraph the whole body has, with one exception: a reference
// link in it may be defined further down. When the paragraph holds a '['
// and the rest of src holds a definition, the whole of src is parsed.
func (c *Converter) Excerpt(src []byte) string { return c.excerpt(src, 1024) }

// excerpt is Excerpt parsing a prefix of at least size bytes first.
func (c *Converter) excerpt(src []byte, size int) string {
	for ; ; size *= 2 {
		end := prefixEnd(src, size)
		prefix := src[:end]
		root, _, err := c.parse(prefix)
		if err != nil {
			return ""
		}
		p, text := firstParagraph(root, prefix)
		if end == len(src) {
			return text
		}
		if p == nil || p.NextSibling() == nil {
			continue
		}
		if hasByte(p, prefix, '[') && bytes.Contains(src[end:], []byte("]:")) {
			root, _, err := c.parse(src)
			if err != nil {
				return ""
			}
			_, text = firstParagraph(root, src)
		}
		return text
	}
}

// prefixEnd is the end of the first line with text after the first blank
// line at or after size (so that a paragraph the blank line closes has a
// block after it), or len(src).
func prefixEnd(src []byte, size int) int {
	blank := false
	for i := min(size, len(src)); i < len(src); {
		end := len(src)
		if nl := bytes.IndexByte(src[i:], '\n'); nl >= 0 {
			end = i + nl + 1
		}
		empty := len(bytes.TrimSpace(src[i:end])) == 0
		if blank && !empty {
			return end
		}
		blank = blank || empty && i > 0 && src[i-1] == '\n'
		i = end
	}
	return len(src)
}

// firstParagraph is the first top-level paragraph with text, as render
// takes the excerpt.
func firstParagraph(root ast.Node, src []byte) (ast.Node, string) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph {
			continue
		}
		if text := plainText(n, src); text != "" {
			return n, text
		}
	}
	return nil, ""
}

// hasByte reports whether the source lines of block n hold b.
func hasByte(n ast.Node, src []byte, b byte) bool {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), b) >= 0 {
			return true
		}
	}
	return false
}
