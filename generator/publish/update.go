package publish

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
)

// Updater changes an output folder in place, for builds that change few
// files: it leaves unchanged files alone (they keep their inode and stamp),
// holds changed ones in memory until Flush or Commit, and publishes them
// together with the removal of stale ones as one change (commitInPlace):
// the folder is the old site or the new one, also after a full disk or a
// kill, once the next build has started on it. A build that fails before
// Commit changes nothing.
type Updater struct {
	// Overwrite makes Put write every file it is given without reading the
	// published one first: for a folder only its builder reads (the
	// preview's), where a kept mtime is worth less than the read.
	Overwrite bool

	out     string
	err     error // an earlier build's commit that could not be finished
	mu      sync.Mutex
	pending map[string][]byte
	written int64 // files written by Flush
	files   atomic.Int64
	bytes   atomic.Int64
	probe   probe
}

// NewUpdater starts updating the folder out in place. It first finishes or
// undoes what killed builds left in and beside out, so that Keep and Put
// compare with a whole site.
func NewUpdater(out string) *Updater {
	out = filepath.Clean(out)
	return &Updater{out: out, err: removeLeftovers(out), pending: map[string][]byte{}}
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

// Flush publishes the changed files given so far, as one change, and
// returns their stamps.
func (u *Updater) Flush() (map[string]Stamp, error) {
	return u.commit(nil)
}

// Commit publishes the changed files and removes the stale ones, as one
// change; it returns the stamps of the files it wrote since the last Flush.
func (u *Updater) Commit(stale []string) (Result, map[string]Stamp, error) {
	dels := make([]string, 0, len(stale))
	for _, name := range stale {
		if filepath.IsLocal(filepath.FromSlash(name)) {
			dels = append(dels, name)
		}
	}
	stamps, err := u.commit(dels)
	if err != nil {
		return Result{}, nil, err
	}
	return Result{Files: u.files.Load(), Bytes: u.bytes.Load(), Written: u.written}, stamps, nil
}

func (u *Updater) commit(dels []string) (map[string]Stamp, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.err != nil {
		return nil, u.err
	}
	puts := make([]change, 0, len(u.pending))
	for name, data := range u.pending {
		puts = append(puts, change{name, data})
	}
	sort.Slice(puts, func(a, b int) bool { return puts[a].name < puts[b].name })
	stamps, err := commitInPlace(u.out, puts, dels, u.probe)
	if err != nil {
		return nil, err
	}
	u.written += int64(len(puts))
	clear(u.pending)
	return stamps, nil
}
