package generator

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/digest-news/digest/generator/markdown"
)

// warnings are problems a build repaired or passed over; it prints them
// once done, in file order, so none goes by without a word.
type warnings struct {
	mu   sync.Mutex
	list []string
}

func (w *warnings) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.list = append(w.list, fmt.Sprintf(format, args...))
}

// skipped warns of the files under content/ that are not entries.
func (w *warnings) skipped(files []string) {
	for _, f := range files {
		w.add("%s: not read: entries are files named *.md or *.markdown", f)
	}
}

// body warns of what the Markdown of an entry's body lost, at the line of
// the entry file (the body's lines follow the front matter's).
func (w *warnings) body(site, file string, list []markdown.Warning) {
	if len(list) == 0 {
		return
	}
	offset := frontLines(filepath.Join(site, filepath.FromSlash(file)))
	for _, m := range list {
		w.add("%s:%d: %s", file, m.Line+offset, m.Message)
	}
}

// frontLines counts the lines before an entry's body: the front matter
// between its two --- lines.
func frontLines(name string) int {
	data, err := os.ReadFile(name)
	if err != nil || !bytes.HasPrefix(data, []byte("---")) {
		return 0
	}
	end := bytes.Index(data[3:], []byte("\n---"))
	if end < 0 {
		return 0
	}
	head := data[:3+end+len("\n---")]
	if i := bytes.IndexByte(data[len(head):], '\n'); i >= 0 {
		head = data[:len(head)+i+1]
	}
	return bytes.Count(head, []byte("\n"))
}

func (w *warnings) print(log io.Writer) {
	if log == nil {
		return
	}
	sort.Strings(w.list)
	for _, m := range w.list {
		fmt.Fprintln(log, "warning: "+m)
	}
}
