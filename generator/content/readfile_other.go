//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package content

import (
	"bytes"
	"os"
)

func readInto(name string, buf []byte) ([]byte, Stamp, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, Stamp{}, err
	}
	st := Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
	w := bytes.NewBuffer(buf[:0])
	_, err = w.ReadFrom(f)
	return w.Bytes(), st, err
}
