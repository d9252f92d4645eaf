package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	digest "github.com/digest-news/digest"
	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/feed"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/render"
	"github.com/digest-news/digest/generator/search"
	"github.com/digest-news/digest/generator/site"
)

// converter is the one goldmark configuration, built once.
var converter = markdown.New()

// builder is one run of Build.
type builder struct {
	opts  BuildOptions
	out   string // absolute output folder
	began time.Time
	res   *BuildResult
	clock stopwatch
	work  workTimes
	store *cache.Store

	site     *site.Site
	entries  *cache.EntrySet
	cfgKey   cache.Key
	rendered atomic.Int64
	renderMu sync.Mutex
	renders  []string  // the pages rendered
	global   cache.Key // everything every page depends on
	units    *cache.Units
	ready    []atomic.Bool // by article: its Summary is known
	theme    *render.Renderer
	old      *cache.Outputs // what the output folder holds, when known
	next     *cache.Outputs
	nextMu   sync.Mutex
	changed  []string // outputs recorded unlike in old (see record)
	added    int      // of them, outputs old does not have
	sink     sink
	prog     *buildProgress
	inFeed   map[*site.Article]bool
	artKeys  map[*site.Article]articleKeys
	shown    map[string]bool // pages published before the others (see showEdited)
	feedMu   sync.Mutex
	feedOut  map[cache.Key]string // feed HTML by cache.FeedKey
	listing  content.Listing      // the entry files
	warn     warnings

	prevEntries chan *cache.Entries // the cache files, being read (see prefetch)
	prevOutputs chan recordedOutputs
	checked     bool // every recorded output not as recorded lost its key (see checkOutputs)
}

// recordedOutputs is the record of the output folder, and whether its files
// were compared with it.
type recordedOutputs struct {
	rec     *cache.Outputs
	checked bool
}

func newBuilder(opts BuildOptions, out string) *builder {
	b := &builder{opts: opts, out: out, began: time.Now(), res: &BuildResult{}}
	b.clock = stopwatch{res: b.res, start: b.began, cpu: processCPU()}
	if !opts.NoCache {
		b.store = cache.Open(opts.Site, opts.Memo.cacheMemo())
		b.prefetch()
	}
	return b
}

// prefetch reads the cache files while the build lists and reads the site,
// and looks at the recorded output files meanwhile: a core is often idle
// then, and the look was a third of a warm build's pages stage.
func (b *builder) prefetch() {
	entries, outputs := make(chan *cache.Entries, 1), make(chan recordedOutputs, 1)
	b.prevEntries, b.prevOutputs = entries, outputs
	go func() { entries <- b.store.Entries() }()
	go func() {
		var r recordedOutputs
		if info, err := os.Stat(b.out); err == nil && info.IsDir() {
			r.rec = b.store.Outputs(b.out)
		}
		if r.rec != nil && !b.opts.Private { // the preview's folder changes only by its builder
			checkOutputs(b.out, r.rec)
			r.checked = true
		}
		outputs <- r
	}()
}

// checkOutputs compares every recorded output file with its record, and
// takes the key of each that changed since: its page is then made again.
func checkOutputs(out string, rec *cache.Outputs) {
	names := make([]string, 0, len(rec.Files))
	for name := range rec.Files {
		names = append(names, name)
	}
	folder := publish.OpenFolder(out)
	defer folder.Close()
	const chunk = 256
	changed := make([][]string, (len(names)+chunk-1)/chunk)
	parallel.Do(len(changed), func(c int) error {
		for _, name := range names[c*chunk : min((c+1)*chunk, len(names))] {
			if st, ok := folder.Stamp(name, false); !ok || st != rec.Files[name].Stamp {
				changed[c] = append(changed[c], name)
			}
		}
		return nil
	})
	for _, list := range changed {
		for _, name := range list {
			o := rec.Files[name]
			o.Key = cache.Key{}
			rec.Files[name] = o
		}
	}
}

