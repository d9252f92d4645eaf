package publish

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
)

// Updater changes an output folder in place, for builds that change few
// files: it leaves unchanged files alone, holds changed ones in memory until
// Commit, then replaces each atomically (a new file renamed over the old)
// and removes stale ones. A build that fails before Commit changes nothing.
type Updater struct {
	// Overwrite makes Put write every file it is given without reading the
	// published one first: for a folder only its builder reads (the
	// preview's), where a kept mtime is worth less than the read.
	Overwrite bool

	out     string
	mu      sync.Mutex
	pending map[string][]byte
	written int64 // files written by Flush
	files   atomic.Int64
	bytes   atomic.Int64
}

// NewUpdater starts updating the folder out in place.
func NewUpdater(out string) *Updater {
	return &Updater{out: filepath.Clean(out), pending: map[string][]byte{}}
}

// Keep reports whether the output file name still has the given stamp, so
// it can stay as it is.
func (u *Updater) Keep(name string, want Stamp) bool {
	// by full path: an Updater has no end at which to close a folder
	if st, ok := (&Folder{dir: u.out, fd: -1}).Stamp(name, false); !ok || st != want {
		return false
	}
	u.Kept(want)
	return true
}

// Kept counts a file the caller knows is unchanged, without looking at it.
func (u *Updater) Kept(st Stamp) {
	u.files.Add(1)
	u.bytes.Add(st.Size)
}

// Put leaves the file alone when it already holds data, else keeps a copy
// to write at Commit; the stamp is known only for a file left alone.
func (u *Updater) Put(name string, data []byte) (Stamp, bool, error) {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return Stamp{}, false, &os.PathError{Op: "write", Path: name, Err: os.ErrInvalid}
	}
	u.files.Add(1)
	u.bytes.Add(int64(len(data)))
	if !u.Overwrite {
		if info, ok := sameFile(filepath.Join(u.out, rel), data); ok {
			return stampOf(info), true, nil
		}
	}
	u.mu.Lock()
	u.pending[name] = append([]byte(nil), data...)
	u.mu.Unlock()
	return Stamp{}, false, nil
}

// Flush writes the changed files given so far, and returns their stamps.
func (u *Updater) Flush() (map[string]Stamp, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	names := make([]string, 0, len(u.pending))
	for name := range u.pending {
		names = append(names, name)
	}
	sort.Strings(names)
	stamps := make(map[string]Stamp, len(names))
	for _, name := range names {
		dst := filepath.Join(u.out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return stamps, err
		}
		tmp := filepath.Join(filepath.Dir(dst), ".digest-new-"+filepath.Base(dst))
		st, err := writeFile(tmp, u.pending[name])
		if err != nil {
			os.Remove(tmp)
			return stamps, err
		}
		if err := os.Rename(tmp, dst); err != nil { // keeps the stamp
			os.Remove(tmp)
			return stamps, err
		}
		stamps[name] = st
		delete(u.pending, name)
		u.written++
	}
	return stamps, nil
}

// Commit writes the changed files and removes the stale ones; it returns the
// stamps of the files it wrote since the last Flush.
func (u *Updater) Commit(stale []string) (Result, map[string]Stamp, error) {
	stamps, err := u.Flush()
	if err != nil {
		return Result{}, nil, err
	}
	for _, name := range stale {
		rel := filepath.FromSlash(name)
		if !filepath.IsLocal(rel) {
			continue
		}
		dst := filepath.Join(u.out, rel)
		if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
			return Result{}, nil, err
		}
		// Drop folders the removal left empty (os.Remove fails on others).
		for dir := filepath.Dir(dst); dir != u.out && len(dir) > len(u.out); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	return Result{Files: u.files.Load(), Bytes: u.bytes.Load(), Written: u.written}, stamps, nil
}
