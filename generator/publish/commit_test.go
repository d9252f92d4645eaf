package publish

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestJournalRoundTrip(t *testing.T) {
	stage := t.TempDir()
	j := journal{when: 42, puts: []string{"a b/index.html", "quo\"te/\nline.html", "é/ü.html"}, dels: []string{"old/x.html"}}
	if err := writeJournal(stage, &j); err != nil {
		t.Fatal(err)
	}
	got, ok := readJournal(stage)
	if !ok || got.when != 42 || !slices.Equal(got.puts, j.puts) || !slices.Equal(got.dels, j.dels) {
		t.Errorf("read %+v, %v; want %+v", got, ok, j)
	}
	if _, err := os.Stat(filepath.Join(stage, journalName+".tmp")); !os.IsNotExist(err) {
		t.Errorf("temporary journal left: %v", err)
	}
}

func TestJournalNotWhole(t *testing.T) {
	for name, text := range map[string]string{
		"empty":      "",
		"no end":     journalHeader + " 1\np \"a.html\"\n",
		"cut":        journalHeader + " 1\np \"a.ht",
		"header":     "digest-commit 2 1\nend\n",
		"after end":  journalHeader + " 1\nend\np \"a.html\"\n",
		"leaves":     journalHeader + " 1\np \"../a.html\"\nend\n",
		"absolute":   journalHeader + " 1\nd \"/etc/passwd\"\nend\n",
		"bad kind":   journalHeader + " 1\nx \"a.html\"\nend\n",
		"not quoted": journalHeader + " 1\np a.html\nend\n",
	} {
		stage := t.TempDir()
		if err := os.WriteFile(filepath.Join(stage, journalName), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if j, ok := readJournal(stage); ok {
			t.Errorf("%s: read as whole: %+v", name, j)
		}
	}
}

// An undecided commit is undone: its stage goes, and so do the folders it
// made while they are empty.
func TestRecoverUndecided(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, map[string]string{"index.html": "old", "a/b/kept.html": "someone's"})
	stage := filepath.Join(out, stagePrefix+"1")
	writeTree(t, stage, map[string]string{"0": "new", dirsName: "\"new\"\n\"new/deep\"\n\"a\"\n\"a/b\"\n\"../up\"\n\"cut"})
	os.MkdirAll(filepath.Join(out, "new/deep"), 0o755)
	os.Mkdir(filepath.Join(filepath.Dir(out), "up"), 0o755)
	if err := recoverCommits(out); err != nil {
		t.Fatal(err)
	}
	got, _ := snap(t, out, false)
	if want := map[string]string{"index.html": "old", "a/b/kept.html": "someone's"}; !got.is(want) {
		t.Errorf("output %v %v, want %v", got.files, got.dirs, want)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "up")); err != nil {
		t.Errorf("a folder outside the output was removed: %v", err)
	}
}

// Decided commits are finished oldest first, whatever their stage folders
// are called.
func TestRecoverDecidedInOrder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, map[string]string{"index.html": "v0", "feed.xml": "v0", "gone/x.html": "stale"})
	for _, c := range []struct {
		stage string
		j     journal
		files map[string]string
	}{
		{stagePrefix + "b", journal{when: 1, puts: []string{"index.html", "new/p.html"}}, map[string]string{"0": "v1", "1": "page"}},
		{stagePrefix + "a", journal{when: 2, puts: []string{"index.html", "feed.xml"}, dels: []string{"gone/x.html"}}, map[string]string{"0": "v2"}},
	} {
		stage := filepath.Join(out, c.stage)
		writeTree(t, stage, c.files) // the second's feed.xml was renamed in before the kill
		if err := writeJournal(stage, &c.j); err != nil {
			t.Fatal(err)
		}
	}
	if err := recoverCommits(out); err != nil {
		t.Fatal(err)
	}
	got, _ := snap(t, out, false)
	if want := map[string]string{"index.html": "v2", "feed.xml": "v0", "new/p.html": "page"}; !got.is(want) {
		t.Errorf("output %v %v, want %v", got.files, got.dirs, want)
	}
}

