package publish

import (
	"bytes"
	"fmt"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
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
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepDefaultAttrVals: true, KeepQuotes: true, KeepSpecialComments: true})
	m.Add("text/css", &css.Minifier{})
	m.Add("application/javascript", &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("text/xml", &xml.Minifier{})
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
	if src.Available() == 0 {
		src.Grow(1)
	}
	dst.Grow(src.Len())
	if err := minifier.MinifyMimetype([]byte(mediaType), dst, src, nil); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return nil
}
