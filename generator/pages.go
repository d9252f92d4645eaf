package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"sync"
	"time"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/site"
)

// A page's key is worked out from what it read when it was last rendered
// (cache.PageKey of the units its record names); a page whose key is
// unchanged is kept, any other is rendered, and its key worked out from
// what it read this time.

// recordedKeys are the keys the pages would have if they read what they
// read last time; a zero key for a page that has no record, or read a
// summary that is not known yet.
func (b *builder) recordedKeys(pages []*site.Page) []cache.Key {
	keys := make([]cache.Key, len(pages))
	b.outputs(len(pages))
	if b.old == nil {
		return keys
	}
	const chunk = 256
	parallel.Do((len(pages)+chunk-1)/chunk, func(c int) error {
		var units []deps.Unit
		for i := c * chunk; i < min((c+1)*chunk, len(pages)); i++ {
			keys[i], units = b.recordedKey(pages[i], units[:0])
		}
		return nil
	})
	return keys
}

func (b *builder) recordedKey(p *site.Page, units []deps.Unit) (cache.Key, []deps.Unit) {
	o, ok := b.old.Files[p.Path]
	if !ok {
		return cache.Key{}, units
	}
	known := deps.Split(b.units, o.Deps, func(u deps.Unit) {
		if u.Kind == deps.Summary && !b.ready[u.Obj].Load() {
			ok = false
		}
		units = append(units, u)
	})
	if !known || !ok {
		return cache.Key{}, units
	}
	return cache.PageKey(b.global, p, units, b.units), units
}

// publishPages publishes every page. The pages of articles whose summary is
// not known yet come first: converting their body makes it known. A page
// that read a summary still unknown (only a theme showing other articles'
// summaries on article pages does) is rendered again after them.
func (b *builder) publishPages(pages []*site.Page, keys []cache.Key) error {
	var leads, rest []int
	for i, p := range pages {
		if p.Article != nil && !b.ready[p.Article.Index].Load() {
			leads = append(leads, i)
		} else {
			rest = append(rest, i)
		}
	}
	var mu sync.Mutex
	again := []int{}
	err := parallel.Do(len(leads), func(j int) error {
		i := leads[j]
		done, err := b.publishPage(pages[i], keys[i])
		if err == nil && !done {
			mu.Lock()
			again = append(again, i)
			mu.Unlock()
		} else {
			b.prog.done.Add(1)
		}
		return err
	})
	if err != nil {
		return err
	}
	b.learnSummaries()
	rest = append(rest, again...)
	return parallel.Do(len(rest), func(j int) error {
		defer b.prog.done.Add(1)
		p := pages[rest[j]]
		key := keys[rest[j]]
		if key == (cache.Key{}) && b.old != nil {
			key, _ = b.recordedKey(p, nil) // its summaries are known now
		}
		done, err := b.publishPage(p, key)
		if err == nil && !done {
			err = fmt.Errorf("render %s: it reads a summary that is never known", p.Path)
		}
		return err
	})
}

// learnSummaries gives the articles whose summary was just learnt their
// shown key (see cache.ShownKey).
func (b *builder) learnSummaries() {
	h := cache.NewHasher()
	for _, a := range b.site.Articles {
		if k := b.artKeys[a]; k.shown == k.own && b.ready[a.Index].Load() {
			k.shown = cache.ShownKey(h, a, b.entries.Front(a.Entry))
			b.artKeys[a] = k
		}
	}
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// publishPage keeps the published page when key (its recorded key, zero
// when unknown) is unchanged, else renders it. done is false when the page
// read a summary not known yet: it is published later.
func (b *builder) publishPage(p *site.Page, key cache.Key) (done bool, err error) {
	if b.shown[p.Path] {
		return true, nil // published by showEdited
	}
	a := p.Article
	needText := a != nil && (!b.ready[a.Index].Load() || b.inFeed[a] && b.feedHTML(a) == "")
	if !needText && b.keepPage(p, key) {
		return true, nil
	}
	t := time.Now()
	texts := pageTexts{b: b, own: a}
	if a != nil {
		if texts.body, err = b.convert(a); err != nil {
			return false, err
		}
		t = since(t, &b.work.markdown)
		if needText && key == (cache.Key{}) && b.old != nil {
			key, _ = b.recordedKey(p, nil) // its summary is known now
		}
		if b.keepPage(p, key) {
			return true, nil
		}
	}
	raw := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(raw)
	raw.Reset()
	var reads deps.Reads
	if err := b.theme.Page(raw, p, texts, &reads); err != nil {
		return false, err
	}
	if reads.Unready {
		return false, nil
	}
	units := slices.Clone(reads.Units()) // the record keeps them: not the grown list
	since(t, &b.work.render)
	b.rendered.Add(1)
	b.renderMu.Lock()
	b.renders = append(b.renders, p.Path)
	b.renderMu.Unlock()
	return true, b.put(p.Path, cache.PageKey(b.global, p, units, b.units), units, raw)
}

// keepPage keeps the published page when its key is unchanged.
func (b *builder) keepPage(p *site.Page, key cache.Key) bool {
	if key == (cache.Key{}) {
		return false
	}
	return b.keep(p.Path, key, b.old.Files[p.Path].Deps)
}

// pageTexts gives a page the bodies it shows (render.Texts): its own
// article's, converted for it, and any other's converted on demand.
type pageTexts struct {
	b    *builder
	own  *site.Article
	body template.HTML
}

func (t pageTexts) Ready(a *site.Article) bool { return t.b.ready[a.Index].Load() }

func (t pageTexts) Body(a *site.Article) (template.HTML, error) {
	if a == t.own {
		return t.body, nil
	}
	body, release, err := t.b.entries.Body(a.Entry)
	if err != nil {
		return "", err
	}
	defer release()
	doc, err := converter.Convert(body, pageLinks(t.b.site, a))
	if err != nil {
		return "", fmt.Errorf("%s: %w", a.Entry.File, err)
	}
	return template.HTML(doc.HTML), nil
}

// convert renders an article's Markdown (its body read again: see
// EntrySet.Body), learns its summary when it has none of its own, and
// makes its feed HTML when a feed shows it.
func (b *builder) convert(a *site.Article) (template.HTML, error) {
	body, release, err := b.entries.Body(a.Entry)
	if err != nil {
		return "", err
	}
	defer release()
	var doc, feedDoc markdown.Doc
	forFeed := b.inFeed[a] && b.feedHTML(a) == ""
	if forFeed {
		doc, feedDoc, err = converter.ConvertBoth(body, pageLinks(b.site, a), feedLinks(b.site, a))
	} else {
		doc, err = converter.Convert(body, pageLinks(b.site, a))
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", a.Entry.File, err)
	}
	b.warn.body(b.opts.Site, a.Entry.File, doc.Warnings)
	if !b.ready[a.Index].Load() {
		a.Summary = doc.Excerpt // read by other pages only once ready says so
		b.ready[a.Index].Store(true)
	}
	b.entries.Converted(a.Entry, doc.Excerpt)
	if forFeed {
		html, err := feedItem(b.site, a, feedDoc.HTML)
		if err != nil {
			return "", err
		}
		b.feedMu.Lock()
		b.feedOut[b.feedKey(a)] = html
		b.feedMu.Unlock()
	}
	return template.HTML(doc.HTML), nil
}