// A commit the next build cannot finish makes its Updater fail, rather
// than publish beside a half-done one.
func TestUpdaterReportsUnfinished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, map[string]string{"p/index.html": "a folder in the way"})
	stage := filepath.Join(out, stagePrefix+"1")
	writeTree(t, stage, map[string]string{"0": "file"})
	if err := writeJournal(stage, &journal{when: 1, puts: []string{"p"}}); err != nil {
		t.Fatal(err)
	}
	u := NewUpdater(out)
	if _, _, err := u.Put("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := u.Commit(nil); err == nil || !strings.Contains(err.Error(), "finishing") {
		t.Errorf("commit: %v, want the earlier commit's error", err)
	}
}

// A change that cannot be put in place fails before anything changes.
func TestUpdaterRefusesBeforeChanging(t *testing.T) {
	old := map[string]string{"index.html": "old", "p/index.html": "page", "file": "in the way"}
	for name, put := range map[string]string{"folder": "p", "file": "file/index.html"} {
		out := filepath.Join(t.TempDir(), "public")
		writeTree(t, out, old)
		u := NewUpdater(out)
		u.Put("index.html", []byte("new"))
		u.Put("added/deep/index.html", []byte("new"))
		u.Put(put, []byte("new"))
		if _, _, err := u.Commit([]string{"p/index.html"}); err == nil {
			t.Errorf("%s in the way: committed", name)
		}
		if got, _ := snap(t, out, false); !got.is(old) {
			t.Errorf("%s in the way: output %v %v, want the old", name, got.files, got.dirs)
		}
	}
}

// Committed files have the stamps Commit reports, and files left alone keep
// their inode.
func TestUpdaterStampsAndInodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, map[string]string{"same.html": "same", "kept.html": "kept", "index.html": "old"})
	before := map[string]os.FileInfo{}
	for _, name := range []string{"same.html", "kept.html"} {
		before[name], _ = os.Stat(filepath.Join(out, name))
	}
	u := NewUpdater(out)
	u.Put("same.html", []byte("same"))
	u.Put("index.html", []byte("new"))
	u.Put("a/b/index.html", []byte("added"))
	_, stamps, err := u.Commit(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "a/b/index.html"} {
		if st, ok := regularStamp(filepath.Join(out, filepath.FromSlash(name))); !ok || st != stamps[name] {
			t.Errorf("%s: stamp %v on disk, %v reported", name, st, stamps[name])
		}
	}
	for name, info := range before {
		now, _ := os.Stat(filepath.Join(out, name))
		if !os.SameFile(info, now) || !now.ModTime().Equal(info.ModTime()) {
			t.Errorf("%s was replaced", name)
		}
	}
	if left := withPrefix(out, stagePrefix); len(left) > 0 {
		t.Errorf("stage left: %v", left)
	}
}

// A swap without exchange killed between its renames left the old output
// aside; the next build puts it back, and otherwise removes it.
func TestLeftoversPutBackAside(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	writeTree(t, filepath.Join(root, ".public.old-1"), map[string]string{"index.html": "old"})
	writeTree(t, filepath.Join(root, ".public.new-1"), map[string]string{"index.html": "new"})
	removeLeftovers(filepath.Clean(out))
	if got := tree(t, out); got["index.html"] != "old" || len(got) != 1 {
		t.Errorf("output %v, want the old", got)
	}
	besideOnly(t, out)
	writeTree(t, filepath.Join(root, ".public.old-2"), map[string]string{"index.html": "older"})
	removeLeftovers(filepath.Clean(out))
	if got := tree(t, out); got["index.html"] != "old" || len(got) != 1 {
		t.Errorf("output %v, want the old", got)
	}
	besideOnly(t, out)
}
