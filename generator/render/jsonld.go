package render

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/digest-news/digest/generator/site"
)

type thing = map[string]any

// jsonLD describes an article page as a schema.org NewsArticle. json.Marshal
// escapes <, > and &, so the result is safe inside a <script> element.
func jsonLD(p *site.Page) (template.JS, error) {
	a := p.Article
	if a == nil {
		return "", nil
	}
	s := p.Site
	modified := a.Date
	if a.Updated.After(a.Date) {
		modified = a.Updated
	}
	publisher := thing{"@type": "Organization", "name": s.Config.Title, "url": s.Config.BaseURL,
		"logo": thing{"@type": "ImageObject", "url": s.AbsURL(s.BasePath + "favicon.svg")}}
	doc := thing{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"url":              a.Permalink,
		"mainEntityOfPage": thing{"@type": "WebPage", "@id": a.Permalink},
		"datePublished":    a.Date.Format(time.RFC3339),
		"dateModified":     modified.Format(time.RFC3339),
		"inLanguage":       lang(p),
		"publisher":        publisher,
		"author":           authors(a, s),
	}
	if a.Summary != "" {
		doc["description"] = a.Summary
	}
	if a.Image != nil && a.Image.URL != "" {
		doc["image"] = []string{abs(s, a.Image.URL)}
	}
	if a.Dateline != "" {
		doc["dateline"] = a.Dateline
	}
	if len(a.Topics) > 0 {
		doc["articleSection"] = a.Topics[0].Name
	}
	b, err := json.Marshal(doc)
	return template.JS(b), err
}

// authors are the entry's authors, else the source, else the site's author.
func authors(a *site.Article, s *site.Site) []thing {
	var list []thing
	for _, name := range a.Authors {
		list = append(list, thing{"@type": "Person", "name": name})
	}
	if len(list) == 0 && a.Source != "" {
		list = append(list, thing{"@type": "Organization", "name": a.Source})
	}
	if len(list) == 0 {
		name := s.Config.Author
		if name == "" {
			name = s.Config.Title
		}
		list = append(list, thing{"@type": "Organization", "name": name})
	}
	return list
}