func (b *builder) run() error {
	theme := b.parseTheme()
	if err := b.load(); err != nil {
		return err
	}
	b.clock.lap("load")
	if err := b.model(<-theme); err != nil {
		return err
	}
	b.clock.lap("model")
	pages := b.site.Pages()
	b.res.Pages = len(pages)
	if err := b.showEdited(pages); err != nil {
		return err
	}
	keys := b.recordedKeys(pages)
	sk, err := b.openSink(pages, keys)
	if err != nil {
		return err
	}
	b.sink = sk
	b.clock.lap("keys")
	b.prog = startBuildProgress(b.opts.Log, b.began)
	b.prog.total.Store(int64(len(pages)))
	err = b.publishPages(pages, keys)
	b.prog.end()
	b.theme = nil // its cached fragments, megabytes, are not needed for the feeds
	// The entries cache is saved beside the commit, or beside the feeds when
	// the pages made all the feed HTML it holds (no earlier cache to take
	// some from): saving 10,000 entries kept a core busy on its own.
	saved := make(chan struct{})
	saving := false
	save := func() {
		if !saving {
			saving = true
			go func() { defer close(saved); b.saveEntries() }()
		}
	}
	defer func() {
		if saving {
			<-saved
		}
	}()
	if err == nil {
		b.clock.lap("pages")
		b.res.Stages = append(b.res.Stages, b.work.stages()...)
		if !b.entries.HasPrevious() {
			save()
		}
		err = b.pagesReady()
	}
	if err == nil {
		err = b.publishFeeds()
	}
	if err != nil {
		b.sink.abort()
		return err
	}
	b.clock.lap("feeds")
	b.forgetChanging()
	save()
	written, err := b.sink.commit()
	<-saved
	if err != nil {
		return fmt.Errorf("writing %s: %w", b.opts.Out, err)
	}
	b.res.Result = written
	b.res.Rendered = int(b.rendered.Load())
	slices.Sort(b.renders)
	b.res.RenderedPages = b.renders
	b.res.Articles = len(b.site.Articles)
	b.saveOutputs()
	b.rememberBuild()
	b.clock.lap("commit")
	return nil
}

// load reads the configuration and the entries, reusing cached parses.
func (b *builder) load() error {
	fsys := content.DirFS(b.opts.Site)
	cfgData, _ := os.ReadFile(filepath.Join(b.opts.Site, content.ConfigFile))
	cfg, err := content.LoadConfig(fsys)
	if err != nil {
		return err
	}
	if b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(b.opts.BaseURL); err != nil {
			return err
		}
	}
	b.cfgKey = cache.Sum(cfgData)
	var prev *cache.Entries
	if b.store != nil {
		prev = <-b.prevEntries
	}
	last := b.lastBuild()
	listing, err := b.listEntries(fsys, last, prev)
	if err != nil {
		return err
	}
	b.listing = listing
	b.warn.skipped(listing.Skipped)
	b.entries = cache.NewEntrySet(b.opts.Site, b.cfgKey, prev, len(listing.Files))
	b.entries.Listed(listing)
	if last != nil {
		b.entries.Trust(last.records, b.opts.Changed)
	}
	entries, err := content.ParseFilesWith(fsys, listing.Files, cfg, b.entries.Hooks(cfg))
	b.entries.Close()
	if err != nil {
		return err
	}
	b.site = site.New(cfg, entries, siteOptions(b.opts))
	b.feedOut = map[cache.Key]string{}
	return nil
}

// parsedTheme is the site's theme, parsed, and its key.
type parsedTheme struct {
	r   *render.Renderer
	key cache.Key
	err error
}

// parseTheme parses the theme beside the load, which it does not need.
func (b *builder) parseTheme() <-chan parsedTheme {
	done := make(chan parsedTheme, 1)
	go func() {
		var t parsedTheme
		fsys := themeFS(b.opts.Site, "templates")
		if t.r, t.err = render.New(fsys); t.err == nil {
			t.r.Inject = b.opts.Inject
			t.key, t.err = cache.ThemeKey(fsys)
		}
		done <- t
	}()
	return done
}

