package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/check"
	"github.com/digest-news/digest/generator/feed"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/search"
	"github.com/digest-news/digest/generator/site"
)

// publishFeeds makes the feeds, sitemaps, search index and static files;
// each is written only when its bytes changed.
func (b *builder) publishFeeds() error {
	inputs := cache.FeedKeys(b.site, b.global, b.articleKey, b.shownKey)
	inputs[search.Path] = cache.IndexKey(b.site, b.global, search.Path, b.shownKey)
	inputs[feed.SitemapPath] = cache.SitemapKey(b.global, feed.SitemapPath, func(each func(string, time.Time)) {
		feed.SitemapURLs(b.site, each)
	})
	var index []search.File
	var indexErr error
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		var kept bool
		if kept, indexErr = b.keepIndex(inputs[search.Path]); !kept && indexErr == nil {
			index = search.Files(b.site)
		}
	}()
	// A build never publishes an invalid feed. Pages are checked by digest
	// check: holding every page for it would undo the streaming. A feed made
	// of the same inputs as in the last build was checked then. A feed is
	// checked just before its own put, as the minifier works in place on the
	// bytes it is given. A preview publishes nothing, so it skips the checks,
	// which would otherwise weigh on every rebuild after an edit of the
	// newest entry (in every feed of its topics). Archive documents are left
	// to digest check: made by the same code as the live feeds, of what the
	// live feeds held, without content, they were most of a cold build's
	// checking.
	archives := map[string]bool{}
	for _, h := range b.site.Histories {
		for _, a := range h.Archives {
			archives[a.Path] = true
		}
	}
	var mu sync.Mutex
	var findings []check.Finding
	// minified: the file is as the minifier leaves it (the feeds).
	publishFile := func(f publish.File, minified bool) error {
		key, ok := inputs[f.Path]
		if !ok {
			key = cache.FileKey(b.global, f.Path, cache.Sum(f.Data))
		}
		if isFeedFile(f.Path) && !archives[f.Path] && !b.published(f.Path, key) && b.opts.Preview == nil {
			found := b.checkFeed(f)
			mu.Lock()
			findings = append(findings, found...)
			mu.Unlock()
		}
		if b.keep(f.Path, key) {
			return nil
		}
		if minified {
			return b.putMinified(f.Path, cache.Output{Key: key}, f.Data, time.Now())
		}
		return b.put(f.Path, cache.Output{Key: key}, bytes.NewBuffer(f.Data))
	}
	var minify feed.Minify
	if !b.opts.NoMinify {
		minify = publish.Minify
	}
	err := feed.Each(b.site, func(a *site.Article) (string, error) {
		if h := b.feedHTML(a); h != "" {
			return h, nil
		}
		body, release, err := b.entries.Body(a.Entry)
		if err != nil {
			return "", err
		}
		defer release()
		return feedContent(b.site, a, body)
	}, minify, func(name string) bool {
		k, ok := inputs[name]
		return !ok || !b.keep(name, k) // a feed whose inputs are unchanged stays
	}, func(f feed.File) error { return publishFile(publish.File{Path: f.Path, Data: f.Data}, f.Minified) })
	<-indexed
	if err != nil {
		return err
	}
	if indexErr != nil {
		return indexErr
	}
	var files []publish.File
	for _, f := range index {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	static, err := staticFiles(themeFS(b.opts.Site, "static"))
	if err != nil {
		return err
	}
	files = append(files, static...)
	files = append(files, publish.File{Path: ".nojekyll", Data: []byte{}},
		publish.File{Path: MarkerFile, Data: []byte(markerText)})
	if b.site.Config.CNAME != "" {
		files = append(files, publish.File{Path: "CNAME", Data: []byte(b.site.Config.CNAME + "\n")})
	}
	if err := parallel.Do(len(files), func(i int) error { return publishFile(files[i], false) }); err != nil {
		return err
	}
	if err := b.publishMedia(); err != nil {
		return err
	}
	return reportFindings(b.out, findings, b.opts.Log)
}

// keepIndex keeps the whole search index, manifest, shards and records,
// when its key (the manifest's) is unchanged: every file of it is made from
// what that key covers.
func (b *builder) keepIndex(key cache.Key) (bool, error) {
	if b.old == nil || b.old.Files[search.Path].Key != key {
		return false, nil
	}
	var names []string
	for name, o := range b.old.Files {
		if strings.HasPrefix(name, search.ShardDir) || strings.HasPrefix(name, search.RecordDir) {
			if o.Key == (cache.Key{}) {
				return false, nil // its file changed by hand: the whole index is made again
			}
			names = append(names, name)
		}
	}
	for _, name := range append(names, search.Path) {
		if !b.keep(name, b.old.Files[name].Key) {
			return false, fmt.Errorf("%s changed during the build: build again", filepath.Join(b.opts.Out, filepath.FromSlash(name)))
		}
	}
	return true, nil
}

func isFeedFile(name string) bool { return check.IsFeed(name) || path.Base(name) == "feed.json" }

// published reports whether the last build published name with this key.
func (b *builder) published(name string, key cache.Key) bool {
	if b.old == nil {
		return false
	}
	o, ok := b.old.Files[name]
	return ok && o.Key == key
}

// checkFeed is Verify for one feed that changed: it checks the feed, and
// compares it with its published version only (Verify reads every feed of
// the output folder).
func (b *builder) checkFeed(f publish.File) []check.Finding {
	next := map[string][]byte{f.Path: f.Data}
	findings := check.Output(next, b.site.Config.BaseURL)
	if data, err := os.ReadFile(filepath.Join(b.out, filepath.FromSlash(f.Path))); err == nil {
		findings = append(findings, check.Vanished(map[string][]byte{f.Path: data}, next)...)
	}
	return findings
}

func staticFiles(fsys fs.FS) ([]publish.File, error) {
	var files []publish.File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p)[0] == '.' {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files = append(files, publish.File{Path: p, Data: data})
		return err
	})
	return files, err
}
