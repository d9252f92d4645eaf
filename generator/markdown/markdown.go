// Package markdown turns an entry's Markdown body into HTML. It owns the one
// goldmark configuration of the project: GitHub Flavored Markdown (tables,
// strikethrough, autolinks), typographic quotes and dashes, footnotes and
// heading ids, in safe mode (raw HTML is dropped, and a link or image whose
// destination is not http, https, mailto or relative is published as its
// text, with a Warning). Bodies past the limits of limits.go are refused
// with a *LimitError. Link and image destinations are rewritten on the syntax tree
// by a caller's Resolver, so pages can use site paths and feeds absolute URLs.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Resolver maps a link or image destination as written to the one to publish.
type Resolver func(dest string) string

// Doc is a converted body.
type Doc struct {
	HTML     string
	Excerpt  string    // plain text of the first paragraph, for summaries
	Warnings []Warning // what was published other than as written, in body order
}

// Converter is safe for concurrent use; build it once.
type Converter struct {
	page, feed goldmark.Markdown
	// unlinked parses as page does but without GFM's autolinks, which a
	// body is parsed again with only when its text may hold one (see
	// mayAutolink): their parser is called at every space of every
	// paragraph, most often to find no link there.
	unlinked parser.Parser
}

// New builds the project's goldmark configuration.
func New() *Converter {
	options := func(autolinks goldmark.Extender, extra ...renderer.Option) []goldmark.Option {
		return []goldmark.Option{
			goldmark.WithExtensions(autolinks, extension.Table, extension.Strikethrough, extension.TaskList,
				extension.Typographer, extension.Footnote), // GFM's four, then ours
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
			goldmark.WithRendererOptions(extra...),
		}
	}
	return &Converter{
		page:     goldmark.New(options(extension.Linkify)...),
		feed:     goldmark.New(options(extension.Linkify, renderer.WithNodeRenderers(util.Prioritized(feedFootnotes{}, 100)))...),
		unlinked: goldmark.New(options(noExtension{})...).Parser(),
	}
}

type noExtension struct{}

func (noExtension) Extend(goldmark.Markdown) {}

// mayAutolink reports whether the text of a document parsed without
// autolinks holds what they start with: a scheme's "://", "www." or an
// address's '@' (in link destinations they are no autolink). Where none
// is, the linkify parser finds nothing (FuzzUnlinkedParse holds the two
// parsers to the same output).
func mayAutolink(root ast.Node, src []byte) bool {
	found := false
	has := func(b []byte) bool {
		return bytes.Contains(b, []byte("://")) || bytes.Contains(b, []byte("www.")) || bytes.IndexByte(b, '@') >= 0
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			found = has(n.Segment.Value(src))
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len() && !found; i++ {
				seg := n.Segments.At(i)
				found = has(seg.Value(src))
			}
		case *ast.AutoLink:
			found = has(n.URL(src))
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// blankAtLineEnd reports whether a line of src ends in a space or tab:
// the linkify parser stops at each space, and a blank then stays in the
// text before the line break.
func blankAtLineEnd(src []byte) bool {
	if bytes.IndexByte(src, '\r') >= 0 {
		return blankBeforeBreak(src)
	}
	// Only "\n" ends lines: look just before each, found a word at a time.
	for i := bytes.IndexByte(src, '\n'); i >= 0; {
		if i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return len(src) > 0 && (src[len(src)-1] == ' ' || src[len(src)-1] == '\t')
}

// blankBeforeBreak is blankAtLineEnd byte by byte, "\r" ending lines too.
func blankBeforeBreak(src []byte) bool {
	for i, c := range src {
		if (c == ' ' || c == '\t') && (i+1 == len(src) || src[i+1] == '\n' || src[i+1] == '\r') {
			return true
		}
	}
	return false
}

// Convert renders src for a page, passing every link and image destination
// through resolve (nil leaves them as written).
func (c *Converter) Convert(src []byte, resolve Resolver) (Doc, error) {
	return c.convert(c.page, src, resolve)
}

// ConvertFeed renders src for a feed item. Footnote references become plain
// superscripts: their #fragment links would resolve against the feed, not the page.
func (c *Converter) ConvertFeed(src []byte, resolve Resolver) (Doc, error) {
	return c.convert(c.feed, src, resolve)
}

// ConvertBoth is Convert and ConvertFeed of the same src, parsed once: an
// article in a feed needs both, and parsing is most of the cost.
func (c *Converter) ConvertBoth(src []byte, page, feed Resolver) (Doc, Doc, error) {
	root, warnings, err := c.parse(src)
	if err != nil {
		return Doc{}, Doc{}, err
	}
	var written [][]byte // the destinations as written, in walk order
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				written = append(written, n.Destination)
			case *ast.Image:
				written = append(written, n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
	pageDoc, err := render(c.page, src, root, page)
	pageDoc.Warnings = warnings
	if err != nil {
		return pageDoc, Doc{}, err
	}
	i := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				n.Destination, i = written[i], i+1
			case *ast.Image:
				n.Destination, i = written[i], i+1
			}
		}
		return ast.WalkContinue, nil
	})
	feedDoc, err := render(c.feed, src, root, feed)
	feedDoc.Warnings = warnings
	return pageDoc, feedDoc, err
}

