package render

import (
	"time"

	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

// dayView is a day: its date and URL are fixed by how it was reached.
type dayView struct {
	Date time.Time
	URL  string
	d    *site.Day
	c    *pageRender
}

func newDay(c *pageRender, d *site.Day) *dayView {
	if d == nil {
		return nil
	}
	return &dayView{Date: d.Date, URL: d.URL, d: d, c: c}
}

func days(c *pageRender, list []*site.Day) []*dayView { return viewsOf(c, list, newDay) }

// viewsOf are the views of a list of the model's objects.
func viewsOf[T, V any](c *pageRender, list []T, view func(*pageRender, T) V) []V {
	views := make([]V, len(list))
	for i, x := range list {
		views[i] = view(c, x)
	}
	return views
}

// list notes a read of the day's lists and links.
func (v *dayView) list() *site.Day {
	v.c.read(deps.Day, v.d.Index)
	return v.d
}

func (v *dayView) Articles() []articleRef { return articles(v.c, v.d.Articles, deps.Day, v.d.Index) }
func (v *dayView) Newer() *dayView        { return newDay(v.c, v.list().Newer) }
func (v *dayView) Older() *dayView        { return newDay(v.c, v.list().Older) }
func (v *dayView) Month() *monthView      { return newMonth(v.c, v.list().Month) }

// EmailURL and EmailTextURL are the site paths of the day's email edition,
// which follow from its URL.
func (v *dayView) EmailURL() string     { return v.d.EmailURL() }
func (v *dayView) EmailTextURL() string { return v.d.EmailTextURL() }

// groupView is a day's articles under one topic.
type groupView struct {
	Topic    *topicView
	Articles []*articleView
}

func (v *dayView) Groups() []*groupView {
	list := make([]*groupView, len(v.list().Groups))
	for i, g := range v.d.Groups {
		list[i] = &groupView{Topic: newTopic(v.c, g.Topic), Articles: fullArticles(v.c, g.Articles, deps.Day, v.d.Index)}
	}
	return list
}

type monthView struct {
	Date time.Time
	URL  string
	m    *site.Month
	c    *pageRender
}

func newMonth(c *pageRender, m *site.Month) *monthView {
	if m == nil {
		return nil
	}
	return &monthView{Date: m.Date, URL: m.URL, m: m, c: c}
}

func (v *monthView) list() *site.Month {
	v.c.read(deps.Month, v.m.Index)
	return v.m
}

func (v *monthView) Days() []*dayView  { return days(v.c, v.list().Days) }
func (v *monthView) Count() int        { return v.list().Count }
func (v *monthView) Newer() *monthView { return newMonth(v.c, v.list().Newer) }
func (v *monthView) Older() *monthView { return newMonth(v.c, v.list().Older) }
func (v *monthView) Year() *yearView   { return newYear(v.c, v.list().Year) }

type yearView struct {
	Date time.Time
	URL  string
	y    *site.Year
	c    *pageRender
}

func newYear(c *pageRender, y *site.Year) *yearView {
	if y == nil {
		return nil
	}
	return &yearView{Date: y.Date, URL: y.URL, y: y, c: c}
}

func years(c *pageRender, list []*site.Year) []*yearView { return viewsOf(c, list, newYear) }

func (v *yearView) list() *site.Year {
	v.c.read(deps.Year, v.y.Index)
	return v.y
}

func (v *yearView) Count() int       { return v.list().Count }
func (v *yearView) Newer() *yearView { return newYear(v.c, v.list().Newer) }
func (v *yearView) Older() *yearView { return newYear(v.c, v.list().Older) }

func (v *yearView) Months() []*monthView { return viewsOf(v.c, v.list().Months, newMonth) }

// topicView is a topic: its name, description, URL and feeds come from the
// configuration (or, with no topics configured, the slugs entries use),
// which every page's key covers; its articles are a unit.
type topicView struct {
	Slug, Name, Description, URL string
	Feeds                        []site.FeedLink
	t                            *site.Topic
	c                            *pageRender
}

func newTopic(c *pageRender, t *site.Topic) *topicView {
	if t == nil {
		return nil
	}
	return &topicView{Slug: t.Slug, Name: t.Name, Description: t.Description, URL: t.URL, Feeds: t.Feeds, t: t, c: c}
}

func topics(c *pageRender, list []*site.Topic) []*topicView { return viewsOf(c, list, newTopic) }

func (v *topicView) Articles() []articleRef {
	return articles(v.c, v.t.Articles, deps.Topic, v.t.Index)
}

// view is what every view is: bound to one render, standing for one object
// of the model.
type view interface {
	render() *pageRender
	// identity is the model object the view stands for: views are made
	// afresh at each read, so cached keys on what they stand for.
	identity() any
	// rebind is the same view bound to another render (a cached fragment's).
	rebind(c *pageRender) any
}

func (v pageView) render() *pageRender     { return v.c }
func (v *siteView) render() *pageRender    { return v.c }
func (v *articleView) render() *pageRender { return v.c }
func (v *dayView) render() *pageRender     { return v.c }
func (v *monthView) render() *pageRender   { return v.c }
func (v *yearView) render() *pageRender    { return v.c }
func (v *topicView) render() *pageRender   { return v.c }

func (v pageView) identity() any     { return v.c.p }
func (v *siteView) identity() any    { return v.s }
func (v *articleView) identity() any { return v.a }
func (v *dayView) identity() any     { return v.d }
func (v *monthView) identity() any   { return v.m }
func (v *yearView) identity() any    { return v.y }
func (v *topicView) identity() any   { return v.t }

// rebind gives a cached fragment the page: what the fragment reads of the
// site is its own, but what it reads of the page's own objects is not
// noted, as a fragment must depend on nothing but its key (see cachedIn).
func (v pageView) rebind(c *pageRender) any {
	w := newPage(&pageRender{reads: &deps.Reads{}, texts: c.texts, p: c.p})
	w.c = c
	if w.Site != nil {
		w.Site.c = c
	}
	return w
}

func (v *siteView) rebind(c *pageRender) any    { w := *v; w.c = c; return &w }
func (v *articleView) rebind(c *pageRender) any { return newArticle(c, v.a) }
func (v *dayView) rebind(c *pageRender) any     { return newDay(c, v.d) }
func (v *monthView) rebind(c *pageRender) any   { return newMonth(c, v.m) }
func (v *yearView) rebind(c *pageRender) any    { return newYear(c, v.y) }
func (v *topicView) rebind(c *pageRender) any   { return newTopic(c, v.t) }
