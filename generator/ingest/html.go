package ingest

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extractor finds the article in a parsed page, which it may change: the
// page is parsed for it alone. Readability is the one the
// command uses: behind the same Markdown conversion and news cleaning its
// bodies come closer to the annotated ones than go-trafilatura's (compare
// with TestEvalHTML and INGEST_EXTRACTOR=trafilatura). Trafilatura lives in
// the tests only: its date library would slow the start of every digest run.
type Extractor func(doc *html.Node, base *url.URL) (*html.Node, error)

// Readability extracts the article with go-readability. It works on doc
// itself, the page being parsed for it alone, rather than on the deep copy
// readability.FromDocument makes of every node; that copy drops the
// elements' namespaces, so they are cleared first to keep the same article.
func Readability(doc *html.Node, base *url.URL) (*html.Node, error) {
	clearNamespaces(doc)
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return nil, err
	}
	if art.Node == nil {
		return nil, errors.New("no article text found in the page")
	}
	return art.Node, nil
}

func clearNamespaces(n *html.Node) {
	n.Namespace = ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		clearNamespaces(c)
	}
}

// ExtractHTML extracts the article of a whole HTML page, decoded from the
// charset it declares; the article's text is valid UTF-8. pageURL, when
// known, resolves relative links and is the fallback source_url.
func ExtractHTML(page []byte, pageURL string, loc *time.Location, ex Extractor) (Article, error) {
	a, err := extractHTML(decodeHTML(page, ""), pageURL, loc, ex)
	a.repairUTF8()
	return a, err
}

func extractHTML(page []byte, pageURL string, loc *time.Location, ex Extractor) (Article, error) {
	if ex == nil {
		ex = Readability
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, err
	}
	base, _ := url.Parse(pageURL)
	a, vis := readPage(doc, base, loc)
	keepEmbeds(doc)
	var caption string
	dropCaptions(doc, &caption)
	node, err := ex(doc, base)
	if err != nil {
		return a, err
	}
	a.Paras = htmlParas(node, base, a.Title)
	finishNews(&a)
	addStandfirst(&a, vis)
	if a.Image.Caption == "" && caption != "" {
		if cr, ok := strings.CutPrefix(caption, "Credit "); ok { // a credit alone
			a.Image.Credit = cr
		} else if c, cr, ok := cutCaption(caption); ok {
			a.Image.Caption, a.Image.Credit = c, cr
		} else {
			a.Image.Caption = caption
		}
	}
	if len(a.Paras) == 0 {
		return a, errors.New("no article text found in the page")
	}
	if a.Date.IsZero() {
		a.Date, a.Zoned = vis.footDate(a.Paras, loc)
	}
	if a.Title == "" {
		a.Title = fallbackTitle(a.Paras)
	}
	return a, nil
}

// htmlParas sanitizes the article node, converts it to Markdown and splits
// the paragraphs; a leading copy of the headline is dropped.
func htmlParas(node *html.Node, base *url.URL, title string) []string {
	wrapper := &html.Node{Type: html.ElementNode, Data: "div"}
	if node.Parent != nil {
		node.Parent.RemoveChild(node)
	}
	wrapper.AppendChild(node)
	sanitize(wrapper, base)
	md, err := htmltomarkdown.ConvertNode(wrapper)
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range strings.Split(string(md), "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" || p == "* * *" || p == "---" {
			continue
		}
		if len(out) == 0 && sameText(strings.TrimLeft(p, "# "), title) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// sameText compares two strings by their words, ignoring case and punctuation.
func sameText(a, b string) bool {
	return sameWords(a, words(b))
}

// sameWords is sameText with the words of b given.
func sameWords(a, bWords string) bool {
	return a != "" && wordsAre(a, bWords)
}

// fragmentParas converts an HTML fragment (a feed item, a JSON field)
// without running an extractor: the fragment is the article.
func fragmentParas(fragment string, base *url.URL) []string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		ctx.AppendChild(n)
	}
	return htmlParas(ctx, base, "")
}

// embedClasses mark the standard markup of embedded posts (Twitter,
// Instagram, TikTok): a quote of the post that the article cites.
var embedClasses = [...]string{"twitter-tweet", "instagram-media", "tiktok-embed"}

// keepEmbeds clears the class and id of the wrappers around embedded posts
// ("social-media-embed") and turns the post's links into text: extractors
// take such short, link-dense boxes for share buttons and drop the quote.
func keepEmbeds(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.Blockquote {
		for _, at := range n.Attr {
			if at.Key != "class" {
				continue
			}
			for _, c := range embedClasses {
				if strings.Contains(at.Val, c) {
					for p, i := n.Parent, 0; p != nil && i < 3 && p.DataAtom != atom.Body; p, i = p.Parent, i+1 {
						p.Attr = slices.DeleteFunc(p.Attr, func(a html.Attribute) bool { return a.Key == "class" || a.Key == "id" })
					}
					unlink(n)
					return
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		keepEmbeds(c)
	}
}

// unlink replaces the links under n by their text.
func unlink(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		unlink(c)
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			unwrap(c)
		}
		c = next
	}
}
