package render

import (
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/locale"
	"github.com/digest-news/digest/generator/site"
)

// Funcs are the functions templates may call, in the language of the
// Renderer's Strings (see package locale):
//
//	t key [args]  the text of key, {1}, {2}… filled by args: "Page 2 of 5"
//	count key n [args]  the singular or plural text of key for n: "1 article", "3 articles"
//	date t        "Wednesday 18 November 2026"
//	shortdate t   "18 Nov 2026"
//	monthyear t   "November 2026"
//	monthname t   "November"
//	clock t       "07:30"
//	capital s     s with a capital first letter (a French date heading a page)
//	iso t         RFC 3339, for <time datetime>
//	join names    "A", "A and B", "A, B and C"
//	plural n w ws "1 article", "3 articles" (words as given, in any language)
//	abs site path an absolute URL for a site path (or a URL as written in an entry)
//	lang page     the page's language: the entry's lang, else the site's
//	jsonld page   schema.org NewsArticle JSON-LD of an article page
//	plain site h  HTML (a note) as plain text, links absolute, for email.txt
//	pictureOf a sizes eager  an article's picture for the img template: its sizes, alt, loading
//	cached name data [variants]  the named template's output, made once per build (see cachedIn)
func Funcs() template.FuncMap { return (&Renderer{}).funcs() }

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":         func(key string, args ...any) string { return r.Strings.Text(key, texts(args)...) },
		"count":     func(key string, n int, args ...any) string { return r.Strings.Count(key, n, texts(args)...) },
		"date":      func(t time.Time) string { return r.Strings.LongDate(t) },
		"shortdate": func(t time.Time) string { return r.Strings.ShortDate(t) },
		"monthyear": func(t time.Time) string { return r.Strings.MonthYear(t) },
		"monthname": func(t time.Time) string { return r.Strings.MonthName(t) },
		"clock":     func(t time.Time) string { return r.Strings.Clock(t) },
		"capital":   locale.Capital,
		"iso":       iso,
		"join":      func(names []string) string { return r.Strings.Join(names) },
		"plural":    plural,
		"abs":       abs,
		"lang":      lang,
		"jsonld":    jsonLD,
		"plain":     plain,
		"first":     first,
		"pictureOf": pictureOf,
		"cached":    func(string, any, ...any) (template.HTML, error) { return "", errNotRendering },
	}
}

// texts are a template's arguments as text: numbers and strings alike.
func texts(args []any) []string {
	list := make([]string, len(args))
	for i, a := range args {
		list[i] = fmt.Sprint(a)
	}
	return list
}

var errNotRendering = errors.New("cached: only pages rendered by a Renderer can use it")

// first is the first n items of a list, or the whole list when it is
// shorter: a listing shows so many and links to the rest.
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("first: a %T is not a list", list)
	}
	return v.Slice(0, max(0, min(n, v.Len()))).Interface(), nil
}

func iso(t time.Time) string { return t.Format(time.RFC3339) }

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
