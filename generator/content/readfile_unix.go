//go:build linux || darwin || freebsd || netbsd || openbsd

package content

import (
	"os"

	"golang.org/x/sys/unix"
)

// readInto is os.ReadFile in plain system calls, into buf (grown when too
// small), with the stamp of the file read. os.Open offers every file to the
// network poller first (two more system calls, refused for a regular file),
// wasted work that a build would repeat for every entry.
//
// The file is opened without blocking, so a FIFO cannot stall the build in
// open, and the Fstat the read needs anyway refuses anything but a regular
// file (ErrNotRegular) and a file over limit bytes (*TooLargeError; no limit
// when limit <= 0) before memory is taken for it.
func readInto(name string, buf []byte, limit int64) ([]byte, Stamp, error) {
	fd, err := openRetry(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK)
	if err != nil {
		return nil, Stamp{}, &os.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, Stamp{}, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, Stamp{}, &os.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	sec, nsec := st.Mtim.Unix()
	stamp := Stamp{Size: st.Size, MTime: sec*1e9 + nsec}
	if limit > 0 && st.Size > limit {
		return nil, stamp, &os.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: st.Size, Limit: limit}}
	}
	if int64(cap(buf)) < st.Size+512 { // room to see the end in one read
		buf = make([]byte, 0, st.Size+512)
	}
	data := buf[:0]
	for {
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, stamp, &os.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, stamp, nil
		}
		data = data[:len(data)+n]
		if limit > 0 && int64(len(data)) > limit { // it grew since the Fstat
			return nil, stamp, &os.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
		}
		if len(data) == cap(data) { // the file grew meanwhile
			data = append(data, 0)[:len(data)]
		}
	}
}

func openRetry(name string, flags int) (int, error) {
	for {
		fd, err := unix.Open(name, flags, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// openFile opens a regular file or a folder for dirFS.Open, refusing
// anything else before a read could block on it.
func openFile(name string) (*os.File, error) {
	fd, err := openRetry(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return nil, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if t := st.Mode & unix.S_IFMT; t != unix.S_IFREG && t != unix.S_IFDIR {
		unix.Close(fd)
		return nil, &os.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	// Back to blocking, so os.File reads as it does for any file it opens.
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}