// model takes the theme and works out the key every page shares.
func (b *builder) model(theme parsedTheme) error {
	if theme.err != nil {
		return theme.err
	}
	b.theme = theme.r
	b.ready = make([]atomic.Bool, len(b.site.Articles))
	for i, a := range b.site.Articles {
		r := b.entries.Record(a.Entry)
		if a.Summary == "" && r != nil && r.Converted {
			a.Summary = r.Excerpt
		}
		b.ready[i].Store(a.Entry.FrontMatter.Summary != "" || r != nil && r.Converted)
	}
	paged := make(chan struct{}) // the pages (which show the summaries) are made beside the keys
	go func() { defer close(paged); b.site.Pages() }()
	defer func() { <-paged }()
	opts := cache.Options{Minify: !b.opts.NoMinify, Inject: string(b.opts.Inject)}
	b.articleKeys()
	b.global = cache.GlobalKey(b.site, b.cfgKey, theme.key, opts)
	b.units = cache.NewUnits(b.site,
		func(a *site.Article) cache.Key { return b.entries.Front(a.Entry) },
		func(a *site.Article) cache.Key { return b.entries.Hash(a.Entry) })
	if b.store != nil {
		go b.units.Prepare() // while the record of the output folder is read and checked
	}
	b.inFeed = cache.FeedArticles(b.site)
	return b.convertNotes()
}

// convertNotes renders the curators' notes: cards on many pages show them.
func (b *builder) convertNotes() error {
	return parallel.Do(len(b.site.Articles), func(i int) error {
		a := b.site.Articles[i]
		if a.Entry.Note == "" {
			return nil
		}
		note, err := converter.Convert([]byte(a.Entry.Note), pageLinks(b.site, a))
		if err != nil {
			return fmt.Errorf("%s: note: %w", a.Entry.File, err)
		}
		a.Note = template.HTML(note.HTML)
		return nil
	})
}

// articleKey is an article's key (see cache.ArticleKey), worked out once
// per build by articleKeys: pages, feeds and the global key all ask.
func (b *builder) articleKey(a *site.Article) cache.Key { return b.artKeys[a].own }

// shownKey is the key of what other pages show of an article (see
// cache.ShownKey); its own key while its summary is not known yet.
func (b *builder) shownKey(a *site.Article) cache.Key { return b.artKeys[a].shown }

// articleKeys works out both keys of every article, after the summaries
// known from the cache are in place.
func (b *builder) articleKeys() {
	list := make([]articleKeys, len(b.site.Articles))
	const chunk = 512
	parallel.Do((len(list)+chunk-1)/chunk, func(c int) error {
		h := cache.NewHasher()
		for i := c * chunk; i < min((c+1)*chunk, len(list)); i++ {
			a := b.site.Articles[i]
			var hash, front cache.Key
			if r := b.entries.Record(a.Entry); r != nil {
				hash, front = r.Hash, r.Front
			}
			k := &list[i]
			k.own = cache.ArticleKey(h, a, hash)
			k.shown = k.own
			if b.ready[i].Load() {
				k.shown = cache.ShownKey(h, a, front)
			}
		}
		return nil
	})
	b.artKeys = make(map[*site.Article]articleKeys, len(list))
	for i, a := range b.site.Articles {
		b.artKeys[a] = list[i]
	}
}

type articleKeys struct{ own, shown cache.Key }

// writtenMinimal are the outputs made as compact as the minifier would
// leave them (TestWrittenMinimal): minifying their megabytes again on every
// build was wasted.
var writtenMinimal = map[string]bool{feed.SitemapPath: true, search.Path: true}

