package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// File is one output file; Path is relative to the output folder, with slashes.
type File struct {
	Path string
	Data []byte
}

// Result counts what Write did.
type Result struct {
	Files, Bytes int64
	Written      int64 // files whose bytes changed (or were new)
}

// Write replaces the folder out with exactly files. It fills a sibling folder
// first and renames it into place, so out is either the old site or the new one.
func Write(out string, files []File) (Result, error) {
	out = filepath.Clean(out)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return Result{}, err
	}
	next, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".new-")
	if err != nil {
		return Result{}, err
	}
	res, err := fill(next, out, files)
	if err == nil {
		err = swap(out, next)
	}
	if err != nil {
		os.RemoveAll(next)
		return Result{}, err
	}
	return res, nil
}

// fill writes files into dir, hard-linking those identical to the file in old.
func fill(dir, old string, files []File) (Result, error) {
	var res Result
	var mu sync.Mutex
	var firstErr error
	madeDirs := sync.Map{}
	work := make(chan *File)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0)*2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				changed, err := place(dir, old, f, &madeDirs)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					continue
				}
				atomic.AddInt64(&res.Files, 1)
				atomic.AddInt64(&res.Bytes, int64(len(f.Data)))
				if changed {
					atomic.AddInt64(&res.Written, 1)
				}
			}
		}()
	}
	for i := range files {
		work <- &files[i]
	}
	close(work)
	wg.Wait()
	return res, firstErr
}

func place(dir, old string, f *File, madeDirs *sync.Map) (changed bool, err error) {
	rel := filepath.FromSlash(f.Path)
	if !filepath.IsLocal(rel) {
		return false, fmt.Errorf("output path %q leaves the output folder", f.Path)
	}
	dst := filepath.Join(dir, rel)
	parent := filepath.Dir(dst)
	if _, ok := madeDirs.Load(parent); !ok {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return false, err
		}
		madeDirs.Store(parent, true)
	}
	src := filepath.Join(old, rel)
	if same(src, f.Data) && os.Link(src, dst) == nil {
		return false, nil
	}
	return true, os.WriteFile(dst, f.Data, 0o644)
}

// same reports whether the file at name holds exactly data.
func same(name string, data []byte) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// swap puts next in the place of out and removes the old output.
func swap(out, next string) error {
	if err := os.Chmod(next, 0o755); err != nil {
		return err
	}
	prev := ""
	if _, err := os.Lstat(out); err == nil {
		prev = next + ".old"
		if err := os.Rename(out, prev); err != nil {
			return err
		}
	}
	if err := os.Rename(next, out); err != nil {
		if prev != "" {
			os.Rename(prev, out)
		}
		return err
	}
	if prev != "" {
		return os.RemoveAll(prev)
	}
	return nil
}
