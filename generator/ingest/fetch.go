package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Limits on what a URL may cost.
const (
	MaxBytes     = 8 << 20 // bytes read from any one input
	MaxRedirects = 5
	FetchTimeout = 20 * time.Second
)

// Fetcher reads http(s) inputs; the zero value uses a client with the limits above.
type Fetcher struct {
	Client *http.Client
}

func (f *Fetcher) client() *http.Client {
	if f != nil && f.Client != nil {
		return f.Client
	}
	return &http.Client{
		Timeout: FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			return nil
		},
	}
}

// acceptedTypes are the content types ingest can read.
var acceptedTypes = []string{"text/html", "application/xhtml+xml", "text/plain", "application/json",
	"application/x-ndjson", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
	"application/feed+json"}

// Fetch downloads one URL within the limits and checks its content type.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Input, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Input{}, err
	}
	req.Header.Set("User-Agent", "digest-ingest/1 (+https://github.com/digest-news/digest)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json,text/plain;q=0.8")
	resp, err := f.client().Do(req)
	if err != nil {
		return Input{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Input{}, fmt.Errorf("HTTP %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	if ct != "" && !accepted(mt) {
		return Input{}, fmt.Errorf("content type %s is not an article (want HTML, text, JSON or a feed)", mt)
	}
	data, err := readCapped(resp.Body)
	if err != nil {
		return Input{}, err
	}
	return Input{Name: rawURL, Data: data, URL: resp.Request.URL.String(), ContentType: mt, Charset: params["charset"]}, nil
}

func accepted(mt string) bool {
	for _, t := range acceptedTypes {
		if mt == t {
			return true
		}
	}
	return false
}

// readCapped reads at most MaxBytes and fails beyond, rather than cut an article silently.
func readCapped(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("larger than %d MB", MaxBytes>>20)
	}
	return data, nil
}

// inputExts are the files a folder walk picks up.
var inputExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".xml": true, ".rss": true, ".atom": true}

// Expand turns one command-line source into inputs: "-" reads stdin, an
// http(s) URL is fetched, a folder is walked recursively (hidden entries
// skipped, files by extension), a file is read. Each failure is reported
// with the input it concerns.
func Expand(ctx context.Context, src string, stdin io.Reader, f *Fetcher) ([]Input, []error) {
	switch {
	case src == "-":
		data, err := readCapped(stdin)
		if err != nil {
			return nil, []error{fmt.Errorf("-: %v", err)}
		}
		return []Input{{Name: "-", Data: data}}, nil
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		in, err := f.Fetch(ctx, src)
		if err != nil {
			return nil, []error{fmt.Errorf("%s: %v", src, err)}
		}
		return []Input{in}, nil
	}
	st, err := os.Stat(src)
	if err != nil {
		return nil, []error{pathErr(src, err)}
	}
	if !st.IsDir() {
		in, err := readFile(src)
		if err != nil {
			return nil, []error{err}
		}
		return []Input{in}, nil
	}
	return walk(src)
}

func walk(dir string) ([]Input, []error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && inputExts[strings.ToLower(filepath.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, []error{pathErr(dir, err)}
	}
	sort.Strings(files)
	var ins []Input
	var errs []error
	for _, p := range files {
		in, err := readFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in)
	}
	return ins, errs
}

// readFile reads an input file; anything but a regular file (a FIFO, a
// device) is refused before it is opened, as reading one could block or
// never end.
func readFile(p string) (Input, error) {
	if info, err := os.Stat(p); err == nil && !info.Mode().IsRegular() {
		return Input{}, fmt.Errorf("%s: not a regular file; give ingest plain files, folders, URLs or - for standard input", p)
	}
	fh, err := os.Open(p)
	if err != nil {
		return Input{}, pathErr(p, err)
	}
	defer fh.Close()
	data, err := readCapped(fh)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %v", p, err)
	}
	return Input{Name: p, Data: data}, nil
}

func pathErr(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %v", p, err)
}
