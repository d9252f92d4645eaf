package ingest

import (
	"encoding/json"
	"strings"
)

// ldInfo is what a page's JSON-LD says about its article.
type ldInfo struct {
	headline, published, modified, created string
	publisher, section, lang, keywords     string
	imageURL, imageCaption                 string
	authors                                []string
	article                                bool // found an Article-like object, not only a WebPage
}

// ldReader collects the objects of every JSON-LD script of a page, so that
// references by @id ("author": {"@id": "#jane"}) can be resolved once all
// scripts are read.
type ldReader struct {
	objects []map[string]any
	byID    map[string]map[string]any
}

// add reads one script, which pages often wrap in CDATA or comment markers.
func (r *ldReader) add(data string) {
	data = strings.TrimSpace(data)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(data, w[0]) {
			data = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(data, w[0])), w[1]))
		}
	}
	data = strings.TrimSuffix(data, ";")
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	r.collect(v, 0)
}

func (r *ldReader) collect(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			r.collect(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			r.collect(g, depth+1)
		}
		if _, ok := x["@type"]; ok {
			r.objects = append(r.objects, x)
		}
		if id, ok := x["@id"].(string); ok && id != "" {
			if r.byID == nil {
				r.byID = map[string]map[string]any{}
			}
			if _, seen := r.byID[id]; !seen || len(x) > 1 {
				r.byID[id] = x
			}
		}
		if m, ok := x["mainEntity"]; ok {
			r.collect(m, depth+1)
		}
	}
}

// articleTypes are the schema.org types of a story, lowercased: any type
// whose name holds one of these words (NewsArticle, ReportageNewsArticle,
// BlogPosting, LiveBlogPosting, AnalysisNewsArticle, Report, ...).
var articleTypes = [...]string{"article", "posting", "report", "blog"}

func ldType(x map[string]any) string {
	return strings.ToLower(strings.Join(ldStrings(x["@type"]), " "))
}

// info reads the first Article-like object; a WebPage that gives a date or
// a headline is the fallback, then any other work that gives a date (a
// Recipe, a VideoObject, a PodcastEpisode).
func (r *ldReader) info() ldInfo {
	var page, work map[string]any
	for _, x := range r.objects {
		t := ldType(x)
		for _, a := range articleTypes {
			if strings.Contains(t, a) {
				in := r.read(x)
				in.article = true
				return in
			}
		}
		if page == nil && strings.Contains(t, "webpage") && (x["datePublished"] != nil || x["headline"] != nil) {
			page = x
		}
		if work == nil && x["datePublished"] != nil {
			work = x
		}
	}
	if page != nil {
		return r.read(page)
	}
	if work != nil {
		return r.read(work)
	}
	return ldInfo{}
}

func (r *ldReader) read(x map[string]any) ldInfo {
	in := ldInfo{
		headline:  oneLine(ldString(x["headline"])),
		published: ldString(x["datePublished"]),
		modified:  ldString(x["dateModified"]),
		created:   ldString(x["dateCreated"]),
		publisher: oneLine(ldString(r.resolve(x["publisher"]))),
		section:   oneLine(ldString(x["articleSection"])),
		lang:      ldString(x["inLanguage"]),
		keywords:  strings.Join(ldStrings(x["keywords"]), ","),
	}
	if img, ok := r.resolve(first1(x["image"])).(map[string]any); ok {
		in.imageURL = ldString(img["url"])
		in.imageCaption = oneLine(first(ldString(img["caption"]), ldString(img["description"])))
	} else if s, ok := first1(x["image"]).(string); ok {
		in.imageURL = s
	}
	for _, a := range ldList(x["author"]) {
		a = r.resolve(a)
		if o, ok := a.(map[string]any); ok && in.publisher != "" && strings.Contains(ldType(o), "organization") &&
			words(ldString(o["name"])) == words(in.publisher) {
			continue // the publisher named as author credits no one in particular
		}
		for _, n := range ldNames(a) {
			in.authors = append(in.authors, splitNames(cutByPrefix(n))...)
		}
	}
	return in
}

// resolve replaces a reference ({"@id": ...} alone) by the object it names.
func (r *ldReader) resolve(v any) any {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if id, ok := m["@id"].(string); ok {
			if o, ok := r.byID[id]; ok {
				return o
			}
		}
	}
	return v
}

func ldList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

func first1(v any) any {
	if l := ldList(v); len(l) > 0 {
		return l[0]
	}
	return nil
}

// ldString reads a JSON-LD value that may be a string, a list or an object with a name.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		return ldString(x["name"])
	}
	return ""
}

func ldStrings(v any) []string {
	var out []string
	for _, e := range ldList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
	default:
		if s := oneLine(ldString(x)); s != "" && !strings.Contains(s, "://") {
			out = append(out, s)
		}
	}
	return out
}
