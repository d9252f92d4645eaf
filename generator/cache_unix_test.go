//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A cache file that is a link to /dev/zero, or a FIFO, is passed over: the
// build neither blocks nor runs out of memory, and writes what a build
// without cache writes.
func TestCacheFilesThatAreNotFilesAreIgnored(t *testing.T) {
	dir, out := warmSite(t)
	entries := filepath.Join(dir, ".digest-cache", "entries")
	os.Remove(entries)
	if err := os.Symlink("/dev/zero", entries); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	records, _ := filepath.Glob(filepath.Join(dir, ".digest-cache", "out-*"))
	for _, r := range records {
		os.Remove(r)
		if err := syscall.Mkfifo(r, 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow, Force: true})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the build hangs on a cache file that is not a file")
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
}
