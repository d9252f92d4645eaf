package publish

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// smallDisk mounts a 2 MB tmpfs for the test, or skips it where mounting is
// not allowed.
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skip("cannot mount a small tmpfs here:", err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, unix.MNT_DETACH); err != nil {
			t.Error(err)
		}
	})
	return dir
}

// fill leaves about free bytes of the disk holding dir unused.
func fill(t *testing.T, dir string, free int64) {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	size := int64(st.Bavail)*st.Bsize - free
	if size <= 0 {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fullDiskSite is an old output of 40 pages of 4 KB and a change of half of
// them, to 8 KB each, with added pages in new folders and stale ones.
func fullDiskSite() site {
	s := site{old: map[string]string{}, pages: map[string]string{}, feeds: map[string]string{}}
	for i := range 40 {
		name := fmt.Sprintf("d%d/p%02d/index.html", i%4, i)
		s.old[name] = strings.Repeat(fmt.Sprint(i%10), 4096)
		if i%2 == 0 {
			s.pages[name] = strings.Repeat("n", 8192)
		}
	}
	for i := range 4 {
		s.pages[fmt.Sprintf("new/%d/index.html", i)] = strings.Repeat("a", 4096)
		s.old[fmt.Sprintf("gone/%d/index.html", i)] = "stale"
		s.stale = append(s.stale, fmt.Sprintf("gone/%d/index.html", i))
	}
	s.old["feed.xml"], s.feeds["feed.xml"] = "old feed", strings.Repeat("f", 8192)
	return s
}

// TestUpdaterFullDisk runs an in-place commit on a disk with every amount
// of free space from none to enough: it publishes the whole change or fails
// with an error leaving the old output, with nothing of its own left inside.
func TestUpdaterFullDisk(t *testing.T) {
	disk := smallDisk(t)
	s := fullDiskSite()
	var failed, passed int
	last := "" // the last point a commit reached
	failedAfter := map[string]int{}
	for free := int64(0); free <= 300<<10; free += 4 << 10 {
		root := filepath.Join(disk, fmt.Sprint(free))
		out := filepath.Join(root, "public")
		writeTree(t, out, s.old)
		fill(t, disk, free)
		u := NewUpdater(out)
		u.probe.reached = func(p string) { last = p }
		last = ""
		for _, f := range s.changes() {
			if _, _, err := u.Put(f.Path, f.Data); err != nil {
				t.Fatal(err)
			}
		}
		_, _, err := u.Commit(s.stale)
		got, _ := snap(t, out, false)
		switch {
		case err != nil && !errors.Is(err, syscall.ENOSPC):
			t.Errorf("free %d: error %v, want one of a full disk", free, err)
		case err != nil && !got.is(s.old):
			t.Errorf("free %d: failed (%v) and left not the old output: %s", free, err, got.diff(s.old))
		case err == nil && !got.is(s.next()):
			t.Errorf("free %d: committed but the output is not the new one: %s", free, got.diff(s.next()))
		case err != nil:
			failed++
			failedAfter[last]++
		default:
			passed++
		}
		besideOnly(t, out)
		if err := os.RemoveAll(root); err != nil {
			t.Fatal(err)
		}
		os.Remove(filepath.Join(disk, "filler"))
	}
	// Failing after "staged", a commit failed writing its journal.
	if failed == 0 || passed == 0 || failedAfter["wrote"] == 0 || failedAfter["staged"] == 0 {
		t.Errorf("%d commits failed and %d passed; failed after each point: %v; the disk sizes do not cover every way", failed, passed, failedAfter)
	}
	t.Logf("%d commits failed, after each point: %v; %d passed", failed, failedAfter, passed)
}

// TestFlushFullDisk fills the disk after a Flush: the Commit of the feeds
// fails, and the output stays as the Flush left it.
func TestFlushFullDisk(t *testing.T) {
	disk := smallDisk(t)
	s := fullDiskSite()
	out := filepath.Join(disk, "site", "public")
	writeTree(t, out, s.old)
	u := NewUpdater(out)
	files := s.changes()
	for _, f := range files[:len(s.pages)] {
		if _, _, err := u.Put(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := u.Flush(); err != nil {
		t.Fatal(err)
	}
	fill(t, disk, 0)
	for _, f := range files[len(s.pages):] {
		if _, _, err := u.Put(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := u.Commit(s.stale); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("commit on a full disk: %v, want an error of a full disk", err)
	}
	if got, _ := snap(t, out, false); !got.is(s.flushed()) {
		t.Errorf("not the flushed output: %s", got.diff(s.flushed()))
	}
}

// TestWriterFullDisk fills the disk while a Writer fills its new folder:
// Write fails and the old output stays, with nothing beside it.
func TestWriterFullDisk(t *testing.T) {
	disk := smallDisk(t)
	s := fullDiskSite()
	out := filepath.Join(disk, "site", "public")
	writeTree(t, out, s.old)
	fill(t, disk, 64<<10)
	next := maps.Clone(s.next())
	for name := range next {
		next[name] = strings.Repeat("w", 8192) // every file changes: no hard links
	}
	var files []File
	for name, data := range next {
		files = append(files, File{Path: name, Data: []byte(data)})
	}
	if _, err := Write(out, files); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("write on a full disk: %v, want an error of a full disk", err)
	}
	if got, _ := snap(t, out, false); !got.is(s.old) {
		t.Errorf("not the old output: %s", got.diff(s.old))
	}
	besideOnly(t, out)
}
