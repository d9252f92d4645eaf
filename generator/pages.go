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
// what it read this time. A page with its recorded own key that read no
// unit whose value changed keeps its recorded key as it is (cache.Changes).

// recordedKeys are the keys the pages would have if they read what they
// read last time; a zero key for a page that has no record.
func (b *builder) recordedKeys(pages []*site.Page) []cache.Key {
	keys := make([]cache.Key, len(pages))
	b.outputs(len(pages))
	b.units.Prepare() // every page's key asks for values: from the table, not alone
	if b.old == nil {
		return keys
	}
	b.changes = b.units.Changes(b.old.Values)
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
	own := cache.OwnKey(b.global, p)
	if own == o.Own && !b.changes.Touches(o.Deps) {
		return o.Key, units
	}
	known := deps.Split(b.units, o.Deps, func(u deps.Unit) { units = append(units, u) })
	if !known {
		return cache.Key{}, units
	}
	return cache.PageKey(own, units, b.units), units
}

// publishPages publishes every page.
func (b *builder) publishPages(pages []*site.Page, keys []cache.Key) error {
	return parallel.Do(len(pages), func(i int) error {
		defer b.prog.done.Add(1)
		return b.publishPage(pages[i], keys[i])
	})
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// publishPage keeps the published page when key (its recorded key, zero
// when unknown) is unchanged, else renders it.
func (b *builder) publishPage(p *site.Page, key cache.Key) (err error) {
	if b.shown[p.Path] {
		return nil // published by showEdited
	}
	a := p.Article
	needFeed := a != nil && b.inFeed[a] && b.feedHTML(a) == ""
	if !needFeed && b.keepPage(p, key) {
		return nil
	}
	t := time.Now()
	texts := pageTexts{b: b, own: a}
	if a != nil {
		if texts.body, err = b.convert(a); err != nil {
			return err
		}
		t = since(t, &b.work.markdown)
		if b.keepPage(p, key) {
			return nil
		}
	}
	raw := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(raw)
	raw.Reset()
	var reads deps.Reads
	if err := b.theme.Page(raw, p, texts, &reads); err != nil {
		return err
	}
	units := slices.Clone(reads.Units()) // the record keeps them: not the grown list
	since(t, &b.work.render)
	b.rendered.Add(1)
	b.renderMu.Lock()
	b.renders = append(b.renders, p.Path)
	b.renderMu.Unlock()
	own := cache.OwnKey(b.global, p)
	return b.put(p.Path, cache.Output{Key: cache.PageKey(own, units, b.units), Own: own, Units: units}, raw)
}

// keepPage keeps the published page when its key is unchanged.
func (b *builder) keepPage(p *site.Page, key cache.Key) bool {
	if key == (cache.Key{}) {
		return false
	}
	return b.keep(p.Path, key)
}

// pageTexts gives a page the bodies it shows (render.Texts): its own
// article's, converted for it, and any other's converted on demand.
type pageTexts struct {
	b    *builder
	own  *site.Article
	body template.HTML
}

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
// EntrySet.Body), and makes its feed HTML when a feed shows it.
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
