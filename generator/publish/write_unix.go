//go:build unix

package publish

import (
	"os"
	"syscall"
)

// writeFile creates name (new in the fresh folder) with data: open, write,
// fstat, close. The stamp comes from the open file, not a second path walk.
func writeFile(name string, data []byte) (Stamp, error) {
	fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return Stamp{}, &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return Stamp{}, &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return Stamp{}, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := syscall.Close(fd); err != nil {
		return Stamp{}, &os.PathError{Op: "close", Path: name, Err: err}
	}
	return stampOfStat(&st), nil
}

// regularStamp is the stamp of the regular file at name; a warm build asks
// for one per output file, so it skips os.Lstat's FileInfo.
func regularStamp(name string) (Stamp, bool) {
	var st syscall.Stat_t
	if syscall.Lstat(name, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return Stamp{}, false
	}
	return stampOfStat(&st), true
}

func stampOfStat(st *syscall.Stat_t) Stamp {
	return Stamp{Size: st.Size, MTime: st.Mtim.Sec*1e9 + st.Mtim.Nsec}
}

// FileStamp is the stamp of the regular file at name, following symbolic
// links: a build takes one of every entry file to find the edited ones.
func FileStamp(name string) (Stamp, bool) {
	var st syscall.Stat_t
	if syscall.Stat(name, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return Stamp{}, false
	}
	return stampOfStat(&st), true
}
