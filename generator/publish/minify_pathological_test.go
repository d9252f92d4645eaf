package publish

import (
	"bytes"
	"testing"
	"time"
)

// TestMinifyPathologicalFinish: the page and feed of every generated worst
// case minify well within the timeout; BenchmarkMinifyPathological holds the
// real target.
func TestMinifyPathologicalFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("converts and minifies megabytes")
	}
	for name, out := range pathologicalOutputs(t) {
		for i, file := range []string{"page.html", "feed.xml"} {
			done := make(chan error, 1)
			go func() {
				var dst bytes.Buffer
				done <- MinifyTo(&dst, file, bytes.NewBuffer(out[i]))
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("%s %s: %v", name, file, err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s %s: still minifying after 10 s", name, file)
			}
		}
	}
}
