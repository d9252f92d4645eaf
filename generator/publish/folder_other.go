//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package publish

import (
	"os"
	"path/filepath"
)

func openFolder(string) int { return -1 }

func closeFolder(int) {}

func (f *Folder) stamp(rel string, follow bool) (Stamp, bool) {
	stat := os.Lstat
	if follow {
		stat = os.Stat
	}
	info, err := stat(filepath.Join(f.dir, rel))
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, false
	}
	return stampOf(info), true
}

func (f *Folder) identify(rel string, follow bool) (Stamp, FileID, bool) {
	st, ok := f.stamp(rel, follow)
	return st, FileID{}, ok
}
