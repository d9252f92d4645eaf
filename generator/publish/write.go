package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/digest-news/digest/generator/parallel"
)

// File is one output file; Path is relative to the output folder, with slashes.
type File struct {
	Path string
	Data []byte
}

// Result counts what a write did.
type Result struct {
	Files, Bytes int64
	Written      int64 // files whose bytes changed (or were new)
}

// Stamp identifies the bytes of a written file without reading them: a
// later build may reuse the file when its size and modification time still
// match.
type Stamp struct {
	Size  int64
	MTime int64 // nanoseconds since the epoch
}

// Writer fills a sibling folder of the output file by file, from many
// goroutines, and swaps it into place on Commit. Files equal to the old
// output's are hard links of them, so they keep their modification time.
type Writer struct {
	out, next string
	hadOut    bool // an old output to reuse files of
	dirs      sync.Map
	files     atomic.Int64
	bytes     atomic.Int64
	written   atomic.Int64
	probe     probe
}

// NewWriter starts replacing the folder out.
func NewWriter(out string) (*Writer, error) {
	out = filepath.Clean(out)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(out) // what is left of a killed update is replaced whole
	next, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".new-")
	if err != nil {
		return nil, err
	}
	w := &Writer{out: out, next: next}
	if _, err := os.Lstat(out); err == nil {
		w.hadOut = true
	}
	w.dirs.Store(next, true)
	return w, nil
}

// removeLeftovers deletes the half-filled folders (and replaced outputs)
// that killed builds of out left beside it, puts back an output a killed
// swap had moved aside, and finishes or undoes an in-place update a killed
// build left inside it.
func removeLeftovers(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	aside := withPrefix(parent, "."+base+".old-")
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) && len(aside) > 0 {
		// Killed between the two renames of a swap without exchange: the
		// old output is whole, the new one was never in place.
		if err := os.Rename(aside[0], out); err != nil {
			return err
		}
		aside = aside[1:]
	}
	for _, dir := range append(aside, withPrefix(parent, "."+base+".new-")...) {
		os.RemoveAll(dir)
	}
	return recoverCommits(out)
}

// Write places one file, hard-linking the old output's file when it holds
// the same bytes.
func (w *Writer) Write(name string, data []byte) (Stamp, error) {
	dst, src, err := w.paths(name)
	if err != nil {
		return Stamp{}, err
	}
	if w.hadOut {
		if info, ok := sameFile(src, data); ok && os.Link(src, dst) == nil {
			w.count(int64(len(data)), false)
			return stampOf(info), nil
		}
	}
	st, err := writeFile(dst, data)
	if err != nil {
		return Stamp{}, err
	}
	w.count(int64(len(data)), true)
	return st, nil
}

// Reuse hard-links the old output's file when it still has the given stamp,
// and reports whether it did; the caller writes the file itself otherwise.
func (w *Writer) Reuse(name string, want Stamp) bool {
	dst, src, err := w.paths(name)
	if err != nil {
		return false
	}
	if st, ok := regularStamp(src); !ok || st != want || os.Link(src, dst) != nil {
		return false
	}
	w.count(want.Size, false)
	return true
}

// Commit swaps the filled folder into place.
func (w *Writer) Commit() (Result, error) {
	if err := swap(w.out, w.next, w.probe); err != nil {
		os.RemoveAll(w.next)
		return Result{}, err
	}
	return Result{Files: w.files.Load(), Bytes: w.bytes.Load(), Written: w.written.Load()}, nil
}

// Abort drops the partly filled folder; the old output stays as it was.
func (w *Writer) Abort() { os.RemoveAll(w.next) }

// Out is the output folder being replaced.
func (w *Writer) Out() string { return w.out }

func (w *Writer) count(size int64, changed bool) {
	w.files.Add(1)
	w.bytes.Add(size)
	if changed {
		w.written.Add(1)
	}
}

// paths checks name and makes the folder of its new copy.
func (w *Writer) paths(name string) (dst, src string, err error) {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return "", "", fmt.Errorf("output path %q leaves the output folder", name)
	}
	dst = filepath.Join(w.next, rel)
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return "", "", err
	}
	return dst, filepath.Join(w.out, rel), nil
}

// mkdir makes dir and its parents once, remembering what exists.
func (w *Writer) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

func stampOf(info os.FileInfo) Stamp {
	return Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
}

// sameFile reports whether the file at name holds exactly data.
func sameFile(name string, data []byte) (os.FileInfo, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return nil, false
	}
	old, err := os.ReadFile(name)
	return info, err == nil && bytes.Equal(old, data)
}

// Write replaces the folder out with exactly files. It fills a sibling folder
// first and renames it into place, so out is either the old site or the new one.
func Write(out string, files []File) (Result, error) {
	w, err := NewWriter(out)
	if err != nil {
		return Result{}, err
	}
	err = parallel.Do(len(files), func(i int) error {
		_, err := w.Write(files[i].Path, files[i].Data)
		return err
	})
	if err != nil {
		w.Abort()
		return Result{}, err
	}
	return w.Commit()
}

// swap puts next in the place of out in one step where the file system can
// exchange them, and removes the old output.
func swap(out, next string, p probe) error {
	if err := os.Chmod(next, 0o755); err != nil {
		return err
	}
	err := errors.ErrUnsupported
	if !p.noExchange {
		err = exchange(next, out)
	}
	switch {
	case err == nil:
		p.at("exchanged")
		os.RemoveAll(next) // the old output: the new one is in place, the next build removes what is left
		return nil
	case errors.Is(err, os.ErrNotExist):
		return os.Rename(next, out) // no old output
	case !errors.Is(err, errors.ErrUnsupported):
		return err
	}
	// Two renames: between them out is missing, and the old output, whole,
	// is under a name removeLeftovers puts back.
	base := "." + filepath.Base(out)
	aside := filepath.Join(filepath.Dir(out), base+".old-"+strings.TrimPrefix(filepath.Base(next), base+".new-"))
	if err := os.Rename(out, aside); errors.Is(err, os.ErrNotExist) {
		return os.Rename(next, out) // no old output
	} else if err != nil {
		return err
	}
	p.at("aside")
	if err := os.Rename(next, out); err != nil {
		os.Rename(aside, out)
		return err
	}
	// Renamed to a name removeLeftovers deletes before the removal starts,
	// so a part of it is never put back.
	gone := next + ".old"
	if os.Rename(aside, gone) == nil {
		os.RemoveAll(gone)
	}
	return nil
}

// WriteFile writes data to name through a temporary file beside it and a
// rename, so readers and crashes never see half a file.
func WriteFile(name string, data []byte) error {
	return WriteFileFunc(name, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// WriteFileFunc is WriteFile of what write writes to the temporary file.
func WriteFileFunc(name string, write func(*os.File) error) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-")
	if err != nil {
		return err
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
