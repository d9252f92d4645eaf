//go:build !linux

package publish

import "errors"

// exchange would swap the folders a and b in one step.
func exchange(a, b string) error { return errors.ErrUnsupported }
