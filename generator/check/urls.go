package check

import (
	"bytes"
	"crypto/sha256"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// absolute reports whether raw is an absolute http(s) URL.
func absolute(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// iri reports whether raw is an absolute IRI (any scheme), as Atom ids must be.
func iri(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && u.Scheme != "" && !strings.ContainsAny(raw, " \t\n")
}

// urlAttrs are the HTML attributes holding URLs, by element.
var urlAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "img": {"src", "srcset"},
	"script": {"src"}, "source": {"src", "srcset"}, "video": {"src", "poster"},
	"audio": {"src"}, "iframe": {"src"}, "embed": {"src"}, "track": {"src"},
	"object": {"data"}, "form": {"action"}, "blockquote": {"cite"}, "q": {"cite"},
	"ins": {"cite"}, "del": {"cite"},
}

// ref is one URL found in HTML, with its line.
type ref struct {
	tag, url string
	line     int
}

// htmlRefs lists the URLs an HTML document links to and the ids it defines.
func htmlRefs(doc []byte) (refs []ref, ids map[string]bool) {
	ids = map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(doc))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs, ids
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "id" || (a.Key == "name" && tok.Data == "a") {
					ids[a.Val] = true
				}
				for _, k := range urlAttrs[tok.Data] {
					if a.Key != k {
						continue
					}
					for _, u := range splitSrcset(k, a.Val) {
						refs = append(refs, ref{tag: tok.Data, url: u, line: line})
					}
				}
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// splitSrcset returns the URLs of an attribute: one, or each candidate of a srcset.
func splitSrcset(key, val string) []string {
	if key != "srcset" {
		return []string{strings.TrimSpace(val)}
	}
	var out []string
	for _, c := range strings.Split(val, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// distrusted are elements that readers strip from item content.
var distrusted = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true,
	"form": true, "style": true, "meta": true, "link": true}

// checkContent applies the rules for HTML inside a feed item: every URL
// absolute (a bare #fragment only warns: the W3C rules allow it, but readers
// resolve it against the feed, not the article) and no elements readers strip.
func checkContent(f *findings, line int, where, fragment string) {
	refs := contentRefs(fragment)
	for _, r := range refs {
		if distrusted[r.tag] {
			f.warnf(line, "<%s> in %s: readers strip or distrust it", r.tag, where)
		}
		u, err := url.Parse(r.url)
		switch {
		case err != nil:
			f.errorf(line, "URL %q in %s does not parse", r.url, where)
		case u.Scheme != "":
		case strings.HasPrefix(r.url, "#"):
			f.warnf(line, "link %q in %s: readers resolve it against the feed, not the article; make it absolute (permalink%s)", r.url, where, r.url)
		default:
			f.errorf(line, "relative URL %q in %s: readers cannot resolve it; make it absolute", r.url, where)
		}
	}
}

// contentRefs is htmlRefs of a feed item's HTML, remembered: one article's
// HTML is in the site's feeds and in its topics' feeds, in each format.
func contentRefs(fragment string) []ref {
	key := sha256.Sum256([]byte(fragment))
	refsMu.Lock()
	refs, ok := refsSeen[key]
	refsMu.Unlock()
	if ok {
		return refs
	}
	refs, _ = htmlRefs([]byte(fragment))
	refsMu.Lock()
	if len(refsSeen) >= maxRefsSeen {
		clear(refsSeen) // a long preview session sees many versions
	}
	refsSeen[key] = refs
	refsMu.Unlock()
	return refs
}

const maxRefsSeen = 1 << 14

var (
	refsMu   sync.Mutex
	refsSeen = map[[sha256.Size]byte][]ref{}
)
