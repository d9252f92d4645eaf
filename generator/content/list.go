package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/digest-news/digest/generator/parallel"
)

// EntryFiles lists the Markdown files under content/, sorted.
func EntryFiles(fsys fs.FS) ([]string, error) {
	l, err := ListEntries(fsys)
	return l.Files, err
}

// Listing is what ListEntries found: the entry files, and the modification
// time of each folder, by which a later build can tell that none was added
// or removed without listing the folders again (see Unchanged).
type Listing struct {
	Files   []string
	Folders map[string]int64 // folder -> mtime in ns; -1 when too recent to trust
	// Skipped are the files under content/ that are not read, sorted: all
	// but entries (.md and .markdown, in any letter case), pictures (which
	// may sit beside the entries that show them), hidden files and what
	// hidden (.name) and underscore (_name) folders hold. In an fs.FS other
	// than DirFS, links to folders are not followed and are listed here too.
	// A build should warn of them: a story saved as story.txt is never
	// published otherwise.
	Skipped []string
}

// IsEntryName reports whether a file name is that of an entry.
func IsEntryName(name string) bool {
	ext := path.Ext(name)
	return !strings.HasPrefix(name, ".") && (strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".markdown"))
}

func isPicture(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg":
		return true
	}
	return false
}

// ListEntries lists content/ like EntryFiles, with the folders' times and
// the files skipped. A FIFO, device or socket named like an entry is an
// error (it is never opened). In a DirFS, symbolic links, to files or
// folders, are followed when they lead to somewhere inside the site folder;
// a link that leaves it, or leads back into a folder it sits in, is an
// error. Folders are listed in parallel: a digest has a folder per day, and
// listing them one after the other would hold up every warm build.
func ListEntries(fsys fs.FS) (Listing, error) {
	ls := &lister{fsys: fsys, l: Listing{Folders: map[string]int64{}},
		// A folder changed in the clock tick of its listing could change
		// again unseen (the same mtime): such a folder is listed again next time.
		recent: time.Now().Add(-time.Second).UnixNano(),
		slots:  make(chan struct{}, 2*runtime.GOMAXPROCS(0)),
	}
	var chain []string
	if d, ok := fsys.(dirFS); ok {
		root, err := filepath.EvalSymlinks(d.dir)
		if err != nil {
			return Listing{}, err
		}
		ls.root = root
		real, err := filepath.EvalSymlinks(filepath.Join(d.dir, Dir))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return ls.l, nil
		case err != nil:
			return Listing{}, err
		case !within(root, real) || real == root:
			return Listing{}, outsideError(Dir, real)
		}
		chain = []string{real}
	}
	ls.wg.Add(1)
	ls.list(Dir, chain)
	ls.wg.Wait()
	sort.Strings(ls.l.Files)
	sort.Strings(ls.l.Skipped)
	if len(ls.errs) > 0 {
		return ls.l, errors.Join(ls.first, joinSorted(ls.errs))
	}
	return ls.l, ls.first
}

type lister struct {
	fsys   fs.FS
	root   string // the site folder with no links in its path; "" when fsys is no DirFS
	recent int64
	slots  chan struct{}
	wg     sync.WaitGroup

	mu    sync.Mutex
	l     Listing
	errs  []*Error
	first error
}

// found is what the listing of one folder adds to the whole.
type found struct {
	files, skipped []string
	errs           []*Error
}

