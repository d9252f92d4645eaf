package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/content"
)

// lastBuild is what a build of a site left for the next one sharing its
// memo, when told what changed in between (the preview).
type lastBuild struct {
	config  cache.Key
	listing content.Listing
	records map[string]*cache.Entry
}

// Memo is what the builds of one site that share it keep in memory between
// them: digest serve holds one for its rebuilds. Its zero value is ready.
type Memo struct {
	cache cache.Memo
	mu    sync.Mutex
	last  *lastBuild
}

func (m *Memo) cacheMemo() *cache.Memo {
	if m == nil {
		return nil
	}
	return &m.cache
}

// forget drops the last build, whose entries can no longer be trusted.
func (m *Memo) forget() {
	if m != nil {
		m.mu.Lock()
		m.last = nil
		m.mu.Unlock()
	}
}

// lastBuild is the last build of this site with the same memo, when its
// entries may be trusted: the caller says what changed since, and the
// configuration is the same.
func (b *builder) lastBuild() *lastBuild {
	m := b.opts.Preview.memo()
	if m == nil {
		return nil
	}
	if changed := b.opts.Preview.changed(); changed == nil || slices.Contains(changed, ".") {
		m.forget() // events were lost, or nobody watches
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.last == nil || m.last.config != b.cfgKey {
		return nil
	}
	return m.last
}

// rememberBuild keeps this build's entries for the next build of the site.
func (b *builder) rememberBuild() {
	if m := b.opts.Preview.memo(); m != nil && b.opts.Preview.changed() != nil {
		m.mu.Lock()
		m.last = &lastBuild{config: b.cfgKey, listing: b.listing, records: b.entries.Records()}
		m.mu.Unlock()
	}
}

// listEntries lists the entry files, or takes them from the last build in
// this process when the watcher saw no file added or removed, or from the
// cache when no folder changed: a digest has a folder per day, and listing
// them all is much of a warm build.
func (b *builder) listEntries(fsys fs.FS, last *lastBuild, prev *cache.Entries) (content.Listing, error) {
	if last != nil && !newFiles(b.opts.Site, last.listing.Files, b.opts.Preview.changed()) {
		return last.listing, nil
	}
	if l, ok := cache.PrevFiles(prev, fsys); ok {
		return l, nil
	}
	return content.ListEntries(fsys)
}

// newFiles reports whether a change may have added or removed entry files
// (anything but a known file changed under content/, or a missing one):
// then the content folder is listed again.
func newFiles(site string, known []string, changed []string) bool {
	for _, c := range changed {
		if c == content.Dir {
			return true
		}
		if !strings.HasPrefix(c, content.Dir+"/") {
			continue
		}
		i := sort.SearchStrings(known, c)
		if i == len(known) || known[i] != c {
			return true
		}
		if _, err := os.Lstat(filepath.Join(site, filepath.FromSlash(c))); err != nil {
			return true
		}
	}
	return false
}
