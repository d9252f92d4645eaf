package markdown

import (
	"errors"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/markdown/pathological"
)

// TestPathologicalFinish: every generated worst case converts or is refused
// with a *LimitError, well within the timeout; BenchmarkPathological holds
// the real target.
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
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still converting after 10 s", tc.Name)
		}
	}
}
