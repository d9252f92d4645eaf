//go:build linux && (amd64 || arm64)

package publish

import (
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatat is unix.Fstatat without its heap copy of the path: a warm build
// stats every entry and output file.
func fstatat(fd int, path string, st *unix.Stat_t, flags int) error {
	var buf [512]byte
	if len(path) >= len(buf) || strings.IndexByte(path, 0) >= 0 {
		return unix.Fstatat(fd, path, st, flags)
	}
	copy(buf[:], path) // the rest of buf is zero: the path's terminator
	_, _, errno := unix.Syscall6(unix.SYS_NEWFSTATAT, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(st)), uintptr(flags), 0, 0)
	if errno != 0 {
		return errno
	}
	return nil
}
