package preview

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func newWatcher(t *testing.T, debounce time.Duration) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, ConfigFile), "title: T\n")
	write(t, filepath.Join(dir, "content/2026/05/04/a.md"), "a")
	write(t, filepath.Join(dir, "templates/base.html"), "base")
	w, err := NewWatcher(dir, debounce)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

// next waits for one batch; nil when none comes within the wait.
func next(t *testing.T, w *Watcher, wait time.Duration) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	paths, err := w.Next(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// expect waits for batches until they have named every path in want.
func expect(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	var seen []string
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		seen = append(seen, next(t, w, time.Until(deadline))...)
		if !slices.ContainsFunc(want, func(p string) bool { return !slices.Contains(seen, p) }) {
			return
		}
	}
	t.Fatalf("batches %q lack some of %q", seen, want)
}

func TestWatchEdits(t *testing.T) {
	dir, w := newWatcher(t, 20*time.Millisecond)
	write(t, filepath.Join(dir, "content/2026/05/04/a.md"), "a2")
	expect(t, w, "content/2026/05/04/a.md")

	write(t, filepath.Join(dir, "templates/base.html"), "base2")
	expect(t, w, "templates/base.html")

	// static/ did not exist when watching began
	write(t, filepath.Join(dir, "static/css/site.css"), "body{}")
	expect(t, w, "static")
	write(t, filepath.Join(dir, "static/css/site.css"), "body{margin:0}")
	expect(t, w, "static/css/site.css")

	// a new folder, then a file saved into it later
	if err := os.MkdirAll(filepath.Join(dir, "content/2027/01/02"), 0o755); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "content/2027")
	write(t, filepath.Join(dir, "content/2027/01/02/b.md"), "b")
	expect(t, w, "content/2027/01/02/b.md")

	if err := os.Remove(filepath.Join(dir, "content/2027/01/02/b.md")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "content/2027/01/02/b.md")
}

func TestWatchAtomicSave(t *testing.T) {
	dir, w := newWatcher(t, 20*time.Millisecond)
	// vim: probe file, backup by rename, write anew, drop the backup
	name := filepath.Join(dir, "content/2026/05/04/a.md")
	write(t, filepath.Join(dir, "content/2026/05/04/4913"), "")
	os.Remove(filepath.Join(dir, "content/2026/05/04/4913"))
	if err := os.Rename(name, name+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, name, "a3")
	os.Remove(name + "~")
	expect(t, w, "content/2026/05/04/a.md")
	for got := next(t, w, 100*time.Millisecond); got != nil; got = next(t, w, 100*time.Millisecond) {
		if !slices.Equal(got, []string{"content/2026/05/04/a.md"}) {
			t.Errorf("vim save: batch %q names scratch files", got)
		}
	}
	// most other editors: write a temporary file, rename it over the config
	tmp := filepath.Join(dir, ".digest.yaml.tmp123")
	write(t, tmp, "title: U\n")
	if err := os.Rename(tmp, filepath.Join(dir, ConfigFile)); err != nil {
		t.Fatal(err)
	}
	expect(t, w, ConfigFile)
	// the config is still watched after being replaced
	write(t, filepath.Join(dir, ConfigFile), "title: V\n")
	expect(t, w, ConfigFile)
}

func TestWatchDebounce(t *testing.T) {
	const debounce = 250 * time.Millisecond
	dir, w := newWatcher(t, debounce)
	// A loaded machine (CI, -race) may stall a writer for longer than the
	// debounce; then two batches are right, so the burst is tried again.
	for attempt := 1; ; attempt++ {
		longestGap := burst(t, filepath.Join(dir, "content/2026/05/04/a.md"))
		expect(t, w, "content/2026/05/04/a.md")
		second := next(t, w, debounce+100*time.Millisecond)
		if longestGap < debounce/2 {
			if second != nil {
				t.Errorf("a burst with gaps of at most %v gave a second batch %q", longestGap, second)
			}
			return
		}
		if attempt == 3 {
			t.Fatalf("the writer stalled for %v, longer than half the debounce, three times", longestGap)
		}
		for second != nil { // drain what the stalled burst left
			second = next(t, w, debounce+100*time.Millisecond)
		}
	}
}

// burst saves name 20 times in quick succession and returns the longest
// gap between two saves.
func burst(t *testing.T, name string) time.Duration {
	t.Helper()
	var longest time.Duration
	last := time.Now()
	for i := range 20 {
		write(t, name, string(rune('a'+i)))
		if gap := time.Since(last); gap > longest {
			longest = gap
		}
		last = time.Now()
		time.Sleep(2 * time.Millisecond)
	}
	return longest
}

func TestWatchIgnores(t *testing.T) {
	dir, w := newWatcher(t, 20*time.Millisecond)
	write(t, filepath.Join(dir, "public/index.html"), "out")
	write(t, filepath.Join(dir, ".digest-cache/x"), "cache")
	write(t, filepath.Join(dir, "README.md"), "readme")
	write(t, filepath.Join(dir, "content/2026/05/04/.a.md.swp"), "swap")
	write(t, filepath.Join(dir, "content/2026/05/04/#a.md#"), "autosave")
	if err := os.Chmod(filepath.Join(dir, "content/2026/05/04/a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w, 200*time.Millisecond); got != nil {
		t.Errorf("changes outside the inputs gave a batch %q", got)
	}
}

func TestWatchClose(t *testing.T) {
	_, w := newWatcher(t, 20*time.Millisecond)
	w.Close()
	if _, err := w.Next(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("Next after Close: %v", err)
	}
}
