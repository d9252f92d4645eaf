package cache

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
)

// EntrySet tracks the entries of one build: which came from the cache, the
// hash of each, and what to save for the next build. Safe for concurrent use.
type EntrySet struct {
	site   string
	folder *publish.Folder // the site folder, for the stamps of its entry files
	config Key
	prev   *Entries

	mu       sync.Mutex
	stats    map[string]identified // taken before reading
	files    map[string]*Entry     // the next cache, by file
	byEntry  map[*content.Entry]*Entry
	dirty    bool
	parses   int              // files parsed, not taken from the cache
	folders  map[string]int64 // of the listing (see Listed)
	skipped  []string         // of the listing
	relisted bool             // folders differ from the cached listing's

	trusted map[string]*Entry // records taken without a stat (see Trust)
	changed map[string]bool
	excerpt func(body []byte) string // see Hooks
}

// Trust makes the set take the records of the last build of this process
// (Records) without looking at the files, except the changed ones: the
// preview knows from its watcher which files changed.
func (s *EntrySet) Trust(records map[string]*Entry, changed []string) {
	s.trusted = records
	s.changed = make(map[string]bool, len(changed))
	for _, c := range changed {
		s.changed[c] = true
	}
}

// Records are the records of this build's entries, by file, for Trust.
func (s *EntrySet) Records() map[string]*Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files
}

// NewEntrySet starts tracking the entries of the site folder, whose
// configuration file has the key config; prev is the cache of the last build.
func NewEntrySet(site string, config Key, prev *Entries, n int) *EntrySet {
	if prev != nil && prev.Config != config {
		prev = nil
	}
	return &EntrySet{site: site, folder: publish.OpenFolder(site), config: config, prev: prev, stats: map[string]identified{},
		files: make(map[string]*Entry, n), byEntry: make(map[*content.Entry]*Entry, n), dirty: prev == nil}
}

// identified is how an entry file looked before it was read.
type identified struct {
	publish.Stamp
	id publish.FileID
}

// Close releases the site folder, and the stamps taken for parsed, once the
// entry files are read.
func (s *EntrySet) Close() {
	s.folder.Close()
	s.mu.Lock()
	s.stats = nil
	s.mu.Unlock()
}

// Listed records the folder times of the listing the entry files came
// from, for the next build (see PrevFiles).
func (s *EntrySet) Listed(l content.Listing) {
	s.folders, s.skipped = l.Folders, l.Skipped
	s.relisted = s.prev != nil && !maps.Equal(s.prev.Folders, l.Folders)
}

// PrevFiles are the entry files of the cached build when no folder of its
// listing changed since, so that none was added or removed.
func PrevFiles(prev *Entries, fsys fs.FS) (content.Listing, bool) {
	if prev == nil {
		return content.Listing{}, false
	}
	l := content.Listing{Files: make([]string, 0, len(prev.Files)), Folders: prev.Folders, Skipped: prev.Skipped}
	if !l.Unchanged(fsys) {
		return content.Listing{}, false
	}
	for file := range prev.Files {
		l.Files = append(l.Files, file)
	}
	sort.Strings(l.Files)
	return l, true
}

// HasPrevious reports whether the set started from the cache of an
// earlier build of the same configuration.
func (s *EntrySet) HasPrevious() bool { return s.prev != nil }

// Hooks plug the set into content.ParseFilesWith; excerpt gives the lead
// of a body (see Lead), taken while the file is read.
func (s *EntrySet) Hooks(cfg *content.Config, excerpt func(body []byte) string) content.Hooks {
	s.excerpt = excerpt
	return content.Hooks{Known: func(file string) *content.Entry { return s.known(file, cfg) }, Parsed: s.parsed, DropBodies: true}
}

func (s *EntrySet) known(file string, cfg *content.Config) *content.Entry {
	if r := s.trusted[file]; r != nil && !s.changed[file] {
		return s.use(file, r, cfg)
	}
	st, id, ok := s.folder.Identify(file, true) // an entry may be a symbolic link
	if !ok {
		return nil
	}
	if s.prev != nil {
		r := s.prev.Files[file]
		if r != nil && r.Size == st.Size && r.MTime == st.MTime && r.ID == id {
			return s.use(file, r, cfg)
		}
	}
	s.mu.Lock()
	s.stats[file] = identified{st, id} // for parsed, which records it
	s.mu.Unlock()
	return nil
}

