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
	// Body is a's body as HTML.
	Body(a *site.Article) (template.HTML, error)
}

// pageRender is what one render of a page (or of a cached fragment)
// shares: what it read, and where texts come from. The renders of pages
// are pooled, one page at a time each, and keep the views of the model's
// lists they made: a topic's list is thousands of articles on each of its
// pages, and making it again for every page would grow with the square of
// the site.
type pageRender struct {
	reads *deps.Reads
	texts Texts
	p     *site.Page
	lists map[listID][]articleRef // views bound to this render, kept from page to page
}

// listID names a list of the model: its unit.
type listID = deps.Unit

func (c *pageRender) read(k deps.Kind, obj int) { c.reads.Add(deps.Unit{Kind: k, Obj: int32(obj)}) }

// The views below are the data templates get: the model, read through
// views that note the units they hand out (see package deps). A view's
// fields are copies of those its unit covers (a field promoted from an
// embedded struct costs html/template an allocating search at every read);
// whatever leads elsewhere in the model is a method that notes what it
// hands out, so no read escapes the record. What every page depends on (configuration, topics' names, feeds)
// is in every page's key, and so is which objects the page is about.

// pageView is the page being rendered: its own fields, and the objects it
// is about, which its key covers (their units are noted as they are made).
type pageView struct {
	Kind, Path, URL, Title, Description string
	Feeds                               []site.FeedLink
	Pager                               *site.Pager
	Site                                *siteView
	Article                             *articleView
	Day                                 *dayView
	Days                                []*dayView
	Month                               *monthView
	Year                                *yearView
	Topic                               *topicView
	Articles                            []*articleView // of a topic page

	c *pageRender
}

func newPage(c *pageRender) pageView {
	p := c.p
	v := pageView{Kind: p.Kind, Path: p.Path, URL: p.URL, Title: p.Title, Description: p.Description,
		Feeds: p.Feeds, Pager: p.Pager, c: c,
		Article: newArticle(c, p.Article), Day: newDay(c, p.Day), Days: days(c, p.Days),
		Month: newMonth(c, p.Month), Year: newYear(c, p.Year), Topic: newTopic(c, p.Topic)}
	if s := p.Site; s != nil {
		v.Site = &siteView{Config: s.Config, BasePath: s.BasePath, Feeds: s.Feeds, Preview: s.Preview, c: c, s: s}
	}
	if p.Articles != nil {
		v.Articles = viewsOf(c, p.Articles, newArticle)
	}
	if v.Description == "" && v.Article != nil {
		v.Description = v.Article.Summary() // an article page describes itself by its summary
	}
	return v
}

// siteView holds the site's settings, which every page's key covers; its
// lists are methods.
type siteView struct {
	Config   *content.Config
	BasePath string
	Feeds    []site.FeedLink
	Preview  bool

	c *pageRender
	s *site.Site
}

// Articles are the listed articles: an expired one is left out of lists.
func (v *siteView) Articles() []articleRef { return articles(v.c, v.s.Listed, deps.Articles, 0) }

func (v *siteView) Days() []*dayView {
	v.c.read(deps.Days, 0)
	return days(v.c, v.s.Days)
}

func (v *siteView) Months() []*monthView {
	v.c.read(deps.Months, 0)
	return viewsOf(v.c, v.s.Months, newMonth)
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

// articleView is an article: its fields are its front matter and place
// (the Article unit), noted when the view is made.
type articleView struct {
	Title, Dateline, Source, SourceURL string
	Date, Updated                      time.Time
	Authors, Editors                   []string
	Image                              *content.Image
	Picture                            *site.Picture // Image as published (its variants' hash is in the Article unit)
	Featured, Draft, Future            bool
	Lang, URL, Permalink, ID           string
	Note                               template.HTML
	Expired                            bool                 // out of lists and feeds: its page shows a banner
	Expires                            time.Time            // zero when not given
	Corrections                        []content.Correction // newest first
	Also                               []content.Also       // other outlets' reports of the story

	a *site.Article
	c *pageRender
}

func newArticle(c *pageRender, a *site.Article) *articleView {
	if a == nil {
		return nil
	}
	c.read(deps.Article, a.Index)
	v := &articleView{}
	v.set(c, a)
	return v
}

func (v *articleView) set(c *pageRender, a *site.Article) {
	*v = articleView{Title: a.Title, Dateline: a.Dateline, Source: a.Source, SourceURL: a.SourceURL,
		Date: a.Date, Updated: a.Updated, Authors: a.Authors, Editors: a.Editors, Image: a.Image, Picture: a.Picture,
		Featured: a.Featured, Draft: a.Draft, Future: a.Future, Lang: a.Lang, URL: a.URL,
		Permalink: a.Permalink, ID: a.ID, Note: a.Note, Expired: a.Expired, Expires: a.Expires,
		Corrections: a.Corrections, Also: a.Also, a: a, c: c}
}

func (v *articleView) Topics() []*topicView { return topics(v.c, v.a.Topics) }
func (v *articleView) Day() *dayView        { return newDay(v.c, v.a.Day) }

// articles are views of a list of the model: they note the list (list is
// its unit's kind, obj its object), whose unit covers which articles it
// holds, in order; each article's unit is noted as its fields are read.
func articles(c *pageRender, all []*site.Article, list deps.Kind, obj int) []articleRef {
	c.read(list, obj)
	id := listID{Kind: list, Obj: int32(obj)}
	if refs, ok := c.lists[id]; ok {
		return refs
	}
	refs := make([]articleRef, len(all))
	for i, a := range all {
		refs[i] = articleRef{a: a, c: c}
	}
	if c.lists != nil {
		c.lists[id] = refs
	}
	return refs
}

// fullArticles are views of a short list of the model (a day's groups),
// whose articles a template shows in full: each is noted.
func fullArticles(c *pageRender, all []*site.Article, list deps.Kind, obj int) []*articleView {
	c.read(list, obj)
	return shownArticles(c, all)
}

// shownArticles are views of articles a template shows in full: each is
// noted as its view is made.
func shownArticles(c *pageRender, all []*site.Article) []*articleView {
	views := make([]*articleView, len(all))
	mem := make([]articleView, len(all))
	for i, a := range all {
		c.read(deps.Article, a.Index)
		mem[i].set(c, a)
		views[i] = &mem[i]
	}
	return views
}

// Summary is the article's summary.
func (v *articleView) Summary() string {
	v.c.read(deps.Summary, v.a.Index)
	return v.a.Summary
}

func (v *articleView) Body() (template.HTML, error) {
	v.c.read(deps.Body, v.a.Index)
	return v.c.texts.Body(v.a)
}

// Entry is the article's entry; its body, when held, is the body unit's.
func (v *articleView) Entry() *content.Entry {
	v.c.read(deps.Body, v.a.Index)
	return v.a.Entry
}

func (v *articleView) Newer() *articleView {
	v.c.read(deps.Neighbours, v.a.Index)
	return newArticle(v.c, v.a.Newer)
}

func (v *articleView) Older() *articleView {
	v.c.read(deps.Neighbours, v.a.Index)
	return newArticle(v.c, v.a.Older)
}
