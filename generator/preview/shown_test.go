package preview

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestAwaitShown: after a build, AwaitShown returns once the open tab
// reports showing that build (a report of an older one does not count), at
// once when no tab is open, and at its limit when the tab never reports.
func TestAwaitShown(t *testing.T) {
	s := builtSite(t)
	start := time.Now()
	s.Built("/wire/", true)
	s.AwaitShown(10 * time.Second)
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("with no tab open AwaitShown waited %v", d)
	}

	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the stream closes (openEvents)
	_, next := openEvents(t, ts)
	next() // the stream is open
	report := func(build string) {
		res, err := http.Post(ts.URL+ShownPath+"?build="+build, "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("report: status %d", res.StatusCode)
		}
	}

	s.Built("/wire/", true) // build 3, told to one tab
	next()
	done := make(chan struct{})
	go func() { s.AwaitShown(time.Minute); close(done) }()
	report("2")
	select {
	case <-done:
		t.Fatal("a report of an older build ended the wait")
	case <-time.After(200 * time.Millisecond):
	}
	report("3")
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the tab's report did not end the wait")
	}

	s.Built("/wire/", true) // build 4: the tab says nothing
	next()
	start = time.Now()
	s.AwaitShown(300 * time.Millisecond)
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("AwaitShown returned after %v with the tab silent, want its limit", d)
	}
}
