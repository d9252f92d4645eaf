package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS is os.DirFS(dir) with a cheaper ReadFile (see readInto) that, like
// its Open, refuses FIFOs, devices and sockets with ErrNotRegular instead of
// blocking on them or reading without end. A build reads every entry of a
// site through it; read the theme (templates, static files) through it too.
// Load and ListEntries given a DirFS also check where symbolic links lead
// (see ListEntries).
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

// dirFS passes Stat and ReadDir on to os.DirFS's own: the embedded
// interface offers only Open, and fs.Stat would open every folder.
type dirFS struct {
	fs.FS
	dir string
}

// Open opens files and folders like os.DirFS, but only regular files.
func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := openFile(d.path(name))
	if err != nil {
		return nil, fsPathError(name, err)
	}
	return f, nil
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, _, err := readInto(d.path(name), nil, 0)
	if err != nil {
		return nil, fsPathError(name, err)
	}
	return data, nil
}

// fsPathError names the file by its slash path in the FS, as io/fs asks,
// rather than by where it lies on disk.
func fsPathError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// path is the file path of the slash path name, which must be valid.
func (d dirFS) path(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return d.FS.(fs.StatFS).Stat(name) }

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return d.FS.(fs.ReadDirFS).ReadDir(name)
}
