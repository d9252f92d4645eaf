package generator

import (
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
	"github.com/digest-news/digest/generator/images"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/render"
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
	changes  cache.Changes // the units whose value changed since the old record's
	theme    *render.Renderer
	old      *cache.Outputs // what the output folder holds, when known
	next     *cache.Outputs
	nextMu   sync.Mutex
	changed  []string // outputs recorded unlike in old (see record)
	added    int      // of them, outputs old does not have
	sink     sink
	prog     *buildProgress
	saver    background // saves the entries cache

	themeReady <-chan parsedTheme
	pages      []*site.Page
	pageKeys   []cache.Key
	inFeed     map[*site.Article]bool
	artKeys    map[*site.Article]articleKeys
	shown      map[string]bool // pages published before the others (see showEdited)
	feedMu     sync.Mutex
	feedOut    map[cache.Key]string // feed HTML by cache.FeedKey
	listing    content.Listing      // the entry files
	images     *images.Processor    // the local images' variants (see pictures)
	media      map[string]mediaFile // the variants to publish, by output path
	warn       warnings

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
		b.store = cache.Open(opts.Site, opts.Preview.memo().cacheMemo())
		b.prefetch()
	}
	return b
}

// run is the recipe: each stage in turn, timed.
func (b *builder) run() error {
	b.themeReady = b.parseTheme()
	defer b.saver.wait()
	for _, stage := range []struct {
		name string
		do   func() error
	}{
		{"load", b.load},             // digest.yaml and the entries, parsed or taken from the cache
		{"model", b.model},           // the site, finished: summaries known so far, pictures, keys, notes
		{"keys", b.keys},             // each page's key from what it read last time; the sink
		{"pages", b.publishAllPages}, // every page whose key changed, rendered and minified
		{"feeds", b.feeds},           // feeds, sitemaps, search index, static files
		{"commit", b.commit},         // the output switched in whole, the cache saved
	} {
		if err := stage.do(); err != nil {
			return err
		}
		b.clock.lap(stage.name)
	}
	return nil
}

// keys works out the pages' recorded keys and opens the sink they go to.
func (b *builder) keys() error {
	boundGarbage() // the model is built: the live heap is what the rest adds to
	b.pages = b.site.Pages()
	b.res.Pages = len(b.pages)
	if err := b.showEdited(b.pages); err != nil {
		return err
	}
	b.pageKeys = b.recordedKeys(b.pages)
	sk, err := b.openSink(b.pages, b.pageKeys)
	b.sink = sk
	return err
}

// publishAllPages publishes the pages. The entries cache is saved beside the feeds
// when the pages made all the feed HTML it holds (no earlier cache to take
// some from), else beside the commit.
func (b *builder) publishAllPages() error {
	b.prog = startBuildProgress(b.opts.Log, b.began)
	b.prog.total.Store(int64(len(b.pages)))
	err := b.publishPages(b.pages, b.pageKeys)
	b.prog.end()
	b.theme = nil // its cached fragments are not needed for the feeds
	if err == nil {
		b.res.Stages = append(b.res.Stages, b.work.stages()...)
		if !b.entries.HasPrevious() {
			b.saver.start(b.saveEntries)
		}
		err = b.pagesReady()
	}
	if err != nil {
		b.sink.abort()
	}
	return err
}

func (b *builder) feeds() error {
	boundGarbage() // the pages' records added to the live heap
	err := b.publishFeeds()
	if err != nil {
		b.sink.abort()
	}
	return err
}

// commit switches the new output in and saves what the next build reuses.
func (b *builder) commit() error {
	b.forgetChanging()
	b.saver.start(b.saveEntries)
	written, err := b.sink.commit()
	b.saver.wait()
	if err != nil {
		return fmt.Errorf("writing %s: %w", b.opts.Out, err)
	}
	b.res.Result = written
	b.warn.size(b.out, written.Bytes)
	b.res.Rendered = int(b.rendered.Load())
	slices.Sort(b.renders)
	b.res.RenderedPages = b.renders
	b.res.Articles = len(b.site.Articles)
	b.saveOutputs()
	b.recordFeeds()
	b.rememberBuild()
	return nil
}

// background runs one job beside the build, at most once.
type background struct {
	done    chan struct{}
	started bool
}

func (g *background) start(job func()) {
	if g.started {
		return
	}
	g.started, g.done = true, make(chan struct{})
	go func() { defer close(g.done); job() }()
}

func (g *background) wait() {
	if g.started {
		<-g.done
	}
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
	if o := b.opts.Preview.origin(); o != "" {
		if err := cfg.PreviewAt(o); err != nil {
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
		b.entries.Trust(last.records, b.opts.Preview.changed())
	}
	entries, err := content.ParseFilesWith(fsys, listing.Files, cfg, b.entries.Hooks(cfg, converter.Excerpt))
	b.entries.Close()
	if err != nil {
		return err
	}
	opts := siteOptions(b.opts)
	opts.Lead = b.entries.Lead
	b.site = site.New(cfg, entries, opts)
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
		if t.r, t.err = render.New(fsys, builtInTheme("templates")); t.err == nil {
			t.r.Inject = b.opts.Preview.inject()
			t.key, t.err = cache.ThemeKey(fsys)
		}
		done <- t
	}()
	return done
}

// model takes the theme and works out the key every page shares.
func (b *builder) model() error {
	theme := <-b.themeReady
	if theme.err != nil {
		return theme.err
	}
	b.theme = theme.r
	b.theme.Strings = b.site.Strings
	paged := make(chan struct{}) // the pages (which show the summaries) are made beside the keys
	go func() { defer close(paged); b.site.Pages() }()
	defer func() { <-paged }()
	opts := cache.Options{Minify: !b.opts.NoMinify, Inject: string(b.opts.Preview.inject())}
	if err := b.pictures(); err != nil {
		return err
	}
	b.articleKeys()
	b.global = cache.GlobalKey(b.site, b.cfgKey, theme.key, opts)
	b.units = cache.NewUnits(b.site,
		func(a *site.Article) cache.Key { return b.entries.Front(a.Entry) },
		func(a *site.Article) cache.Key { return b.entries.Hash(a.Entry) })
	if b.store != nil && !b.showsEditedFirst() {
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
// cache.ShownKey).
func (b *builder) shownKey(a *site.Article) cache.Key { return b.artKeys[a].shown }

// articleKeys works out both keys of every article.
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
			k.shown = cache.ShownKey(h, a, front)
		}
		return nil
	})
	b.artKeys = make(map[*site.Article]articleKeys, len(list))
	for i, a := range b.site.Articles {
		b.artKeys[a] = list[i]
	}
}

type articleKeys struct{ own, shown cache.Key }

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

// themeFS is the site's own folder (templates or static) when it has one,
// else the default theme built into the binary.
func themeFS(dir, name string) fs.FS {
	own := filepath.Join(dir, name)
	if info, err := os.Stat(own); err == nil && info.IsDir() {
		return content.DirFS(own) // refuses FIFOs and devices, which would block a read
	}
	return builtInTheme(name)
}

// builtInTheme is the default theme's folder (templates or static) built
// into the binary.
func builtInTheme(name string) fs.FS {
	sub, err := fs.Sub(digest.Theme, name)
	if err != nil {
		panic(err) // the embedded theme always has both folders
	}
	return sub
}
