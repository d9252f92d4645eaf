package ingest

import (
	"regexp"
	"testing"
)

// declaredMeta matches what a page declares about itself beyond its text:
// the meta tags of Open Graph, Twitter, article:*, Dublin Core and the
// author, date and title names, JSON-LD, and microdata's itemprop.
var declaredMeta = regexp.MustCompile(`(?is)<meta[^>]+(property|name|itemprop)\s*=\s*["']?(og:|twitter:|article:|dc\.|dcterms|sailthru|parsely|author|byline|date|pubdate|publish|headline|title|description)[^>]*>` +
	`|<script[^>]+ld\+json[^>]*>.*?</script>` +
	`|\sitemprop\s*=\s*["'][^"']*["']`)

// TestEvalUndeclared scores trafilatura-dev's pages with all they declare
// taken out, as pages of older layouts come: the title, byline and date
// then come from the heuristics alone (the headings, the <title>, the
// visible byline and dateline). Each figure fails below a floor a little
// under today's. -short skips it; INGEST_EVAL_V=1 lists the misses.
func TestEvalUndeclared(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	s := scoreTrafilatura(t, func(page []byte) []byte { return declaredMeta.ReplaceAll(page, nil) })
	s.check(t, "undeclared: ", 0.785, 0.56, 0.845, 0.92)
}
