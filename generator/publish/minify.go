package publish

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	mxml "github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
	pxml "github.com/tdewolff/parse/v2/xml"
)

// mediaTypes maps output file extensions to the minifier used for them.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".opml": "text/xml",
	".json": "application/json",
}

// minifier is configured once. Document and end tags are kept, as Hugo does,
// so HTML validators and feed readers see complete documents.
var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepDefaultAttrVals: true, KeepQuotes: true, KeepSpecialComments: true})
	m.Add("text/css", &css.Minifier{})
	m.Add("application/javascript", &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("text/xml", &mxml.Minifier{})
	m.Add("application/json", &json.Minifier{})
	return m
}()

// Minify returns data minified for the type its path names; other files are returned as they are.
func Minify(name string, data []byte) ([]byte, error) {
	if !Minifiable(name) {
		return data, nil
	}
	var b bytes.Buffer
	if err := MinifyTo(&b, name, bytes.NewBuffer(data)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Minifiable reports whether files named like name are minified.
func Minifiable(name string) bool {
	_, ok := mediaTypes[path.Ext(name)]
	return ok
}

// MinifyTo appends to dst the content of src minified for the type name
// names (copied as it is for other types). src is read in place, without a
// copy; spare capacity in it saves the minifier a reallocation.
func MinifyTo(dst *bytes.Buffer, name string, src *bytes.Buffer) error {
	mediaType, ok := mediaTypes[path.Ext(name)]
	if !ok {
		dst.Write(src.Bytes())
		return nil
	}
	if rewrite := textRewriters[mediaType]; rewrite != nil && needsRewrite(src.Bytes()) {
		src = bytes.NewBuffer(rewrite(src.Bytes()))
	}
	if src.Available() == 0 {
		src.Grow(1)
	}
	dst.Grow(src.Len())
	if err := minifier.MinifyMimetype([]byte(mediaType), dst, src, nil); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return nil
}

// The minifiers decode character references in text with
// parse.ReplaceMultipleWhitespaceAndEntities, which moves the rest of the
// text token each time a reference changes length: a paragraph of a million
// typographic quotes, or a feed item whose escaped HTML holds a million
// &#34;, took minutes. canonicalText does that decoding beforehand in one
// pass, writing each reference as the minifier would leave it, so the
// minifier finds nothing to move and its output is unchanged (the fuzz
// tests compare the two). References whose decoded form could change what
// surrounds them (whitespace, letters, digits, '#', ';', '<') are left for
// the minifier: neither goldmark nor encoding/xml writes them.

// rewriteAbove is the cost, in bytes the minifier could move (references
// times document length), above which text is decoded beforehand; below it
// the extra lexing pass would cost more than it saves.
const rewriteAbove = 1 << 26

var textRewriters = map[string]func([]byte) []byte{"text/html": rewriteHTML, "text/xml": rewriteXML}

func needsRewrite(data []byte) bool {
	n := bytes.Count(data, []byte{'&'})
	return n > 0 && n*len(data) > rewriteAbove
}

// rewriteHTML returns data with the text the HTML minifier decodes written
// canonically, or data itself when lexing fails (the minifier will report it).
func rewriteHTML(data []byte) []byte {
	out := make([]byte, 0, len(data))
	z := parse.NewInputBytes(data)
	l := phtml.NewLexer(z)
	last, inPre, raw := 0, false, false
	for {
		tt, tok := l.Next()
		switch tt {
		case phtml.ErrorToken:
			if l.Err() != io.EOF {
				return data
			}
			return append(out, data[last:]...)
		case phtml.StartTagToken, phtml.EndTagToken:
			name := string(l.Text())
			raw = tt == phtml.StartTagToken && rawHTML[name]
			if name == "pre" {
				inPre = tt == phtml.StartTagToken
			}
		case phtml.TextToken:
			if raw || inPre || bytes.IndexByte(tok, '&') < 0 {
				continue
			}
			end := z.Offset()
			out = append(out, data[last:end-len(tok)]...)
			out = canonicalText(out, tok, mhtml.EntitiesMap, mhtml.TextRevEntitiesMap)
			last = end
		}
	}
}

// rawHTML are the elements whose text the HTML minifier keeps as it is, or
// minifies with another minifier, or that the lexer reads as raw text; more
// than it needs, as leaving text alone is always safe.
var rawHTML = map[string]bool{"script": true, "style": true, "textarea": true, "iframe": true, "title": true,
	"xmp": true, "plaintext": true, "noscript": true, "noembed": true, "noframes": true, "template": true, "svg": true, "math": true}

// rewriteXML is rewriteHTML for XML, whose minifier decodes every text token.
func rewriteXML(data []byte) []byte {
	out := make([]byte, 0, len(data))
	z := parse.NewInputBytes(data)
	l := pxml.NewLexer(z)
	last := 0
	for {
		tt, tok := l.Next()
		switch tt {
		case pxml.ErrorToken:
			if l.Err() != io.EOF {
				return data
			}
			return append(out, data[last:]...)
		case pxml.TextToken:
			if bytes.IndexByte(tok, '&') < 0 {
				continue
			}
			end := z.Offset()
			out = append(out, data[last:end-len(tok)]...)
			out = canonicalText(out, tok, mxml.EntitiesMap, mxml.TextRevEntitiesMap)
			last = end
		}
	}
}

// canonicalText appends text to dst with each character reference the
// minifier would rewrite already rewritten, when that is safe.
func canonicalText(dst, text []byte, entities map[string][]byte, rev map[byte][]byte) []byte {
	var scratch [16]byte
	for i := 0; i < len(text); i++ {
		if text[i] != '&' || i+3 >= len(text) {
			dst = append(dst, text[i])
			continue
		}
		repl, end, resume := reference(scratch[:0], text, i, entities, rev)
		if repl != nil && inert(repl) {
			dst = append(dst, repl...)
			dst = append(dst, text[end:resume]...)
		} else {
			dst = append(dst, text[i:resume]...)
		}
		i = resume - 1
	}
	return dst
}

// reference reports what the minifier's text pass does with the reference
// starting at text[i]: replaces text[i:end] with repl when repl is not nil,
// and goes on scanning at resume either way. A numeric reference's repl is
// written in buf.
func reference(buf, text []byte, i int, entities map[string][]byte, rev map[byte][]byte) (repl []byte, end, resume int) {
	j := i + 1
	if text[j] == '#' {
		j++
		if text[j] == 'x' {
			j++
			c := 0
			for ; j < len(text) && hexDigit(text[j]) >= 0; j++ {
				c = c<<4 + hexDigit(text[j])
			}
			if j <= i+3 || c >= 10000 {
				return nil, 0, j
			}
			if c < 128 {
				repl = append(buf, byte(c))
			} else {
				repl = append(strconv.AppendInt(append(buf, "&#"...), int64(c), 10), ';')
			}
		} else {
			c := 0
			for ; j < len(text) && c < 128 && '0' <= text[j] && text[j] <= '9'; j++ {
				c = c*10 + int(text[j]-'0')
			}
			if j <= i+2 || c >= 128 {
				return nil, 0, j
			}
			repl = append(buf, byte(c))
		}
	} else {
		for ; j < len(text) && j-i-1 <= 31 && text[j] != ';' && alnum(text[j]); j++ {
		}
		if j >= len(text) || j == i+1 || text[j] != ';' {
			return nil, 0, i + 1
		}
		var ok bool
		if repl, ok = entities[string(text[i+1:j])]; !ok {
			return nil, 0, j + 1
		}
	}
	if j >= len(text) || text[j] != ';' || j+1-i <= 2 {
		return nil, 0, i + 1
	}
	if len(repl) == 1 {
		if q, ok := rev[repl[0]]; ok {
			if bytes.Equal(q, text[i:j+1]) {
				return nil, 0, j + 1
			}
			repl = q
		} else if repl[0] == '&' && j+1 < len(text) && (alnum(text[j+1]) || text[j+1] == '#') {
			return nil, 0, j + 2
		}
	}
	return repl, j + 1, j + 1
}

// inert reports whether the minifier, reading repl where a reference was,
// would treat what surrounds it as it did the reference: repl is itself a
// reference it keeps, or holds no byte that could end or continue a
// reference, start a tag or collapse with nearby whitespace.
func inert(repl []byte) bool {
	if repl[0] == '&' && len(repl) > 1 {
		return true
	}
	for _, c := range repl {
		if c < 0x80 && !strings.ContainsRune("&!\"$%'()*+,-./:=>?@[\\]^_`{|}~", rune(c)) {
			return false
		}
	}
	return true
}

func alnum(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
