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

// lastBuild is what a build of a site left for the next one in this
// process, when told what changed in between (the preview).
type lastBuild struct {
	config  cache.Key
	listing content.Listing
	records map[string]*cache.Entry
}

var lastBuilds sync.Map // absolute site folder -> *lastBuild

func (b *builder) siteKey() string {
	abs, err := filepath.Abs(b.opts.Site)
	if err != nil {
		return b.opts.Site
	}
	return abs
}

// lastBuild is the last build of this site in this process, when its
// entries may be trusted: the caller says what changed since, and the
// configuration is the same.
func (b *builder) lastBuild() *lastBuild {
	if b.opts.Changed == nil || slices.Contains(b.opts.Changed, ".") {
		lastBuilds.Delete(b.siteKey()) // events were lost, or nobody watches
		return nil
	}
	v, ok := lastBuilds.Load(b.siteKey())
	if !ok || v.(*lastBuild).config != b.cfgKey {
		return nil
	}
	return v.(*lastBuild)
}

// rememberBuild keeps this build's entries for the next build of the site.
func (b *builder) rememberBuild() {
	if b.opts.Changed != nil {
		lastBuilds.Store(b.siteKey(), &lastBuild{config: b.cfgKey, listing: b.listing, records: b.entries.Records()})
	}
}

// listEntries lists the entry files, or takes them from the last build in
// this process when the watcher saw no file added or removed, or from the
// cache when no folder changed: listing a folder per day was a seventh of a
// warm build.
func (b *builder) listEntries(fsys fs.FS, last *lastBuild, prev *cache.Entries) (content.Listing, error) {
	if last != nil && !newFiles(b.opts.Site, last.listing.Files, b.opts.Changed) {
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
