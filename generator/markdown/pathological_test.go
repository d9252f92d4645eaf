package markdown

import (
	"errors"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/markdown/pathological"
)

// TestPathologicalFinish: every generated worst case converts or is refused
// with a *LimitError, within a minute, which only a blow-up misses (under
// the race detector on a loaded machine one case took over 10 s);
// BenchmarkPathological holds the real target.
func TestPathologicalFinish(t *testing.T) {
	c := New()
	for _, tc := range pathological.Cases() {
		done := make(chan error, 1)
		go func() {
			_, _, err := c.ConvertBoth(tc.Src, nil, nil)
			done <- err
		}()
		select {
		case err := <-done:
			var limit *LimitError
			if err != nil && !errors.As(err, &limit) {
				t.Errorf("%s: %v", tc.Name, err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%s: still converting after a minute", tc.Name)
		}
	}
}
