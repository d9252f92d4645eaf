package generator

import (
	"github.com/digest-news/digest/generator/site"
)

// maxShownFirst is how many edited entries showEdited takes on.
const maxShownFirst = 8

// showEdited publishes, in a preview, the pages of the entries the watcher
// saw change and tells the tabs, before the keys of every page are worked
// out and the other pages rendered: the editor is most often looking at the
// entry being edited. Its lists and feeds follow.
func (b *builder) showEdited(pages []*site.Page) error {
	if !b.showsEditedFirst() {
		return nil
	}
	edited := map[string]bool{}
	for _, c := range b.opts.Preview.changed() {
		edited[c] = true
	}
	var list []*site.Page
	for _, p := range pages {
		if p.Kind == site.KindArticle && edited[p.Article.Entry.File] {
			list = append(list, p)
		}
	}
	if len(list) == 0 {
		return nil
	}
	b.outputs(len(pages))
	if b.old == nil {
		return nil // a first build goes into a new folder
	}
	b.sink = b.placeSink()
	b.shown = map[string]bool{}
	for _, p := range list {
		key, _ := b.recordedKey(p, nil)
		if err := b.publishPage(p, key); err != nil {
			b.sink.abort()
			return err
		}
		b.shown[p.Path] = true
	}
	return b.pagesReady() // the table of every unit is made after the tabs have shown the pages: not beside their fetch
}

// showsEditedFirst reports whether showEdited may publish pages ahead of
// the others: in a preview told of a few changes.
func (b *builder) showsEditedFirst() bool {
	changed := b.opts.Preview.changed()
	return b.opts.Preview.pagesReady() != nil && changed != nil && len(changed) <= maxShownFirst
}

// pagesReady publishes the pages before the feeds are made, when the
// caller wants to know (the preview reloads its tabs) and the sink can.
func (b *builder) pagesReady() error {
	if b.opts.Preview.pagesReady() == nil {
		return nil
	}
	b.forgetChanging() // the folder changes before the record does
	flushed, err := b.sink.flush()
	if flushed {
		b.opts.Preview.pagesReady()()
	}
	return err
}
