//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO among the files of a folder given to ingest is reported, not
// waited on; the other files are still ingested.
func TestIngestRefusesAFIFO(t *testing.T) {
	dir := newSite(t)
	in := filepath.Join(t.TempDir(), "inbox")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(in, "b.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	type result struct {
		rep IngestReport
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, out, err := ingestIn(t, IngestOptions{Site: dir, Sources: []string{in}})
		done <- result{rep, out, err}
	}()
	select {
	case r := <-done:
		if r.err == nil || !strings.Contains(r.out+r.err.Error(), "b.txt: not a regular file") {
			t.Errorf("got %v, report:\n%s\nwant b.txt refused as not a regular file", r.err, r.out)
		}
		if _, err := os.Stat(filepath.Join(dir, entryPath)); err != nil {
			t.Errorf("the good file was not ingested: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("ingest hangs on a FIFO")
	}
}
