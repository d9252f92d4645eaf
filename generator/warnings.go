package generator

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"

	"github.com/digest-news/digest/generator/content"
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
	offset := frontLines(filepath.Join(site, filepath.FromSlash(file)), file)
	for _, m := range list {
		w.add("%s:%d: %s", file, m.Line+offset, m.Message)
	}
}

// frontLines counts the lines before an entry's body, which content's own
// reading of the file tells apart.
func frontLines(name, file string) int {
	var buf []byte
	body, st, err := content.ReadBody(name, file, &buf)
	if err != nil {
		return 0
	}
	return bytes.Count(buf[:int(st.Size)-len(body)], []byte("\n"))
}

// pagesLimit is the size GitHub Pages publishes a site up to.
const pagesLimit = 1_000_000_000

// size warns of an output folder that GitHub Pages would refuse.
func (w *warnings) size(out string, bytes int64) {
	if bytes > pagesLimit {
		w.add("%s: %.2f GB: GitHub Pages publishes sites of at most 1 GB; publish this one on another static host (Cloudflare Pages, Netlify, a bucket behind a CDN, any web server)",
			filepath.Base(out), float64(bytes)/1e9)
	}
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
