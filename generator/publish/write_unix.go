//go:build linux || darwin || freebsd || netbsd || openbsd

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeFile creates name (new in the fresh folder) with data: open, write,
// fstat, close. The stamp comes from the open file, not a second path walk.
func writeFile(name string, data []byte) (Stamp, error) {
	fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return Stamp{}, &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return Stamp{}, &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return Stamp{}, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := unix.Close(fd); err != nil {
		return Stamp{}, &os.PathError{Op: "close", Path: name, Err: err}
	}
	return stampOfStat(&st), nil
}

// regularStamp is the stamp of the regular file at name; a warm build asks
// for one per output file, so it skips os.Lstat's FileInfo.
func regularStamp(name string) (Stamp, bool) {
	var st unix.Stat_t
	if unix.Lstat(name, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return Stamp{}, false
	}
	return stampOfStat(&st), true
}

func stampOfStat(st *unix.Stat_t) Stamp {
	sec, nsec := st.Mtim.Unix()
	return Stamp{Size: st.Size, MTime: sec*1e9 + nsec}
}