// put minifies one file and hands it to the sink.
func (b *builder) put(name string, key cache.Key, units []deps.Unit, raw *bytes.Buffer) error {
	t := time.Now()
	data := raw
	if !b.opts.NoMinify && publish.Minifiable(name) && !writtenMinimal[name] {
		min := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(min)
		min.Reset()
		if err := publish.MinifyTo(min, name, raw); err != nil {
			return err
		}
		data = min
		t = since(t, &b.work.minify)
	}
	stamp, err := b.sink.put(name, data.Bytes())
	if err != nil {
		return err
	}
	since(t, &b.work.write)
	b.record(name, cache.Output{Key: key, Stamp: stamp, Units: units}, true)
	return nil
}

// keep reuses the published file when its key is unchanged.
func (b *builder) keep(name string, key cache.Key, deps string) bool {
	if b.old == nil {
		return false
	}
	o, ok := b.old.Files[name]
	if !ok || o.Key != key || !b.sink.keep(name, o.Stamp) {
		return false
	}
	b.record(name, cache.Output{Key: key, Stamp: o.Stamp, Deps: deps}, false)
	return true
}

// record notes an output in this build's record; changed says it may differ
// from the old record's, which keeps saving the record cheap (cache.Store.SaveOutputs).
func (b *builder) record(name string, o cache.Output, changed bool) {
	added := false
	if changed && b.old != nil {
		_, had := b.old.Files[name]
		added = !had
	}
	b.nextMu.Lock()
	b.next.Files[name] = o
	if changed {
		b.changed = append(b.changed, name)
		if added {
			b.added++
		}
	}
	b.nextMu.Unlock()
}

// stale are the outputs of the old record this build did not make.
func (b *builder) stale() []string {
	if b.old == nil || len(b.next.Files)-b.added == len(b.old.Files) {
		return nil // every old output was made again
	}
	var stale []string
	for name := range b.old.Files {
		if _, ok := b.next.Files[name]; !ok {
			stale = append(stale, name)
		}
	}
	return stale
}

func (b *builder) feedKey(a *site.Article) cache.Key {
	return cache.NewHasher().Key(b.global).Key(b.entries.Hash(a.Entry)).String(a.Permalink).Sum()
}

// feedHTML is an article's body with absolute links, when already made.
func (b *builder) feedHTML(a *site.Article) string {
	k := b.feedKey(a)
	b.feedMu.Lock()
	defer b.feedMu.Unlock()
	if h, ok := b.feedOut[k]; ok {
		return h
	}
	if h, ok := b.entries.PrevFeed(k); ok {
		b.feedOut[k] = h
		return h
	}
	return ""
}

// saveEntries keeps the parsed entries and feed HTML for the next build.
func (b *builder) saveEntries() {
	if b.store == nil {
		return
	}
	b.feedMu.Lock()
	feedHTML := b.feedOut
	b.feedMu.Unlock()
	if e := b.entries.Result(feedHTML); e != nil {
		b.store.SaveEntries(e) // a cache that cannot be saved only costs time
	}
}

// forgetChanging keeps the output record true through a commit that fails
// halfway: files about to change are recorded without a stamp, which no
// file matches; a folder swapped whole loses its record.
func (b *builder) forgetChanging() {
	if b.store == nil {
		return
	}
	if _, inPlace := b.sink.(*placeSink); inPlace && !b.opts.Private && b.store.SaveOutputs(b.next, b.changed, b.stale()) == nil {
		return
	}
	b.store.DropOutputs(b.out)
}

// saveOutputs records what the output folder now holds.
func (b *builder) saveOutputs() {
	if b.store == nil {
		return
	}
	if b.opts.Private {
		b.store.RememberOutputs(b.next)
	} else {
		b.store.SaveOutputs(b.next, b.changed, b.stale())
	}
}

// themeFS is the site's own folder (templates or static) when it has one,
// else the default theme built into the binary.
func themeFS(dir, name string) fs.FS {
	own := filepath.Join(dir, name)
	if info, err := os.Stat(own); err == nil && info.IsDir() {
		return content.DirFS(own) // refuses FIFOs and devices, which would block a read
	}
	sub, err := fs.Sub(digest.Theme, name)
	if err != nil {
		panic(err) // the embedded theme always has both folders
	}
	return sub
}
