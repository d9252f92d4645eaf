//go:build linux || darwin || freebsd || netbsd || openbsd

package publish

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

func openFolder(dir string) int {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1
	}
	return fd
}

func closeFolder(fd int) {
	if fd >= 0 {
		unix.Close(fd)
	}
}

func (f *Folder) stamp(rel string, follow bool) (Stamp, bool) {
	if f.fd < 0 && !follow {
		return regularStamp(f.dir + string(filepath.Separator) + rel)
	}
	st, ok := f.stat(rel, follow)
	if !ok {
		return Stamp{}, false
	}
	return stampOfStat(&st), true
}

func (f *Folder) identify(rel string, follow bool) (Stamp, FileID, bool) {
	st, ok := f.stat(rel, follow)
	if !ok {
		return Stamp{}, FileID{}, false
	}
	sec, nsec := st.Ctim.Unix()
	return stampOfStat(&st), FileID{Inode: uint64(st.Ino), Change: sec*1e9 + nsec}, true
}

// stat looks at a regular file under the folder.
func (f *Folder) stat(rel string, follow bool) (unix.Stat_t, bool) {
	var st unix.Stat_t
	var err error
	switch {
	case f.fd < 0:
		err = unix.Stat(f.dir+string(filepath.Separator)+rel, &st)
	case follow:
		err = fstatat(f.fd, rel, &st, 0)
	default:
		err = fstatat(f.fd, rel, &st, unix.AT_SYMLINK_NOFOLLOW)
	}
	return st, err == nil && st.Mode&unix.S_IFMT == unix.S_IFREG
}
