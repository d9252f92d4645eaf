//go:build linux || darwin

package cache

import (
	"os"
	"syscall"
)

// readFile maps a cache file instead of reading it: the pages are already
// in memory, and copying them into fresh heap pages was the larger part of
// a warm build's load. Cache files are replaced by rename, never changed in
// place, so the mapping stays valid; it is never unmapped because decoded
// strings point into it.
func readFile(name string) ([]byte, error) {
	// Neither following a link nor waiting on a FIFO: the one look at the
	// open file tells what it is.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if info.Size() == 0 || info.Size() != int64(int(info.Size())) {
		return os.ReadFile(name)
	}
	return syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}
