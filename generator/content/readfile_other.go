//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package content

import (
	"bytes"
	"io"
	"os"
)

func readInto(name string, buf []byte, limit int64) ([]byte, Stamp, error) {
	info, err := os.Stat(name) // before the open, which could block on a FIFO
	if err != nil {
		return nil, Stamp{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, Stamp{}, &os.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, Stamp{}, err
	}
	st := Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
	if limit > 0 && info.Size() > limit {
		return nil, st, &os.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: info.Size(), Limit: limit}}
	}
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	w := bytes.NewBuffer(buf[:0])
	if _, err = w.ReadFrom(r); err != nil {
		return nil, st, err
	}
	if limit > 0 && int64(w.Len()) > limit {
		return nil, st, &os.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: int64(w.Len()), Limit: limit}}
	}
	return w.Bytes(), st, nil
}

func openFile(name string) (*os.File, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &os.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return os.Open(name)
}
