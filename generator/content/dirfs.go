package content

import (
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS is os.DirFS(dir) with a cheaper ReadFile (see readFile): a build
// reads every entry of a site through it.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

type dirFS struct {
	fs.FS
	dir string
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	return readFile(filepath.Join(d.dir, filepath.FromSlash(name)))
}
