package render

import (
	"html/template"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

// articleRef is an article of a list, which costs little to make: a
// template often takes only the length of a list. Its fields are methods
// that note the article's unit (an articleView is made only for what
// leads further, and for a cached fragment given the article).
type articleRef struct {
	a *site.Article
	c *pageRender
}

// front notes a read of the article's front matter and place.
func (r articleRef) front() *site.Article {
	r.c.read(deps.Article, r.a.Index)
	return r.a
}

func (r articleRef) Title() string          { return r.front().Title }
func (r articleRef) Dateline() string       { return r.front().Dateline }
func (r articleRef) Source() string         { return r.front().Source }
func (r articleRef) SourceURL() string      { return r.front().SourceURL }
func (r articleRef) Date() time.Time        { return r.front().Date }
func (r articleRef) Updated() time.Time     { return r.front().Updated }
func (r articleRef) Authors() []string      { return r.front().Authors }
func (r articleRef) Editors() []string      { return r.front().Editors }
func (r articleRef) Image() *content.Image  { return r.front().Image }
func (r articleRef) Picture() *site.Picture { return r.front().Picture }
func (r articleRef) Featured() bool         { return r.front().Featured }
func (r articleRef) Draft() bool            { return r.front().Draft }
func (r articleRef) Future() bool           { return r.front().Future }
func (r articleRef) Lang() string           { return r.front().Lang }
func (r articleRef) URL() string            { return r.front().URL }
func (r articleRef) Permalink() string      { return r.front().Permalink }
func (r articleRef) ID() string             { return r.front().ID }
func (r articleRef) Note() template.HTML    { return r.front().Note }
func (r articleRef) Expired() bool          { return r.front().Expired }
func (r articleRef) Expires() time.Time     { return r.front().Expires }
func (r articleRef) Also() []content.Also   { return r.front().Also }
func (r articleRef) Corrections() []content.Correction {
	return r.front().Corrections
}
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

func (r articleRef) Minutes() (int, error)   { return r.view().Minutes() }
func (r articleRef) Related() []*articleView { return r.view().Related() }
