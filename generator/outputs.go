package generator

import (
	"bytes"
	"os"
	"path"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/feed"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/render"
	"github.com/digest-news/digest/generator/search"
)

// The record of what the output folder holds: read beside the load,
// checked against the files, kept up to date as each output is made or
// kept, and saved with the commit.

// prefetch reads the cache files while the build lists and reads the site,
// and looks at the recorded output files meanwhile: a core is often idle
// then, and the look is a large part of a warm build.
func (b *builder) prefetch() {
	entries, outputs := make(chan *cache.Entries, 1), make(chan recordedOutputs, 1)
	b.prevEntries, b.prevOutputs = entries, outputs
	go func() { entries <- b.store.Entries() }()
	go func() {
		var r recordedOutputs
		if info, err := os.Stat(b.out); err == nil && info.IsDir() {
			r.rec = b.store.Outputs(b.out)
		}
		if r.rec != nil && b.opts.Preview == nil { // the preview's folder changes only by its builder
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

// writtenMinimal are the outputs made as compact as the minifier would
// leave them (TestWrittenMinimal): minifying their megabytes again on every
// build was wasted. Every file of the search index is too.
var writtenMinimal = map[string]bool{feed.SitemapPath: true, search.Path: true}

func isWrittenMinimal(name string) bool {
	return writtenMinimal[name] || strings.HasPrefix(name, search.ShardDir) || strings.HasPrefix(name, search.RecordDir)
}

// sentAsRendered are the outputs the minifier is not run on: an email
// edition goes to a newsletter service, which rewrites it anyway, and its
// every element carries a style attribute the minifier would parse as CSS
// one at a time, for a few bytes less.
func sentAsRendered(name string) bool { return path.Base(name) == render.EmailFile }

// put minifies one file and hands it to the sink.
// o is its record but the stamp.
func (b *builder) put(name string, o cache.Output, raw *bytes.Buffer) error {
	t := time.Now()
	data := raw
	if !b.opts.NoMinify && publish.Minifiable(name) && !isWrittenMinimal(name) && !sentAsRendered(name) {
		min := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(min)
		min.Reset()
		if err := publish.MinifyTo(min, name, raw); err != nil {
			return err
		}
		data = min
		t = since(t, &b.work.minify)
	}
	return b.putMinified(name, o, data.Bytes(), t)
}

// putMinified hands a file as it is to the sink; t is when its write began.
func (b *builder) putMinified(name string, o cache.Output, data []byte, t time.Time) error {
	stamp, err := b.sink.put(name, data)
	if err != nil {
		return err
	}
	since(t, &b.work.write)
	o.Stamp = stamp
	b.record(name, o, true)
	return nil
}

// keep reuses the published file when its key is unchanged.
func (b *builder) keep(name string, key cache.Key) bool {
	if b.old == nil {
		return false
	}
	o, ok := b.old.Files[name]
	if !ok || o.Key != key || !b.sink.keep(name, o.Stamp) {
		return false
	}
	b.record(name, o, false)
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
	if _, inPlace := b.sink.(*placeSink); inPlace && b.opts.Preview == nil && b.store.SaveOutputs(b.next, b.changed, b.stale()) == nil {
		return
	}
	b.store.DropOutputs(b.out)
}

// saveOutputs records what the output folder now holds.
func (b *builder) saveOutputs() {
	if b.store == nil {
		return
	}
	if b.opts.Preview != nil {
		b.store.RememberOutputs(b.next)
	} else {
		b.store.SaveOutputs(b.next, b.changed, b.stale())
	}
}
