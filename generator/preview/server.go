package preview

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Server serves one built site folder; see the package doc. It is safe for
// concurrent use.
type Server struct {
	root string // the folder holding the built site; it may be swapped whole
	hub  hub

	mu     sync.RWMutex
	base   string          // the base URL's path, "/" or "/repo/"
	build  int             // successful builds so far
	swap   bool            // the last build changed entries only (see Built)
	broken template.HTML   // the overlay while the last build failed, else ""
	hosts  map[string]bool // Host names answered besides loopback (AllowHost)
	anyIP  bool            // any IP address is answered: listening on all of them

	told  int           // tabs told of the current build
	shown int           // of them, those that reported showing it
	seen  chan struct{} // closed when every tab told has shown the build
}

// state is what one request sees of the server.
type state struct {
	base   string
	build  int
	swap   bool
	broken template.HTML
}

// NewServer serves the folder root under the path base. The builder fills
// root and may replace it (rename) between requests; until the first Built,
// every path answers with an error page.
func NewServer(root, base string) *Server {
	return &Server{root: root, base: cleanBase(base), hub: newHub()}
}

// Built records a successful build served under the path base and tells the
// open tabs to reload. With swap (only entries changed, not the theme or the
// configuration) a tab may instead fetch its page and swap in the new body,
// which is quicker than a reload and keeps the reader's place.
func (s *Server) Built(base string, swap bool) {
	s.mu.Lock()
	s.base = cleanBase(base)
	s.build++
	s.swap = swap
	s.broken = ""
	s.told, s.shown, s.seen = s.hub.count(), 0, make(chan struct{})
	if s.told == 0 {
		close(s.seen)
	}
	s.mu.Unlock()
	s.hub.notify()
}

// Failed records a failed build: every page shows err in an overlay until the
// next successful build, and the open tabs show it at once.
func (s *Server) Failed(err error) {
	s.mu.Lock()
	s.broken = Overlay(err)
	s.mu.Unlock()
	s.hub.notify()
}

// Base is the path the site is served under.
func (s *Server) Base() string { return s.state().base }

// Close ends the event streams, so that http.Server.Shutdown need not wait
// for the open tabs.
func (s *Server) Close() { s.hub.close() }

func (s *Server) state() state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return state{base: s.base, build: s.build, swap: s.swap, broken: s.broken}
}

func cleanBase(base string) string {
	base = "/" + strings.Trim(base, "/") + "/"
	if base == "//" {
		return "/"
	}
	return base
}

// ServeHTTP serves the event stream at EventsPath and the site under its base
// path, to requests addressed to a loopback name or an allowed host
// (AllowHost) only.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		refuseHost(w, r)
		return
	}
	if r.URL.Path == EventsPath {
		s.events(w, r)
		return
	}
	if r.URL.Path == ShownPath && r.Method == http.MethodPost {
		if n, err := strconv.Atoi(r.URL.Query().Get("build")); err == nil {
			s.reportShown(n)
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state()
	if st.build == 0 {
		s.errorPage(w, r, st)
		return
	}
	if !safePath(r.URL) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, st.base) {
		if p == "/" || p+"/" == st.base {
			redirect(w, r, st.base, http.StatusFound)
			return
		}
		s.notFound(w, r, st)
		return
	}
	s.serveSite(w, r, st, strings.TrimPrefix(p, st.base))
}

// safePath refuses encoded slashes and backslashes, NUL, dot segments (also
// when percent-encoded: Path is already decoded) and empty segments.
func safePath(u *url.URL) bool {
	raw := strings.ToLower(u.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return false
		}
	}
	return true
}

// serveSite serves rel, a slash path inside the site folder ("" for its root).
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, st state, rel string) {
	root, err := s.openRoot()
	if err != nil {
		http.Error(w, "the site folder is missing", http.StatusInternalServerError)
		return
	}
	defer root.Close()
	name := strings.TrimSuffix(rel, "/")
	if name == "" {
		name = "."
	}
	if hidden(name) {
		s.notFoundIn(w, r, st, root)
		return
	}
	f, info, err := open(root, name)
	if err != nil {
		s.notFoundIn(w, r, st, root)
		return
	}
	defer f.Close()
	switch {
	case info.IsDir() && !strings.HasSuffix(r.URL.Path, "/"):
		redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
	case info.IsDir():
		index, iinfo, err := open(root, path.Join(name, "index.html"))
		if err != nil || iinfo.IsDir() {
			s.notFoundIn(w, r, st, root) // no directory listings
			return
		}
		defer index.Close()
		s.serveFile(w, r, st, index, iinfo, http.StatusOK)
	case strings.HasSuffix(r.URL.Path, "/"):
		s.notFoundIn(w, r, st, root)
	default:
		s.serveFile(w, r, st, f, info, http.StatusOK)
	}
}

// openRoot opens the site folder. The builder swaps it with two renames, so a
// request landing between them retries briefly.
func (s *Server) openRoot() (*os.Root, error) {
	var err error
	for range 20 {
		var root *os.Root
		if root, err = os.OpenRoot(s.root); err == nil {
			return root, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil, err
}

// open opens name inside root; os.Root refuses symlinks that lead outside.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// hidden reports a dot file or folder on the way, which GitHub Pages does not serve either.
func hidden(name string) bool {
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") && seg != "." {
			return true
		}
	}
	return false
}

func redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	u := url.URL{Path: to, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), code)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st state) {
	root, err := s.openRoot()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	s.notFoundIn(w, r, st, root)
}

// notFoundIn serves the site's 404.html with status 404.
func (s *Server) notFoundIn(w http.ResponseWriter, r *http.Request, st state, root *os.Root) {
	f, info, err := open(root, "404.html")
	if err != nil || info.IsDir() {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	s.serveFile(w, r, st, f, info, http.StatusNotFound)
}

// serveFile writes one file with its content type. HTML pages get the build
// number for the live-reload script and, while the site is broken, the overlay.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, st state, f *os.File, info fs.FileInfo, code int) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	ctype := ContentType(info.Name())
	if ctype != "" {
		h.Set("Content-Type", ctype)
	}
	if !strings.HasPrefix(ctype, "text/html") {
		if code == http.StatusOK {
			http.ServeContent(w, r, info.Name(), info.ModTime(), f)
			return
		}
		w.WriteHeader(code)
		io.Copy(w, f)
		return
	}
	data, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	data = decorate(data, st)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// decorate inserts, before the last </body>, the page's build number and the
// overlay when the site is broken.
func decorate(page []byte, st state) []byte {
	add := buildMark(st.build) + string(st.broken)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, add...)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// buildMark tells the live-reload script which build the page came from.
func buildMark(build int) string {
	return "<script>window.digestBuild=" + strconv.Itoa(build) + "</script>"
}

// errorPage is what every path shows before the site has built once.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, st state) {
	if st.broken == "" {
		st.broken = Overlay(errors.New("the site is still building"))
	}
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed · digest serve</title></head><body>`)
	b.WriteString(string(Script))
	b.WriteString("</body></html>")
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		w.Write(decorate(b.Bytes(), st))
	}
}

// contentTypes are spelled out rather than read from the system's mime tables,
// so that the preview answers the same everywhere.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".xml":         "application/xml",
	".opml":        "text/x-opml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	"":             "text/plain; charset=utf-8", // CNAME
}

// ContentType is the type the preview serves a file name with; "" when unknown
// (the server then sniffs it).
func ContentType(name string) string {
	return contentTypes[strings.ToLower(path.Ext(name))]
}
