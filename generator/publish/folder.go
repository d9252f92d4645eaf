package publish

import "path/filepath"

// Folder looks at files under one folder by their slash paths relative to
// it. A warm build takes the stamp of every entry and output file, and
// walking the folder's own path again for each would add to every one of
// them. Safe for concurrent use.
type Folder struct {
	dir string
	fd  int // an open handle of dir, or -1 (see openFolder)
}

// OpenFolder opens dir for Stamp; Close it when done. A folder that cannot
// be opened is looked at by full paths.
func OpenFolder(dir string) *Folder {
	return &Folder{dir: filepath.Clean(dir), fd: openFolder(dir)}
}

// Stamp is the stamp of the regular file at the slash path name under the
// folder; follow says whether a symbolic link counts as the file it points to.
func (f *Folder) Stamp(name string, follow bool) (Stamp, bool) {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return Stamp{}, false
	}
	return f.stamp(rel, follow)
}

// FileID tells apart two files of the same size and modification time: a
// copy that kept the time of what it replaced (cp -p, rsync -a, tar x) has
// another inode or change time. Zero where the system gives neither.
type FileID struct {
	Inode  uint64
	Change int64 // status change time, nanoseconds since the epoch
}

// Identify is Stamp with the file's FileID, from the same look at it.
func (f *Folder) Identify(name string, follow bool) (Stamp, FileID, bool) {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return Stamp{}, FileID{}, false
	}
	return f.identify(rel, follow)
}

// Close releases the folder's handle.
func (f *Folder) Close() { closeFolder(f.fd) }
