package cache

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/digest-news/digest/generator/publish"
)

// record is an output record of n files.
func record(out string, n int) *Outputs {
	o := &Outputs{Out: out, Files: map[string]Output{}}
	for i := range n {
		o.Files[fmt.Sprintf("p%d/index.html", i)] = Output{Key: Sum(fmt.Appendf(nil, "%d", i)), Stamp: publish.Stamp{Size: int64(i + 1), MTime: int64(1000 + i)}}
	}
	return o
}

func TestOutputsSavedAsDelta(t *testing.T) {
	site := t.TempDir()
	out := filepath.Join(site, "public")
	base := filepath.Join(site, Dir, outName(out))
	delta := base + deltaSuffix
	if err := Open(site, nil).SaveOutputs(record(out, 100), nil, nil); err != nil {
		t.Fatal(err)
	}
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}

	// A build reads the record, changes a few files and removes one.

	s := Open(site, nil)
	o := s.Outputs(out)
	next := &Outputs{Out: out, Files: maps.Clone(o.Files)}
	next.Files["p1/index.html"] = Output{Key: Sum([]byte("new")), Stamp: publish.Stamp{Size: 7, MTime: 7}}
	next.Files["new/index.html"] = Output{Stamp: publish.Stamp{Size: 8, MTime: 8}}
	delete(next.Files, "p2/index.html")
	changed, removed := []string{"p1/index.html", "new/index.html"}, []string{"p2/index.html"}
	if err := s.SaveOutputs(next, changed, removed); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(base); string(now) != string(baseBytes) {
		t.Error("a change of 3 files in 100 rewrote the whole record")
	}
	if _, err := os.Stat(delta); err != nil {
		t.Fatalf("no delta: %v", err)
	}
	// The same build saves again (after its commit): still a delta of the base.
	next.Files["p3/index.html"] = Output{Stamp: publish.Stamp{Size: 9, MTime: 9}}
	if err := s.SaveOutputs(next, append(changed, "p3/index.html"), removed); err != nil {
		t.Fatal(err)
	}

	if got := Open(site, nil).Outputs(out); got == nil || !reflect.DeepEqual(got.Files, next.Files) {
		t.Fatalf("record with delta differs from what was saved")
	}

	// The next build changes a few more: the delta keeps both builds' changes.
	s = Open(site, nil)
	o = s.Outputs(out)
	third := &Outputs{Out: out, Files: maps.Clone(o.Files)}
	third.Files["p4/index.html"] = Output{Stamp: publish.Stamp{Size: 10, MTime: 10}}
	if err := s.SaveOutputs(third, []string{"p4/index.html"}, nil); err != nil {
		t.Fatal(err)
	}

	if got := Open(site, nil).Outputs(out); got == nil || !reflect.DeepEqual(got.Files, third.Files) {
		t.Fatalf("record after two deltas differs from what was saved")
	}

	// A delta of another base (left by a failure between writing a base and
	// removing the delta) is not applied.
	stale, err := os.ReadFile(delta)
	if err != nil {
		t.Fatal(err)
	}
	fresh := record(out, 50)
	if err := Open(site, nil).SaveOutputs(fresh, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(delta, stale, 0o644); err != nil {
		t.Fatal(err)
	}

	if got := Open(site, nil).Outputs(out); got == nil || !reflect.DeepEqual(got.Files, fresh.Files) {
		t.Fatalf("a delta of another base was applied")
	}

	// Many changes write the whole record again and remove the delta.
	s = Open(site, nil)
	s.Outputs(out)
	many := record(out, 50)
	var all []string
	for name, f := range many.Files {
		f.Key = Sum([]byte(name))
		many.Files[name] = f
		all = append(all, name)
	}
	if err := s.SaveOutputs(many, all, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(delta); !os.IsNotExist(err) {
		t.Errorf("delta kept beside a new base: %v", err)
	}

	if got := Open(site, nil).Outputs(out); got == nil || !reflect.DeepEqual(got.Files, many.Files) {
		t.Fatalf("rewritten record differs from what was saved")
	}

	Open(site, nil).DropOutputs(out)
	for _, f := range []string{base, delta} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s kept after DropOutputs", filepath.Base(f))
		}
	}
}
