package render

import (
	"errors"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// Funcs are the functions templates may call:
//
//	date t        "Wednesday 18 November 2026"
//	iso t         RFC 3339, for <time datetime>
//	join names    "A", "A and B", "A, B and C"
//	plural n w ws "1 article", "3 articles"
//	abs site path an absolute URL for a site path (or a URL as written in an entry)
//	lang page     the page's language: the entry's lang, else the site's
//	jsonld page   schema.org NewsArticle JSON-LD of an article page
//	cached name data [variants]  the named template's output, made once per build (see cachedIn)
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":   longDate,
		"iso":    iso,
		"join":   joinNames,
		"plural": plural,
		"abs":    abs,
		"lang":   lang,
		"jsonld": jsonLD,
		"cached": func(string, any, ...any) (template.HTML, error) { return "", errNotRendering },
	}
}

var errNotRendering = errors.New("cached: only pages rendered by a Renderer can use it")

func longDate(t time.Time) string { return t.Format("Monday 2 January 2006") }

func iso(t time.Time) string { return t.Format(time.RFC3339) }

func joinNames(names []string) string {
	switch n := len(names); n {
	case 0:
		return ""
	case 1:
		return names[0]
	default:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// abs resolves ref against the site's base URL: site paths such as
// Article.URL keep their base path, and absolute URLs are left alone.
func abs(v *siteView, ref string) string {
	return absURL(v.s, ref)
}

func absURL(s *site.Site, ref string) string {
	if strings.HasPrefix(ref, s.BasePath) {
		return s.AbsURL(ref)
	}
	base, err := url.Parse(s.Config.BaseURL)
	if err != nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

func lang(p pageView) string {
	if a := p.Article; a != nil && a.Lang != "" {
		return a.Lang
	}
	return p.c.p.Site.Config.Language
}
