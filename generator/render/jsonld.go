package render

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// The types below are schema.org things. Their fields are in the byte order
// of their JSON names, as encoding/json orders map keys: the output is the
// same as from maps, which cost far more to marshal.
type newsArticle struct {
	Context          string        `json:"@context"`
	Type             string        `json:"@type"`
	ArticleSection   string        `json:"articleSection,omitempty"`
	Author           []agent       `json:"author"`
	Citation         []citation    `json:"citation,omitempty"`
	Correction       []comment     `json:"correction,omitempty"`
	DateModified     string        `json:"dateModified"`
	DatePublished    string        `json:"datePublished"`
	Dateline         string        `json:"dateline,omitempty"`
	Description      string        `json:"description,omitempty"`
	Headline         string        `json:"headline"`
	Image            []imageObject `json:"image,omitempty"`
	InLanguage       string        `json:"inLanguage"`
	MainEntityOfPage webPage       `json:"mainEntityOfPage"`
	Publisher        publisher     `json:"publisher"`
	URL              string        `json:"url"`
}

type agent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// comment is a schema.org CorrectionComment: a correction of the article.
type comment struct {
	Type          string `json:"@type"`
	DatePublished string `json:"datePublished"`
	Text          string `json:"text"`
}

// citation is another outlet's report of the same story (an also item),
// a schema.org NewsArticle cited by this one.
type citation struct {
	Type          string `json:"@type"`
	DatePublished string `json:"datePublished,omitempty"`
	Headline      string `json:"headline,omitempty"`
	Publisher     agent  `json:"publisher"`
	URL           string `json:"url,omitempty"`
}

type webPage struct {
	ID   string `json:"@id"`
	Type string `json:"@type"`
}

type publisher struct {
	Type string      `json:"@type"`
	Logo imageObject `json:"logo"`
	Name string      `json:"name"`
	URL  string      `json:"url"`
}

type imageObject struct {
	Type   string `json:"@type"`
	Height int    `json:"height,omitempty"`
	URL    string `json:"url"`
	Width  int    `json:"width,omitempty"`
}

// jsonLD describes an article page as a schema.org NewsArticle. json.Marshal
// escapes <, > and &, so the result is safe inside a <script> element.
func jsonLD(p pageView) (template.JS, error) {
	v := p.Article
	if v == nil {
		return "", nil
	}
	a := v.a // the fields below are its front matter (noted with the view), but for the summary
	s := p.c.p.Site
	modified := a.Date
	if a.Updated.After(a.Date) {
		modified = a.Updated
	}
	doc := newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		Author:           authors(a, s),
		DateModified:     modified.Format(time.RFC3339),
		DatePublished:    a.Date.Format(time.RFC3339),
		Dateline:         a.Dateline,
		Description:      v.Summary(),
		Headline:         a.Title,
		InLanguage:       lang(p),
		MainEntityOfPage: webPage{Type: "WebPage", ID: a.Permalink},
		Publisher: publisher{Type: "Organization", Name: s.Config.Title, URL: s.Config.BaseURL,
			Logo: imageObject{Type: "ImageObject", URL: s.AbsURL(s.BasePath + "favicon.svg")}},
		URL: a.Permalink,
	}
	if pic := a.Picture; pic != nil {
		doc.Image = []imageObject{{Type: "ImageObject", URL: absURL(s, pic.URL), Width: pic.Width, Height: pic.Height}}
	}
	if len(a.Topics) > 0 {
		doc.ArticleSection = a.Topics[0].Name
	}
	for _, c := range a.Corrections {
		doc.Correction = append(doc.Correction, comment{Type: "CorrectionComment", DatePublished: c.Date.Format(time.RFC3339), Text: c.Text})
	}
	for _, c := range a.Also {
		cite := citation{Type: "NewsArticle", Headline: c.Title, Publisher: agent{Type: "Organization", Name: c.Source}, URL: c.SourceURL}
		if !c.Date.IsZero() {
			cite.DatePublished = c.Date.Format(time.RFC3339)
		}
		doc.Citation = append(doc.Citation, cite)
	}
	b, err := json.Marshal(doc)
	return template.JS(b), err
}

// authors are the entry's authors, else the source, else the site's author.
func authors(a *site.Article, s *site.Site) []agent {
	var list []agent
	for _, name := range a.Authors {
		list = append(list, agent{Type: "Person", Name: name})
	}
	if len(list) == 0 && a.Source != "" {
		list = append(list, agent{Type: "Organization", Name: a.Source})
	}
	if len(list) == 0 {
		name := s.Config.Author
		if name == "" {
			name = s.Config.Title
		}
		list = append(list, agent{Type: "Organization", Name: name})
	}
	return list
}
