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
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return Stamp{}, false
	}
	return stampOfStat(&st), true
}
