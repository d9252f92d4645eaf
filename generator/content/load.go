package content

import (
	"io/fs"
	"path"
	"sort"
	"sync"

	"github.com/digest-news/digest/generator/parallel"
)

// Dir is the folder of entries inside a site.
const Dir = "content"

// Load reads digest.yaml and every entry under content/ in fsys. Entries come
// back sorted newest first (then by slug), and every bad entry is reported.
func Load(fsys fs.FS) (*Config, []*Entry, error) {
	cfg, err := LoadConfig(fsys)
	if err != nil {
		return nil, nil, err
	}
	files, err := EntryFiles(fsys)
	if err != nil {
		return nil, nil, err
	}
	entries, err := ParseFiles(fsys, files, cfg)
	return cfg, entries, err
}

// ParseFiles reads and checks the given entry files in parallel.
func ParseFiles(fsys fs.FS, files []string, cfg *Config) ([]*Entry, error) {
	return ParseFilesWith(fsys, files, cfg, Hooks{})
}

// Hooks let a build cache take part in ParseFilesWith; both may be nil and
// both are called from many goroutines.
type Hooks struct {
	// Known returns the entry of a file the cache already holds (checked
	// against the same configuration), or nil to read and parse the file.
	Known func(file string) *Entry
	// Parsed is told of every file read and parsed without error. It may
	// return the entry to keep in e's place (a cache's record of the same
	// entry, which then need not be held twice), or nil to keep e.
	Parsed func(file string, data []byte, e *Entry) *Entry
	// DropBodies leaves Body out of the parsed entries, for a caller that
	// reads bodies again when it needs them (ReadBody): the files are then
	// read into reused buffers instead of fresh memory for every entry.
	DropBodies bool
}

// ParseFilesWith is ParseFiles taking already parsed entries from hooks.
func ParseFilesWith(fsys fs.FS, files []string, cfg *Config, hooks Hooks) ([]*Entry, error) {
	entries := make([]*Entry, len(files))
	errs := make([][]*Error, len(files))
	parallel.Do(len(files), func(i int) error {
		if hooks.Known != nil {
			if e := hooks.Known(files[i]); e != nil {
				entries[i] = e
				return nil
			}
		}
		entries[i], errs[i] = parseFile(fsys, files[i], cfg, hooks)
		return nil
	})

	var all []*Error
	for _, e := range errs {
		all = append(all, e...)
	}
	all = append(all, duplicateURLs(entries)...)
	if len(all) > 0 {
		return nil, joinSorted(all)
	}
	SortNewestFirst(entries)
	return entries, nil
}

func parseFile(fsys fs.FS, file string, cfg *Config, hooks Hooks) (*Entry, []*Error) {
	var data []byte
	var err error
	if d, ok := fsys.(dirFS); ok && hooks.DropBodies && fs.ValidPath(file) {
		buf := fileBufs.Get().(*[]byte)
		defer fileBufs.Put(buf)
		data, _, err = readInto(d.path(file), *buf, cfg.entryLimit())
		if err == nil {
			*buf = data[:0]
		}
	} else {
		data, err = readLimited(fsys, file, cfg.entryLimit())
	}
	if err != nil {
		return nil, []*Error{readError(file, err, "max_entry_size")}
	}
	e, err := ParseEntry(file, data, cfg)
	if err != nil {
		return nil, Errors(err)
	}
	if hooks.Parsed != nil {
		if kept := hooks.Parsed(file, data, e); kept != nil {
			e = kept
		}
	}
	if hooks.DropBodies {
		e.Body = nil
	}
	return e, nil
}

// fileBufs are the buffers entry files are read into when their bodies are dropped.
var fileBufs = sync.Pool{New: func() any { return new([]byte) }}

// duplicateURLs reports entries that would be published at the same
// address, and files of one folder whose names give the same slug
// (Rates.md and rates.md), which the next edit of a date would make clash.
func duplicateURLs(entries []*Entry) []*Error {
	type address struct {
		year       int
		month, day int
		slug       string
	}
	type named struct{ folder, slug string }
	seen := make(map[address]*Entry, len(entries))
	byName := make(map[named]*Entry, len(entries))
	var errs []*Error
	for _, e := range entries {
		if e == nil {
			continue
		}
		y, m, d := e.Date.Date()
		key := address{y, int(m), d, e.Slug}
		if first, ok := seen[key]; ok {
			errs = append(errs, &Error{File: e.File, Line: 1, Msg: "same date and slug as " + first.File + " (/" + e.Day() + "/" + e.Slug + "/)",
				Hint: "give one of them another slug"})
			continue
		}
		seen[key] = e
		if SlugFromName(e.File) != e.Slug {
			continue
		}
		n := named{path.Dir(e.File), e.Slug}
		if first, ok := byName[n]; ok {
			errs = append(errs, &Error{File: e.File, Line: 1, Msg: "the file name gives the slug " + e.Slug + ", as " + path.Base(first.File) + " beside it does",
				Hint: "rename one of them, or set slug: in one"})
			continue
		}
		byName[n] = e
	}
	return errs
}

// SortNewestFirst orders entries by date, newest first, then by slug: a total order.
func SortNewestFirst(entries []*Entry) {
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Slug != b.Slug {
			return a.Slug < b.Slug
		}
		return a.File < b.File
	})
}
