//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package publish

import "os"

// writeFile creates name (new in the fresh folder) with data.
func writeFile(name string, data []byte) (Stamp, error) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return Stamp{}, err
	}
	info, err := os.Lstat(name)
	if err != nil {
		return Stamp{}, err
	}
	return stampOf(info), nil
}

// regularStamp is the stamp of the regular file at name.
func regularStamp(name string) (Stamp, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() {
		return Stamp{}, false
	}
	return stampOf(info), true
}
