//go:build !(linux || darwin)

package cache

import "os"

func readFile(name string) ([]byte, error) {
	if err := regular(name); err != nil {
		return nil, err
	}
	return os.ReadFile(name)
}
