package render

import (
	"time"

	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

type dayView struct {
	c *pageRender
	d *site.Day
}

func newDay(c *pageRender, d *site.Day) *dayView {
	if d == nil {
		return nil
	}
	return &dayView{c: c, d: d}
}

func days(c *pageRender, list []*site.Day) []*dayView {
	views := make([]*dayView, len(list))
	for i, d := range list {
		views[i] = &dayView{c: c, d: d}
	}
	return views
}

func (v *dayView) Date() time.Time { return v.d.Date }
func (v *dayView) URL() string     { return v.d.URL }

// list notes a read of the day's lists and links.
func (v *dayView) list() *site.Day {
	v.c.read(deps.Day, v.d.Index)
	return v.d
}

func (v *dayView) Articles() []*articleView { return articles(v.c, v.list().Articles) }
func (v *dayView) Newer() *dayView          { return newDay(v.c, v.list().Newer) }
func (v *dayView) Older() *dayView          { return newDay(v.c, v.list().Older) }
func (v *dayView) Month() *monthView        { return newMonth(v.c, v.list().Month) }

// groupView is a day's articles under one topic.
type groupView struct {
	Topic    *topicView
	Articles []*articleView
}

func (v *dayView) Groups() []*groupView {
	list := make([]*groupView, len(v.list().Groups))
	for i, g := range v.d.Groups {
		list[i] = &groupView{Topic: newTopic(v.c, g.Topic), Articles: articles(v.c, g.Articles)}
	}
	return list
}

type monthView struct {
	c *pageRender
	m *site.Month
}

func newMonth(c *pageRender, m *site.Month) *monthView {
	if m == nil {
		return nil
	}
	return &monthView{c: c, m: m}
}

func (v *monthView) Date() time.Time { return v.m.Date }
func (v *monthView) URL() string     { return v.m.URL }

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
	c *pageRender
	y *site.Year
}

func newYear(c *pageRender, y *site.Year) *yearView {
	if y == nil {
		return nil
	}
	return &yearView{c: c, y: y}
}

func years(c *pageRender, list []*site.Year) []*yearView {
	views := make([]*yearView, len(list))
	for i, y := range list {
		views[i] = &yearView{c: c, y: y}
	}
	return views
}

func (v *yearView) Date() time.Time { return v.y.Date }
func (v *yearView) URL() string     { return v.y.URL }

func (v *yearView) list() *site.Year {
	v.c.read(deps.Year, v.y.Index)
	return v.y
}

func (v *yearView) Count() int       { return v.list().Count }
func (v *yearView) Newer() *yearView { return newYear(v.c, v.list().Newer) }
func (v *yearView) Older() *yearView { return newYear(v.c, v.list().Older) }

func (v *yearView) Months() []*monthView {
	list := make([]*monthView, len(v.list().Months))
	for i, m := range v.y.Months {
		list[i] = newMonth(v.c, m)
	}
	return list
}

// topicView is a topic: its name, description, URL and feeds come from the
// configuration (or, with no topics configured, the slugs entries use),
// which every page's key covers; its articles are a unit.
type topicView struct {
	c *pageRender
	t *site.Topic
}

func newTopic(c *pageRender, t *site.Topic) *topicView {
	if t == nil {
		return nil
	}
	return &topicView{c: c, t: t}
}

func topics(c *pageRender, list []*site.Topic) []*topicView {
	views := make([]*topicView, len(list))
	for i, t := range list {
		views[i] = &topicView{c: c, t: t}
	}
	return views
}

func (v *topicView) Slug() string           { return v.t.Slug }
func (v *topicView) Name() string           { return v.t.Name }
func (v *topicView) Description() string    { return v.t.Description }
func (v *topicView) URL() string            { return v.t.URL }
func (v *topicView) Feeds() []site.FeedLink { return v.t.Feeds }

func (v *topicView) Articles() []*articleView {
	v.c.read(deps.Topic, v.t.Index)
	return articles(v.c, v.t.Articles)
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

func (v pageView) rebind(c *pageRender) any {
	return pageView{c: &pageRender{reads: c.reads, texts: c.texts, p: v.c.p}}
}
func (v *siteView) rebind(c *pageRender) any    { return &siteView{c: c, s: v.s} }
func (v *articleView) rebind(c *pageRender) any { return &articleView{c: c, a: v.a} }
func (v *dayView) rebind(c *pageRender) any     { return &dayView{c: c, d: v.d} }
func (v *monthView) rebind(c *pageRender) any   { return &monthView{c: c, m: v.m} }
func (v *yearView) rebind(c *pageRender) any    { return &yearView{c: c, y: v.y} }
func (v *topicView) rebind(c *pageRender) any   { return &topicView{c: c, t: v.t} }
