package content

import (
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS is os.DirFS(dir) with a cheaper ReadFile (see readInto): a build
// reads every entry of a site through it.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

// dirFS passes Stat and ReadDir on to os.DirFS's own: the embedded
// interface offers only Open, and fs.Stat would open every folder.
type dirFS struct {
	fs.FS
	dir string
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, _, err := readInto(d.path(name), nil)
	return data, err
}

// path is the file path of the slash path name, which must be valid.
func (d dirFS) path(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return d.FS.(fs.StatFS).Stat(name) }

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return d.FS.(fs.ReadDirFS).ReadDir(name)
}
