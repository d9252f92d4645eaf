package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// smart is goldmark's typographer alone: the paragraph is the only block and
// the typographer the only inline syntax, so a title's asterisks, brackets,
// backslashes and leading hyphens stay as written while its quotes and
// dashes become what the same typographer makes of a body's.
var smart = parser.NewParser(
	parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
	parser.WithInlineParsers(util.Prioritized(extension.NewTypographerParser(
		extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote: "‘", extension.RightSingleQuote: "’",
			extension.LeftDoubleQuote: "“", extension.RightDoubleQuote: "”",
			extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
			extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»", extension.Apostrophe: "’",
		})), 100)),
)

// Smarten gives plain text (a title, summary, caption) the typographer's
// quotes, dashes and ellipses, as characters: pages, feeds and JSON-LD
// then all carry the same text as the body's rendering. Text without
// anything to change is returned as it is, without a parse.
func Smarten(s string) string {
	if !hasTypography(s) {
		return s
	}
	src := []byte(s)
	root := smart.Parse(text.NewReader(src))
	var b strings.Builder
	b.Grow(len(s) + 8)
	for p := root.FirstChild(); p != nil; p = p.NextSibling() {
		if p != root.FirstChild() {
			b.WriteString("\n\n")
		}
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			}
		}
	}
	return b.String()
}

// hasTypography reports whether s holds something the typographer turns
// into another character: a quote, or two dashes, dots or angle brackets.
func hasTypography(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'', '"':
			return true
		case '-', '.', '<', '>':
			if i+1 < len(s) && s[i+1] == c {
				return true
			}
		}
	}
	return false
}
