//go:build !(linux || darwin)

package cache

import "os"

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
