package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"

	"github.com/digest-news/digest/generator/site"
)

// An article is an item of the site's feeds and of each of its topics', live
// and archived, so the same item would be marshaled again and again, each
// time through encoding/xml's reflection: most of what the feeds cost. Each
// item is marshaled once instead, on its own, and its bytes are spliced into
// every document that holds it.

// memo makes each value once, however many goroutines ask for it at once.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*memoCell[V]
}

type memoCell[V any] struct {
	once sync.Once
	v    V
	err  error
}

func (m *memo[K, V]) get(k K, fn func() (V, error)) (V, error) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[K]*memoCell[V]{}
	}
	c := m.m[k]
	if c == nil {
		c = &memoCell[V]{}
		m.m[k] = c
	}
	m.mu.Unlock()
	c.once.Do(func() { c.v, c.err = fn() })
	return c.v, c.err
}

// itemKey is what an article's item bytes depend on besides the article:
// the format and the channel's language (an RSS item names its own only
// when it differs). Whether the item carries content is the memo's: the
// live feeds share one, with content, and the archives of each month one of
// their own, without.
type itemKey struct {
	article *site.Article
	format  string // site.RSSType or site.AtomType
	lang    string
}

// itemMemo holds the marshaled items of the channel's articles.
type itemMemo = memo[itemKey, []byte]

// item is the marshaled item of e in format: from the channel's memo when
// it is an article's, else (an edition, in one feed only) made anew.
// Minified, an item is minified once, as it is marshaled.
func (c *channel) item(e *entry, format string, marshal func() ([]byte, error)) ([]byte, error) {
	if c.minify != nil {
		indented := marshal
		marshal = func() ([]byte, error) {
			item, err := indented()
			if err != nil {
				return nil, err
			}
			return c.minify(item)
		}
	}
	if c.items == nil || e.article == nil {
		return marshal()
	}
	return c.items.get(itemKey{article: e.article, format: format, lang: c.lang}, marshal)
}

// Where the items sit in their documents: every item of a format is at the
// same depth in every document, rss > channel > item and feed > entry, so
// its bytes, indentation included, are the same wherever it goes.
const (
	rssItemPrefix   = "    "
	atomEntryPrefix = "  "

	rssTail  = "\n  </channel>\n</rss>\n" // after the last item
	atomTail = "\n</feed>\n"
)

// itemEncoder marshals items one after another with one Encoder: making an
// Encoder allocates a 4 KB buffer, more than most items take.
type itemEncoder struct {
	buf bytes.Buffer
	enc *xml.Encoder
}

// The encoders of each depth, as an Encoder keeps its indentation.
var (
	rssItemEncoders   = sync.Pool{New: func() any { return newItemEncoder(rssItemPrefix) }}
	atomEntryEncoders = sync.Pool{New: func() any { return newItemEncoder(atomEntryPrefix) }}
)

func newItemEncoder(prefix string) *itemEncoder {
	e := &itemEncoder{}
	e.enc = xml.NewEncoder(&e.buf)
	e.enc.Indent(prefix, "  ")
	return e
}

// marshalItem writes one item as encoding/xml writes it inside a document
// indented by marshalXML: a newline, then the element indented by the
// encoders' prefix (the depth of the item) on every line.
func marshalItem(v any, encoders *sync.Pool) ([]byte, error) {
	e := encoders.Get().(*itemEncoder)
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err // and the encoder, which keeps its error, is dropped
	}
	// An Encoder starts every element but its first on a new line.
	item := append([]byte("\n"), bytes.TrimPrefix(e.buf.Bytes(), []byte("\n"))...)
	encoders.Put(e)
	return item, nil
}

// marshalWithItems writes doc, a document without its items, as marshalXML
// does, with the items spliced in before tail, the closing tags that end it:
// encoding/xml then walks only what is the document's own.
// Minified, the document is minified without its items, and its tail is
// the closing tags without the blanks between them.
func (c *channel) marshalWithItems(doc any, tail string, items [][]byte) ([]byte, error) {
	b := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(b)
	if err := encodeXML(b, doc); err != nil {
		return nil, err
	}
	shell := b.Bytes()
	if c.minify != nil {
		var err error
		if shell, err = c.minify(shell); err != nil {
			return nil, err
		}
		tail = strings.Join(strings.Fields(tail), "")
	}
	if !bytes.HasSuffix(shell, []byte(tail)) {
		return nil, fmt.Errorf("document does not end in %q", tail)
	}
	n := len(shell)
	for _, it := range items {
		n += len(it)
	}
	out := make([]byte, 0, n)
	out = append(out, shell[:len(shell)-len(tail)]...)
	for _, it := range items {
		out = append(out, it...)
	}
	return append(out, tail...), nil
}