// list lists folder dir, whose path on disk without links is the last of
// chain: the folders it was reached through, kept to see a link loop.
func (ls *lister) list(dir string, chain []string) {
	defer ls.wg.Done()
	ls.slots <- struct{}{}
	mtime := int64(-1)
	if info, err := fs.Stat(ls.fsys, dir); err == nil && info.ModTime().UnixNano() < ls.recent {
		mtime = info.ModTime().UnixNano() // before the listing: a change after it shows
	}
	items, err := fs.ReadDir(ls.fsys, dir)
	<-ls.slots
	var f found
	for _, d := range items {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := path.Join(dir, name)
		switch t := d.Type(); {
		case t&fs.ModeSymlink != 0:
			ls.link(p, chain, &f)
		case t.IsDir():
			if !strings.HasPrefix(name, "_") {
				ls.descend(p, chain, "")
			}
		default:
			f.file(p, t)
		}
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	ls.l.Files = append(ls.l.Files, f.files...)
	ls.l.Skipped = append(ls.l.Skipped, f.skipped...)
	ls.errs = append(ls.errs, f.errs...)
	if err == nil {
		ls.l.Folders[dir] = mtime
	} else if ls.first == nil && !(dir == Dir && errors.Is(err, fs.ErrNotExist)) {
		ls.first = err
	}
}

// descend lists the folder p in parallel; real is its path on disk when
// reached through a link, else it is the parent's joined with the name.
func (ls *lister) descend(p string, chain []string, real string) {
	if chain != nil {
		if real == "" {
			real = filepath.Join(chain[len(chain)-1], path.Base(p))
		}
		chain = append(chain[:len(chain):len(chain)], real)
	}
	ls.wg.Add(1)
	go ls.list(p, chain)
}

// file sorts a file that is no folder by its name and type.
func (f *found) file(p string, t fs.FileMode) {
	name := path.Base(p)
	switch {
	case IsEntryName(name) && t.IsRegular():
		f.files = append(f.files, p)
	case IsEntryName(name):
		f.errs = append(f.errs, readError(p, ErrNotRegular, ""))
	case !isPicture(name):
		f.skipped = append(f.skipped, p)
	}
}

// link sorts a symbolic link by what it leads to.
func (ls *lister) link(p string, chain []string, f *found) {
	name := path.Base(p)
	if ls.root == "" {
		info, err := fs.Stat(ls.fsys, p)
		switch {
		case err != nil && IsEntryName(name):
			f.errs = append(f.errs, &Error{File: p, Msg: "a link to nothing", Hint: "remove it or point it at an existing file"})
		case err != nil || info.IsDir():
			f.skipped = append(f.skipped, p)
		default:
			f.file(p, info.Mode().Type())
		}
		return
	}
	here := filepath.Join(chain[len(chain)-1], name)
	target, err := filepath.EvalSymlinks(here)
	if errors.Is(err, fs.ErrNotExist) {
		if IsEntryName(name) {
			raw, _ := os.Readlink(here)
			f.errs = append(f.errs, &Error{File: p, Msg: "a link to nothing (" + raw + ")", Hint: "remove it or point it at an existing file"})
		} else {
			f.skipped = append(f.skipped, p)
		}
		return
	}
	if err != nil { // links leading to links without end, or unreadable
		f.errs = append(f.errs, &Error{File: p, Msg: "a link that cannot be followed: " + err.Error(), Hint: "remove it, or copy the file in instead"})
		return
	}
	info, err := os.Stat(target)
	if err != nil {
		f.errs = append(f.errs, readError(p, err, ""))
		return
	}
	inside := within(ls.root, target)
	switch {
	case info.IsDir() && strings.HasPrefix(name, "_"):
	case info.IsDir() && !inside:
		f.errs = append(f.errs, outsideError(p, target))
	case info.IsDir():
		for _, c := range chain {
			if within(target, c) {
				f.errs = append(f.errs, &Error{File: p, Msg: "a link back to a folder that holds it (" + target + ")",
					Hint: "remove the link: it would list the same entries again and again"})
				return
			}
		}
		ls.descend(p, chain, target)
	case IsEntryName(name) && !inside:
		f.errs = append(f.errs, outsideError(p, target))
	default:
		f.file(p, info.Mode().Type())
	}
}

func outsideError(file, target string) *Error {
	return &Error{File: file, Msg: "a link to outside the site (" + target + ")", Hint: "copy the file in instead"}
}

// within reports whether path p is folder dir or lies inside it; both are
// clean absolute paths.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Unchanged reports whether every folder of a listing still has the time
// it had, and no folder is missing: then no entry file was added, removed or
// renamed since. (A file edited in place keeps its folder's time; its own
// time tells.)
func (l Listing) Unchanged(fsys fs.FS) bool {
	if len(l.Folders) == 0 {
		return false
	}
	dirs := make([]string, 0, len(l.Folders))
	for dir := range l.Folders {
		dirs = append(dirs, dir)
	}
	const chunk = 64
	var changed atomic.Bool
	parallel.Do((len(dirs)+chunk-1)/chunk, func(c int) error {
		for _, dir := range dirs[c*chunk : min((c+1)*chunk, len(dirs))] {
			info, err := fs.Stat(fsys, dir)
			if mtime := l.Folders[dir]; mtime < 0 || err != nil || !info.IsDir() || info.ModTime().UnixNano() != mtime {
				changed.Store(true)
				return nil
			}
		}
		return nil
	})
	return !changed.Load()
}
