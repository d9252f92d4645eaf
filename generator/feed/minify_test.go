package feed

import (
	"bytes"
	"html"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/site"
)

// awkwardBody is feed HTML with what a minifier treats with care: runs of
// blanks and newlines, a preformatted block, entities, quotes, a "]]>" and
// text that is longer escaped than as CDATA.
func awkwardBody(a *site.Article) (string, error) {
	return "<p>  " + html.EscapeString(a.Title) + " &amp; more\n\n  text  </p>\n" +
		"<pre>  keep\n    this  </pre>\n" +
		`<p>"quoted" 'single' a ]]> b <b>bold</b> &lt;not a tag&gt; « ça » </p>` + "\n" +
		`<p><a href="` + a.Permalink + `?a=1&amp;b=2">link</a></p>` + "\n", nil
}

// Minified by parts (each item once, each document's frame once), a feed
// is byte for byte the whole document minified.
func TestMinifiedByParts(t *testing.T) {
	s := testSite(t, "")
	whole, err := everyFile(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := everyFile(s, publish.Minify)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range parts {
		if !f.Minified {
			continue
		}
		kind := path.Base(f.Path)
		if strings.Contains(f.Path, "archive/") {
			kind = "archive " + kind
		}
		kinds[kind]++
		want, err := publish.Minify(f.Path, bytes.Clone(whole[f.Path].Data))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s minified by parts differs from minified whole:\n%s\nwant\n%s", f.Path, f.Data, want)
		}
	}
	for _, kind := range []string{"feed.xml", "atom.xml", "feed.json", "editions.xml", "archive feed.xml", "archive atom.xml"} {
		if kinds[kind] == 0 {
			t.Errorf("no %s minified by parts; got %v", kind, kinds)
		}
	}
	if whole["sitemap.xml"].Minified || parts["sitemap.xml"].Minified {
		t.Error("the sitemap is not made by parts, and is not to be marked minified")
	}
}

func everyFile(s *site.Site, minify Minify) (map[string]File, error) {
	m := map[string]File{}
	var mu sync.Mutex
	var list []File
	err := Each(s, awkwardBody, minify, nil, func(f File) error {
		mu.Lock() // Each's put is called from several goroutines
		defer mu.Unlock()
		list = append(list, f)
		return nil
	})
	for _, f := range list {
		m[f.Path] = f
	}
	return m, err
}
