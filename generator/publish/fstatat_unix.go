//go:build (linux || darwin || freebsd || netbsd || openbsd) && !(linux && (amd64 || arm64))

package publish

import "golang.org/x/sys/unix"

func fstatat(fd int, path string, st *unix.Stat_t, flags int) error {
	return unix.Fstatat(fd, path, st, flags)
}