func (c *Converter) convert(md goldmark.Markdown, src []byte, resolve Resolver) (Doc, error) {
	root, warnings, err := c.parse(src)
	if err != nil {
		return Doc{}, err
	}
	doc, err := render(md, src, root, resolve)
	doc.Warnings = warnings
	return doc, err
}

// parse checks src against the limits, parses it and drops unsafe links.
func (c *Converter) parse(src []byte) (ast.Node, []Warning, error) {
	if !blankAtLineEnd(src) {
		root, warnings, err := parseWith(c.unlinked, src)
		if err != nil || !mayAutolink(root, src) {
			return root, warnings, err
		}
	}
	return parseWith(c.page.Parser(), src)
}

func parseWith(p parser.Parser, src []byte) (ast.Node, []Warning, error) {
	if err := checkLimits(src); err != nil {
		return nil, nil, err
	}
	root := p.Parse(text.NewReader(src))
	return root, dropUnsafe(root, src), nil
}

// render rewrites the destinations of a parsed document and renders it.
func render(md goldmark.Markdown, src []byte, root ast.Node, resolve Resolver) (Doc, error) {
	var doc Doc
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = rewrite(n.Destination, resolve)
		case *ast.Image:
			n.Destination = rewrite(n.Destination, resolve)
		case *ast.Paragraph:
			if doc.Excerpt == "" && n.Parent() == root {
				doc.Excerpt = plainText(n, src)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return doc, err
	}
	out := htmlOuts.Get().(*htmlOut)
	defer htmlOuts.Put(out)
	out.b.Reset()
	out.b.Grow(len(src) * 3 / 2)
	out.w.Reset(&out.b)
	if err := md.Renderer().Render(out.w, src, root); err != nil {
		return doc, err
	}
	if err := out.w.Flush(); err != nil {
		return doc, err
	}
	doc.HTML = out.b.String()
	return doc, nil
}

// htmlOut is where bodies are rendered, kept as strings: goldmark wraps a
// writer that is not buffered in a new 4 KB bufio.Writer, and a fresh
// buffer, then a copy, for every body would make garbage in proportion to
// the whole site.
type htmlOut struct {
	b bytes.Buffer
	w *bufio.Writer
}

var htmlOuts = sync.Pool{New: func() any {
	out := new(htmlOut)
	out.w = bufio.NewWriter(&out.b)
	return out
}}

// feedFootnotes renders footnote links without their in-page anchors.
type feedFootnotes struct{}

func (feedFootnotes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(w, "<sup>%d</sup>", n.(*east.FootnoteLink).Index)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindFootnoteBacklink, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil
	})
}

func rewrite(dest []byte, resolve Resolver) []byte {
	if resolve == nil {
		return dest
	}
	return []byte(resolve(string(dest)))
}

// plainText is the visible text of n, with soft line breaks as spaces.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(src))
		}
		return ast.WalkContinue, nil
	})
	// The typographer stores its quotes and dashes as HTML entities.
	return strings.TrimSpace(html.UnescapeString(b.String()))
}
