package check

import (
	"net/url"
	"path"
	"strings"
	"time"
)

// links wants every internal link of an HTML page to name a built file and,
// with a #fragment, an id in that page.
func (o *output) links(f *findings, name string) {
	refs, _ := htmlRefs(o.files[name])
	page := o.pageURL(name)
	for _, r := range refs {
		u, err := url.Parse(r.url)
		if err != nil {
			f.errorf(r.line, "<%s> URL %q does not parse: %v", r.tag, r.url, err)
			continue
		}
		if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
			continue // mailto:, data:, tel:
		}
		if name == "404.html" && u.Scheme == "" && !strings.HasPrefix(r.url, "/") && !strings.HasPrefix(r.url, "#") {
			f.errorf(r.line, "<%s> %q is relative, but 404.html is served at any address; start it with %s", r.tag, r.url, o.base.Path)
			continue
		}
		abs := page.ResolveReference(u)
		if abs.Host != o.base.Host || abs.Scheme != o.base.Scheme && u.Scheme != "" {
			continue // another site
		}
		rel, ok := strings.CutPrefix(abs.Path, o.base.Path)
		if !ok {
			if u.Scheme == "" {
				f.errorf(r.line, "<%s> %q leaves the site's base path %s", r.tag, r.url, o.base.Path)
			}
			continue
		}
		target, found := o.target(rel)
		switch {
		case !found:
			f.errorf(r.line, "<%s> %q: %s is not in the output", r.tag, r.url, rel)
		case target != rel && target != rel+"index.html" && target != rel+".html":
			f.warnf(r.line, "<%s> %q names a folder without its trailing slash; write %s/", r.tag, r.url, rel)
		case abs.Fragment != "" && path.Ext(target) == ".html" && !o.hasID(target, abs.Fragment):
			f.errorf(r.line, "<%s> %q: no id %q in %s", r.tag, r.url, abs.Fragment, target)
		}
	}
}

// pageURL is the address of the page in file name (index.html is its folder).
func (o *output) pageURL(name string) *url.URL {
	p := strings.TrimSuffix(name, "index.html")
	return o.base.ResolveReference(&url.URL{Path: p})
}

// target is the file a path below the base path is served from, as GitHub
// Pages does: folders by their index.html.
func (o *output) target(rel string) (string, bool) {
	rel = strings.TrimPrefix(rel, "/")
	candidates := []string{rel}
	if rel == "" || strings.HasSuffix(rel, "/") {
		candidates = []string{rel + "index.html"}
	} else {
		candidates = append(candidates, rel+"/index.html", rel+".html")
	}
	for _, c := range candidates {
		if _, ok := o.files[c]; ok {
			return c, true
		}
	}
	return "", false
}

func (o *output) hasID(file, fragment string) bool {
	if fragment == "top" {
		return true
	}
	ids, ok := o.ids[file]
	if !ok {
		_, ids = htmlRefs(o.files[file])
		o.ids[file] = ids
	}
	return ids[fragment]
}

// rfc3339 is "" for an RFC 3339 date, else what is wrong.
func rfc3339(s string) string {
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		return "is not an RFC 3339 date like 2006-01-02T15:04:05Z"
	}
	return ""
}
