package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// ErrNotRegular is the error of reading a FIFO, device, socket or folder as
// a file: a FIFO would block the build until something wrote to it, a
// device like /dev/zero would never end.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is the error of reading a file over its size limit. The
// limit is checked before anything is allocated, so a sparse file of many
// gigabytes costs nothing.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return "the file is " + FormatSize(e.Size) + ", over the limit of " + FormatSize(e.Limit)
}

const (
	// DefaultMaxEntrySize is the largest entry file read when digest.yaml
	// sets no max_entry_size: well above any article, small enough that
	// every core reading one at once stays cheap.
	DefaultMaxEntrySize = 4 << 20
	// MaxEntrySizeCeiling bounds max_entry_size, and ReadBody, which has no
	// configuration at hand.
	MaxEntrySizeCeiling = 256 << 20
	// DefaultMaxImageSize is the size of a local lead image over which a
	// build warns when digest.yaml sets no max_image_size: a phone on a
	// slow network takes seconds for more.
	DefaultMaxImageSize = 1_000_000
	// maxConfigSize bounds digest.yaml, which holds a few hundred lines at most.
	maxConfigSize = 1 << 20
)

var sizeUnits = []struct {
	suffix string
	n      int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
}

// ParseSize reads a size in bytes: a whole number, optionally followed by a
// unit (B, KB, MB, GB in powers of 1000; KiB, MiB, GiB, K, M, G in powers of
// 1024), with or without a space, in any letter case.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(num), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size", s)
	}
	if n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is too large a size", s)
	}
	return n * mult, nil
}

// FormatSize writes a byte count the way a person reads it: in a unit that
// divides it exactly, so that a limit reads as written (4 MiB, 500 KB), else
// in binary units to one decimal (3.2 MiB).
func FormatSize(n int64) string {
	if n < 1000 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	for _, u := range []struct {
		name string
		n    int64
	}{{"GiB", 1 << 30}, {"GB", 1e9}, {"MiB", 1 << 20}, {"MB", 1e6}, {"KiB", 1 << 10}, {"KB", 1e3}} {
		if n%u.n == 0 {
			return strconv.FormatInt(n/u.n, 10) + " " + u.name
		}
	}
	f, unit := float64(n)/(1<<10), "KiB"
	for _, u := range []string{"MiB", "GiB", "TiB"} {
		if f < 1<<10 {
			break
		}
		f, unit = f/(1<<10), u
	}
	return strconv.FormatFloat(f, 'f', 1, 64) + " " + unit
}

// readLimited reads a file of any fs.FS, refusing what is not a regular file
// and what is over limit bytes (no limit when limit <= 0). The check rides on
// the Stat of the open file, which fs.ReadFile makes anyway.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if d, ok := fsys.(dirFS); ok && fs.ValidPath(name) {
		data, _, err := readInto(d.path(name), nil, limit)
		return data, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	if limit > 0 && info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: info.Size(), Limit: limit}}
	}
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	data := make([]byte, 0, info.Size()+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
	}
	return data, nil
}

// readError words an error of reading an input file for the person who
// can fix it.
func readError(file string, err error, limitKey string) *Error {
	var big *TooLargeError
	switch {
	case errors.Is(err, ErrNotRegular):
		return &Error{File: file, Msg: "not a regular file",
			Hint: "replace it with a plain file (a FIFO, device or socket cannot be read as one), or remove it"}
	case errors.As(err, &big) && limitKey != "":
		return &Error{File: file, Msg: big.Error() + " (" + limitKey + ")",
			Hint: "shorten it, or raise " + limitKey + " in " + ConfigFile + " (for example " + limitKey + ": 16MiB)"}
	case errors.As(err, &big):
		return &Error{File: file, Msg: big.Error(), Hint: "shorten it"}
	}
	return &Error{File: file, Msg: "cannot read: " + err.Error(), Hint: "check the file's permissions"}
}
