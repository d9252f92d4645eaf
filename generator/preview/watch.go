package preview

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Inputs are the folders of a site that a build reads, watched recursively;
// ConfigFile is watched too.
var Inputs = []string{"content", "templates", "static"}

// ConfigFile is the site configuration, watched through its folder so that an
// editor replacing it by a rename is seen.
const ConfigFile = "digest.yaml"

// ErrClosed is returned by Next once the watcher is closed.
var ErrClosed = errors.New("preview: watcher closed")

// Watcher reports changes to a site's inputs in debounced batches.
type Watcher struct {
	dir      string
	debounce time.Duration
	fsw      *fsnotify.Watcher
	ready    chan struct{} // holds a token while a batch waits
	done     chan struct{} // closed when the event loop ends

	mu    sync.Mutex
	batch map[string]bool // changed paths relative to dir, with slashes
}

// NewWatcher watches the site folder dir. A batch is ready once no event has
// arrived for debounce.
func NewWatcher(dir string, debounce time.Duration) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fsw.Add(dir); err != nil {
		fsw.Close()
		return nil, err
	}
	w := &Watcher{dir: filepath.Clean(dir), debounce: debounce, fsw: fsw,
		ready: make(chan struct{}, 1), done: make(chan struct{}), batch: map[string]bool{}}
	for _, name := range Inputs {
		w.addTree(filepath.Join(w.dir, name))
	}
	go w.loop()
	return w, nil
}

// Next waits for the next batch of changes and returns the changed paths,
// relative to the site folder and sorted.
func (w *Watcher) Next(ctx context.Context) ([]string, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-w.done:
		return nil, ErrClosed
	case <-w.ready:
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	paths := make([]string, 0, len(w.batch))
	for p := range w.batch {
		paths = append(paths, p)
	}
	clear(w.batch)
	slices.Sort(paths)
	return paths, nil
}

// Close stops watching and waits for the event loop to end.
func (w *Watcher) Close() error {
	err := w.fsw.Close()
	<-w.done
	return err
}

func (w *Watcher) loop() {
	defer close(w.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	pending := map[string]bool{}
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new folder, perhaps already holding files
			}
			pending[rel] = true
			timer.Reset(w.debounce)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				pending["."] = true // events were lost: rebuild anyway
				timer.Reset(w.debounce)
			}
		case <-timer.C:
			w.publish(pending)
			clear(pending)
		}
	}
}

// publish hands a batch to Next, merging it with one not yet taken.
func (w *Watcher) publish(pending map[string]bool) {
	if len(pending) == 0 {
		return
	}
	w.mu.Lock()
	for p := range pending {
		w.batch[p] = true
	}
	w.mu.Unlock()
	select {
	case w.ready <- struct{}{}:
	default:
	}
}

// relevant reports whether an event touches an input, and its path relative to
// the site folder. Permission changes and editors' scratch files are not changes.
func (w *Watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.dir, ev.Name)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ConfigFile {
		return rel, true
	}
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(Inputs, top) || scratch(filepath.Base(rel)) {
		return "", false
	}
	return rel, true
}

// scratch reports the temporary and backup files editors write beside the
// file being saved (vim, emacs, JetBrains); the save itself still shows as an
// event on the real name.
func scratch(name string) bool {
	switch {
	case name == "4913",
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".swo")),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}

// addTree watches root and every folder below it; missing folders are skipped
// (the site folder's own watch sees them appear).
func (w *Watcher) addTree(root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if err := w.fsw.Add(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return filepath.SkipDir
		}
		return nil
	})
}
