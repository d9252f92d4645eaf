package ingest

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on its first use, not at init: every digest
// command links this package but only ingest matches text, and compiling
// all the patterns up front would delay the start of every run, a build too.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
