package render

import (
	"html/template"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

// articleRef is an article of a list: the list's unit covers its fields,
// which are methods here (an articleView is made only for what leads
// further, and for a cached fragment given the article).
type articleRef struct {
	a *site.Article
	c *pageRender
}

func (r articleRef) Title() string                { return r.a.Title }
func (r articleRef) Dateline() string             { return r.a.Dateline }
func (r articleRef) Source() string               { return r.a.Source }
func (r articleRef) SourceURL() string            { return r.a.SourceURL }
func (r articleRef) Date() time.Time              { return r.a.Date }
func (r articleRef) Updated() time.Time           { return r.a.Updated }
func (r articleRef) Authors() []string            { return r.a.Authors }
func (r articleRef) Editors() []string            { return r.a.Editors }
func (r articleRef) Image() *content.Image        { return r.a.Image }
func (r articleRef) Featured() bool               { return r.a.Featured }
func (r articleRef) Draft() bool                  { return r.a.Draft }
func (r articleRef) Future() bool                 { return r.a.Future }
func (r articleRef) Lang() string                 { return r.a.Lang }
func (r articleRef) URL() string                  { return r.a.URL }
func (r articleRef) Permalink() string            { return r.a.Permalink }
func (r articleRef) ID() string                   { return r.a.ID }
func (r articleRef) Note() template.HTML          { return r.a.Note }
func (r articleRef) view() *articleView           { return newArticle(r.c, r.a) }
func (r articleRef) Summary() string              { return r.view().Summary() }
func (r articleRef) Body() (template.HTML, error) { return r.view().Body() }
func (r articleRef) Entry() *content.Entry        { return r.view().Entry() }
func (r articleRef) Topics() []*topicView         { return topics(r.c, r.a.Topics) }
func (r articleRef) Day() *dayView                { return newDay(r.c, r.a.Day) }
func (r articleRef) Newer() *articleView          { return r.view().Newer() }
func (r articleRef) Older() *articleView          { return r.view().Older() }

func (r articleRef) render() *pageRender      { return r.c }
func (r articleRef) identity() any            { return r.a }
func (r articleRef) rebind(c *pageRender) any { return newArticle(c, r.a) }
