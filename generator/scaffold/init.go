package scaffold

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/ingest"
)

//go:embed files
var files embed.FS

// Workflow is the GitHub Pages workflow that Init writes to
// .github/workflows/pages.yml; the digest repository publishes its sample with it.
var Workflow = mustRead("files/pages.yml")

// WorkflowPath is where Init writes Workflow inside a site.
const WorkflowPath = ".github/workflows/pages.yml"

// Options shape a new site. Zero fields get defaults from the folder name.
type Options struct {
	Title    string    // default: the folder name in title case
	BaseURL  string    // default: https://example.github.io/<folder>/
	Timezone string    // IANA name; default UTC
	Theme    fs.FS     // when set, its templates/ and static/ are copied into the site
	Now      time.Time // the welcome entry's date; zero means the current time
}

// Init makes a ready site in dir, which must be missing or empty. It returns
// the files it wrote, relative to dir, with slashes.
func Init(dir string, opts Options) ([]string, error) {
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	opts = opts.defaults(dir)
	cfg, err := configFile(opts)
	if err != nil {
		return nil, err
	}
	w := writer{dir: dir}
	w.write(content.ConfigFile, cfg)
	w.write(".gitignore", mustRead("files/gitignore"))
	w.write(WorkflowPath, Workflow)
	if opts.Theme != nil {
		w.copyTree(opts.Theme, "templates")
		w.copyTree(opts.Theme, "static")
	}
	if w.err != nil {
		return w.written, w.err
	}
	welcome, err := New(dir, Entry{Title: "Welcome to " + opts.Title, Topics: []string{"news"},
		Summary: "How this digest works, and what to do next.", Body: mustRead("files/welcome.md"), Now: opts.Now, Live: true})
	if err != nil {
		return w.written, err
	}
	rel, _ := filepath.Rel(dir, welcome)
	return append(w.written, filepath.ToSlash(rel)), nil
}

func (o Options) defaults(dir string) Options {
	name := ingest.Slug(filepath.Base(filepath.Clean(dir)))
	if o.Title == "" {
		o.Title = titleCase(name)
	}
	if o.BaseURL == "" {
		o.BaseURL = "https://" + content.PlaceholderHost + "/" + name + "/"
	}
	if o.Timezone == "" {
		o.Timezone = "UTC"
	}
	return o
}

// emptyDir makes dir when it is missing and refuses it when it holds anything.
func emptyDir(dir string) error {
	list, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return fmt.Errorf("%s is a file; digest init makes a new site in an empty or missing folder", dir)
		}
		return err
	}
	if len(list) > 0 {
		return fmt.Errorf("%s is not empty; digest init makes a new site in an empty or missing folder", dir)
	}
	return nil
}

type configData struct {
	Title, BaseURL, Timezone, IDAuthority string
}

func configFile(o Options) ([]byte, error) {
	u, err := url.Parse(o.BaseURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("base URL %q is not an absolute http(s) URL", o.BaseURL)
	}
	t, err := template.New("digest.yaml").Funcs(template.FuncMap{"yaml": yamlString}).
		Parse(string(mustRead("files/digest.yaml.tmpl")))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, configData{Title: o.Title, BaseURL: o.BaseURL, Timezone: o.Timezone, IDAuthority: u.Hostname()})
	if err != nil {
		return nil, err
	}
	if _, err := content.ParseConfig(b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// yamlString quotes s as a YAML (JSON) double-quoted string.
func yamlString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func titleCase(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// writer writes files under dir and keeps the first error.
type writer struct {
	dir     string
	written []string
	err     error
}

func (w *writer) write(rel string, data []byte) {
	if w.err != nil {
		return
	}
	name := filepath.Join(w.dir, filepath.FromSlash(rel))
	if w.err = os.MkdirAll(filepath.Dir(name), 0o755); w.err != nil {
		return
	}
	if w.err = os.WriteFile(name, data, 0o644); w.err == nil {
		w.written = append(w.written, rel)
	}
}

func (w *writer) copyTree(fsys fs.FS, root string) {
	if w.err != nil {
		return
	}
	w.err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		w.write(path.Clean(p), data)
		return w.err
	})
}

func mustRead(name string) []byte {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err) // the files are embedded above
	}
	return data
}
