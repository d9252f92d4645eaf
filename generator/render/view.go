package render

import (
	"html/template"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

// Texts gives what the model does not hold while pages render.
type Texts interface {
	// Ready reports whether a's Summary is known: the summary of an
	// article without one in its front matter is its body's lead, known
	// once its body is converted.
	Ready(a *site.Article) bool
	// Body is a's body as HTML.
	Body(a *site.Article) (template.HTML, error)
}

// page is what one render of a page (or of a cached fragment) shares: what
// it read, and where texts come from.
type pageRender struct {
	reads *deps.Reads
	texts Texts
	p     *site.Page
}

func (c *pageRender) read(k deps.Kind, obj int) { c.reads.Add(deps.Unit{Kind: k, Obj: int32(obj)}) }

// The views below are the data templates get: the model, read through
// methods that note the units they read (see package deps). They hand out
// no pointer into the model, so no read escapes the record. A view's URL
// and date are fixed by how it was reached (a list or an article already
// noted), and what every page depends on (configuration, topics' names,
// feeds) is in every page's key.

// pageView is the page being rendered: its own fields are in its key.
type pageView struct{ c *pageRender }

func (v pageView) Kind() string             { return v.c.p.Kind }
func (v pageView) Path() string             { return v.c.p.Path }
func (v pageView) URL() string              { return v.c.p.URL }
func (v pageView) Title() string            { return v.c.p.Title }
func (v pageView) Feeds() []site.FeedLink   { return v.c.p.Feeds }
func (v pageView) Pager() *site.Pager       { return v.c.p.Pager }
func (v pageView) Site() *siteView          { return &siteView{c: v.c, s: v.c.p.Site} }
func (v pageView) Article() *articleView    { return newArticle(v.c, v.c.p.Article) }
func (v pageView) Day() *dayView            { return newDay(v.c, v.c.p.Day) }
func (v pageView) Days() []*dayView         { return days(v.c, v.c.p.Days) }
func (v pageView) Month() *monthView        { return newMonth(v.c, v.c.p.Month) }
func (v pageView) Year() *yearView          { return newYear(v.c, v.c.p.Year) }
func (v pageView) Topic() *topicView        { return newTopic(v.c, v.c.p.Topic) }
func (v pageView) Articles() []*articleView { return articles(v.c, v.c.p.Articles) }

// Description is the page's, else (an article page) its article's summary.
func (v pageView) Description() string {
	if d := v.c.p.Description; d != "" || v.c.p.Article == nil {
		return d
	}
	return newArticle(v.c, v.c.p.Article).Summary()
}

type siteView struct {
	c *pageRender
	s *site.Site
}

func (v *siteView) Config() *content.Config { return v.s.Config }
func (v *siteView) BasePath() string        { return v.s.BasePath }
func (v *siteView) Feeds() []site.FeedLink  { return v.s.Feeds }
func (v *siteView) Preview() bool           { return v.s.Preview }

func (v *siteView) Articles() []*articleView {
	v.c.read(deps.Articles, 0)
	return articles(v.c, v.s.Articles)
}

func (v *siteView) Days() []*dayView {
	v.c.read(deps.Days, 0)
	return days(v.c, v.s.Days)
}

func (v *siteView) Months() []*monthView {
	v.c.read(deps.Months, 0)
	list := make([]*monthView, len(v.s.Months))
	for i, m := range v.s.Months {
		list[i] = newMonth(v.c, m)
	}
	return list
}

func (v *siteView) Years() []*yearView {
	v.c.read(deps.Years, 0)
	return years(v.c, v.s.Years)
}

func (v *siteView) Topics() []*topicView {
	v.c.read(deps.Topics, 0)
	return topics(v.c, v.s.Topics)
}

func (v *siteView) Updated() time.Time {
	v.c.read(deps.Updated, 0)
	return v.s.Updated
}

type articleView struct {
	c *pageRender
	a *site.Article
}

func newArticle(c *pageRender, a *site.Article) *articleView {
	if a == nil {
		return nil
	}
	return &articleView{c: c, a: a}
}

func articles(c *pageRender, list []*site.Article) []*articleView {
	views := make([]*articleView, len(list))
	all := make([]articleView, len(list))
	for i, a := range list {
		all[i] = articleView{c: c, a: a}
		views[i] = &all[i]
	}
	return views
}

// front notes a read of the article's front matter and place.
func (v *articleView) front() *site.Article {
	v.c.read(deps.Article, v.a.Index)
	return v.a
}

func (v *articleView) Title() string         { return v.front().Title }
func (v *articleView) Date() time.Time       { return v.front().Date }
func (v *articleView) Updated() time.Time    { return v.front().Updated }
func (v *articleView) Dateline() string      { return v.front().Dateline }
func (v *articleView) Source() string        { return v.front().Source }
func (v *articleView) SourceURL() string     { return v.front().SourceURL }
func (v *articleView) Authors() []string     { return v.front().Authors }
func (v *articleView) Editors() []string     { return v.front().Editors }
func (v *articleView) Image() *content.Image { return v.front().Image }
func (v *articleView) Featured() bool        { return v.front().Featured }
func (v *articleView) Draft() bool           { return v.front().Draft }
func (v *articleView) Future() bool          { return v.front().Future }
func (v *articleView) Lang() string          { return v.front().Lang }
func (v *articleView) URL() string           { return v.front().URL }
func (v *articleView) Permalink() string     { return v.front().Permalink }
func (v *articleView) ID() string            { return v.front().ID }
func (v *articleView) Note() template.HTML   { return v.front().Note }
func (v *articleView) Topics() []*topicView  { return topics(v.c, v.front().Topics) }
func (v *articleView) Day() *dayView         { return newDay(v.c, v.front().Day) }

// Summary is the article's summary; read before it is known, it marks the
// page unready (see deps.Reads).
func (v *articleView) Summary() string {
	v.c.read(deps.Summary, v.a.Index)
	if !v.c.texts.Ready(v.a) {
		v.c.reads.Unready = true
		return ""
	}
	return v.a.Summary
}

func (v *articleView) Body() (template.HTML, error) {
	v.c.read(deps.Body, v.a.Index)
	return v.c.texts.Body(v.a)
}

func (v *articleView) Newer() *articleView {
	v.c.read(deps.Neighbours, v.a.Index)
	return newArticle(v.c, v.a.Newer)
}

func (v *articleView) Older() *articleView {
	v.c.read(deps.Neighbours, v.a.Index)
	return newArticle(v.c, v.a.Older)
}