// use takes the entry of a cached record. The record's own entry serves:
// a build changes nothing of an entry (its zone is that of the configuration
// the record was made with), and a copy of each would take fresh memory,
// which is slow to come by.
func (s *EntrySet) use(file string, r *Entry, cfg *content.Config) *content.Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &r.Entry
	if e.Date.Location() != cfg.Location {
		// Every date the record keeps, as pages print a time with its zone.
		in := func(t *time.Time) {
			if !t.IsZero() {
				*t = t.In(cfg.Location)
			}
		}
		in(&e.Date)
		in(&e.Updated)
		in(&e.Expires)
		for i := range e.Corrections {
			in(&e.Corrections[i].Date)
		}
		for i := range e.Also {
			in(&e.Also[i].Date)
		}
	}
	s.files[file] = r
	s.byEntry[e] = r
	return e
}

// parsed records a freshly parsed entry, and gives the record's copy of it
// (without Body) to the build in its place, as use does for a cached one.
func (s *EntrySet) parsed(file string, data []byte, e *content.Entry) *content.Entry {
	r := &Entry{Hash: Sum(data), Front: Sum(data[:len(data)-len(e.Body)]), Entry: *e}
	if e.FrontMatter.Summary == "" && s.excerpt != nil {
		r.Lead = s.excerpt(e.Body)
	}
	r.Entry.Body = nil // read again when converted (see Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stats[file]; ok {
		r.Size, r.MTime, r.ID = st.Size, st.MTime, st.id
	}
	s.files[file] = r
	s.byEntry[&r.Entry] = r
	s.dirty = true
	s.parses++
	return &r.Entry
}

// Front is the SHA-256 of the front matter of an entry file.
func (s *EntrySet) Front(e *content.Entry) Key {
	if r := s.Record(e); r != nil {
		return r.Front
	}
	return Key{}
}

// Hash is the SHA-256 of an entry file's bytes.
func (s *EntrySet) Hash(e *content.Entry) Key {
	if r := s.Record(e); r != nil {
		return r.Hash
	}
	return Key{}
}

// Record is the cache record of an entry of this build.
func (s *EntrySet) Record(e *content.Entry) *Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byEntry[e]
}

// Body is the Markdown body of an entry, read again: bodies are dropped
// once parsed (see content.ReadBody). Call release when done with it. A file
// changed since it was parsed fails: its page would not match the rest.
func (s *EntrySet) Body(e *content.Entry) (body []byte, release func(), err error) {
	buf := bodyBufs.Get().(*[]byte)
	release = func() { bodyBufs.Put(buf) }
	body, st, err := content.ReadBody(filepath.Join(s.site, filepath.FromSlash(e.File)), e.File, buf)
	if err != nil {
		release()
		return nil, nil, err
	}
	if r := s.Record(e); r != nil && r.MTime != 0 && (r.Size != st.Size || r.MTime != st.MTime) {
		release()
		return nil, nil, fmt.Errorf("%s changed during the build: build again", e.File)
	}
	return body, release, nil
}

// bodyBufs are the buffers of Body, one per page being made at a time.
var bodyBufs = sync.Pool{New: func() any { return new([]byte) }}

// Lead is the plain text of the first paragraph of an entry's body,
// taken when its file was parsed; empty when its front matter has a summary.
func (s *EntrySet) Lead(e *content.Entry) string {
	if r := s.Record(e); r != nil {
		return r.Lead
	}
	return ""
}

// PrevFeed is feed HTML kept by the last build.
func (s *EntrySet) PrevFeed(k Key) (string, bool) {
	if s.prev == nil {
		return "", false
	}
	h, ok := s.prev.Feed[k]
	return h, ok
}

// fewParses is how many changed files a build may parse without saving the
// cache: the next build parses them again, which costs less than saving.
const fewParses = 64

// Result is the cache to save, with the feed HTML of this build; nil when
// it is not worth saving: nothing changed, or only a few files, which the
// next build reads again.
func (s *EntrySet) Result(feed map[Key]string) *Entries {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty && !s.relisted && s.prev != nil && len(s.prev.Files) == len(s.files) && len(s.prev.Feed) == len(feed) && s.newFeeds(feed) == 0 {
		return nil
	}
	// A new listing is saved even for a few parses: a folder too recent to
	// trust last time may be trusted now, and else every build lists again.
	if s.prev != nil && !s.relisted && len(s.prev.Files) == len(s.files) && s.parses+s.newFeeds(feed) <= fewParses {
		return nil
	}
	return &Entries{Config: s.config, Files: s.files, Feed: feed, Folders: s.folders, Skipped: s.skipped}
}

// newFeeds counts the feed HTML the last build did not have.
func (s *EntrySet) newFeeds(feed map[Key]string) int {
	n := 0
	for k := range feed {
		if s.prev == nil {
			n++
		} else if _, ok := s.prev.Feed[k]; !ok {
			n++
		}
	}
	return n
}
