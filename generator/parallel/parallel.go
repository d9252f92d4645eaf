// Package parallel runs the items of a build step on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do runs fn for 0..n-1 on every core and returns the first error; after an
// error the remaining items are skipped. Workers take the next item from a
// counter: handing thousands of small items over a channel would cost a
// context switch each.
func Do(n int, fn func(i int) error) error {
	var next atomic.Int64
	var failed atomic.Bool
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n && !failed.Load(); i = int(next.Add(1)) - 1 {
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	return first
}
