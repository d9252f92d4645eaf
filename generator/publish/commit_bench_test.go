package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchSite writes an output folder of 12,000 files laid out as a site's:
// a folder for each article, day, month and topic. DIGEST_BENCH_DIR puts it
// elsewhere than the test's temporary folder (on /dev/shm, as the preview).
func benchSite(b *testing.B) (out string, changed []string) {
	b.Helper()
	root := b.TempDir()
	if dir := os.Getenv("DIGEST_BENCH_DIR"); dir != "" {
		var err error
		if root, err = os.MkdirTemp(dir, "bench-"); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(root) })
	}
	out = filepath.Join(root, "public")
	page := make([]byte, 6000)
	for i := range page {
		page[i] = byte('a' + i%26)
	}
	write := func(name string) {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var names []string
	for i := range 10000 {
		names = append(names, fmt.Sprintf("%d/%02d/%02d/article-%d/index.html", 2000+i/3000, 1+i/250%12, 1+i/10%28, i))
	}
	for i := range 1900 {
		names = append(names, fmt.Sprintf("%d/%02d/%02d/index.html", 2000+i/336, 1+i/28%12, 1+i%28))
	}
	for i := range 95 {
		names = append(names, fmt.Sprintf("topics/topic-%d/index.html", i))
	}
	names = append(names, "index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml")
	for _, name := range names {
		write(name)
	}
	changed = []string{"index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml",
		names[9999], names[10000+1899], names[10000+1899-28], "topics/topic-3/index.html", "topics/topic-7/index.html"}
	return out, changed
}

// BenchmarkUpdaterCommit publishes 10 changed files of a 12,000-file output
// in place: "commit" times Commit alone, "build" the Updater's whole use, and
// "added-stale" a change that also adds a page in a new folder and removes
// the one the last change added.
func BenchmarkUpdaterCommit(b *testing.B) {
	out, changed := benchSite(b)
	data := func(i int) []byte { return fmt.Appendf(nil, "version %d %s", i, make([]byte, 6000)) }
	b.Run("commit", func(b *testing.B) {
		i := 0
		for b.Loop() {
			b.StopTimer()
			u := NewUpdater(out)
			for _, name := range changed {
				if _, _, err := u.Put(name, data(i)); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
			if _, _, err := u.Commit(nil); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("build", func(b *testing.B) {
		i := 0
		for b.Loop() {
			u := NewUpdater(out)
			for _, name := range changed {
				if _, _, err := u.Put(name, data(i)); err != nil {
					b.Fatal(err)
				}
			}
			if _, _, err := u.Commit(nil); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("added-stale", func(b *testing.B) {
		i := 0
		for b.Loop() {
			u := NewUpdater(out)
			for _, name := range changed[:9] {
				if _, _, err := u.Put(name, data(i)); err != nil {
					b.Fatal(err)
				}
			}
			if _, _, err := u.Put(fmt.Sprintf("2030/01/01/added-%d/index.html", i), data(i)); err != nil {
				b.Fatal(err)
			}
			var stale []string
			if i > 0 {
				stale = []string{fmt.Sprintf("2030/01/01/added-%d/index.html", i-1)}
			}
			if _, _, err := u.Commit(stale); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
