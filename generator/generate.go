package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"

	digest "github.com/digest-news/digest"
	"github.com/digest-news/digest/generator/feed"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/render"
	"github.com/digest-news/digest/generator/site"
)

// converter is the one goldmark configuration, built once.
var converter = markdown.New()

// Generate renders the whole site model to output files, unminified.
func Generate(dir string, s *site.Site, inject template.HTML, clock *stopwatch) ([]publish.File, error) {
	if err := convertArticles(s); err != nil {
		return nil, err
	}
	clock.lap("markdown")
	r, err := render.New(themeFS(dir, "templates"))
	if err != nil {
		return nil, err
	}
	r.Inject = inject
	pages := s.Pages()
	files, err := renderPages(r, pages)
	if err != nil {
		return nil, err
	}
	clock.lap("render")
	feeds, err := feed.Files(s, func(a *site.Article) (string, error) {
		doc, err := converter.Convert(a.Entry.Body, feedLinks(s, a))
		return string(doc.HTML), err
	})
	if err != nil {
		return nil, err
	}
	for _, f := range feeds {
		files = append(files, publish.File{Path: f.Path, Data: f.Data})
	}
	clock.lap("feeds")
	static, err := staticFiles(themeFS(dir, "static"))
	if err != nil {
		return nil, err
	}
	files = append(files, static...)
	files = append(files, publish.File{Path: ".nojekyll", Data: []byte{}})
	if s.Config.CNAME != "" {
		files = append(files, publish.File{Path: "CNAME", Data: []byte(s.Config.CNAME + "\n")})
	}
	return files, nil
}

// themeFS is the site's own folder (templates or static) when it has one,
// else the default theme built into the binary.
func themeFS(dir, name string) fs.FS {
	own := filepath.Join(dir, name)
	if info, err := os.Stat(own); err == nil && info.IsDir() {
		return os.DirFS(own)
	}
	sub, err := fs.Sub(digest.Theme, name)
	if err != nil {
		panic(err) // the embedded theme always has both folders
	}
	return sub
}

// convertArticles renders every article's body and note, in parallel.
func convertArticles(s *site.Site) error {
	return parallel(len(s.Articles), func(i int) error {
		a := s.Articles[i]
		doc, err := converter.Convert(a.Entry.Body, pageLinks(s, a))
		if err != nil {
			return fmt.Errorf("%s: %w", a.File, err)
		}
		a.Body = template.HTML(doc.HTML)
		if a.Summary == "" {
			a.Summary = doc.Excerpt
		}
		if a.Entry.Note != "" {
			note, err := converter.Convert([]byte(a.Entry.Note), pageLinks(s, a))
			if err != nil {
				return fmt.Errorf("%s: note: %w", a.File, err)
			}
			a.Note = template.HTML(note.HTML)
		}
		return nil
	})
}

func renderPages(r *render.Renderer, pages []*site.Page) ([]publish.File, error) {
	files := make([]publish.File, len(pages))
	err := parallel(len(pages), func(i int) error {
		var b bytes.Buffer
		if err := r.Page(&b, pages[i]); err != nil {
			return err
		}
		files[i] = publish.File{Path: pages[i].Path, Data: b.Bytes()}
		return nil
	})
	return files, err
}

func minifyAll(files []publish.File) error {
	return parallel(len(files), func(i int) error {
		data, err := publish.Minify(files[i].Path, files[i].Data)
		files[i].Data = data
		return err
	})
}

func staticFiles(fsys fs.FS) ([]publish.File, error) {
	var files []publish.File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p)[0] == '.' {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files = append(files, publish.File{Path: p, Data: data})
		return err
	})
	return files, err
}

// parallel runs fn for 0..n-1 on every core and returns the first error.
func parallel(n int, fn func(i int) error) error {
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	next := make(chan int, 64)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}
