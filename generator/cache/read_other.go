//go:build !(linux || darwin)

package cache

import "os"

func readFile(name string) ([]byte, error) {
	if err := regular(name); err != nil {
		return nil, err
	}
	return os.ReadFile(name)
}

// regular refuses a cache file that is not a regular file, before it is
// opened.
func regular(name string) error {
	info, err := os.Lstat(name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errNotRegular
	}
	return nil
}
