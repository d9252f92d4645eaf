package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"sync"

	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/locale"
	"github.com/digest-news/digest/generator/site"
)

// BaseFile is the theme file that defines the page frame.
const BaseFile = "base.html"

// Kinds are the page kinds a theme must provide, one file each (kind + ".html").
var Kinds = []string{
	site.KindHome, site.KindArticle, site.KindDay, site.KindMonth,
	site.KindYear, site.KindTopics, site.KindTopic, site.KindNotFound, site.KindSearch, site.KindFeeds,
}

// Renderer holds a parsed theme. It is safe for concurrent use once built;
// set Inject before the first call to Page.
type Renderer struct {
	// Inject is written just before the last </body> of every page (the
	// preview server's live-reload script); empty in builds.
	Inject template.HTML
	// Strings are the words and dates of the site's language (nil:
	// English); set before the first call to Page.
	Strings *locale.Table

	pages map[string]*template.Template
	emails
	fragments
	renders sync.Pool // of *pageRender, each with the list views it made
}

// New parses the theme: base.html, then each kind's file into its own clone.
// A kind's file the theme lacks is taken from builtIn when given (a theme
// copied out before that kind of page existed still builds).
func New(theme, builtIn fs.FS) (*Renderer, error) {
	r := &Renderer{pages: make(map[string]*template.Template, len(Kinds)), fragments: fragments{done: map[cacheKey]*cachedOutput{}, limit: maxFragments}}
	base, err := template.New(BaseFile).Funcs(r.funcs()).ParseFS(theme, BaseFile)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	r.renders.New = func() any { return &pageRender{lists: map[listID][]articleRef{}} }
	for _, kind := range Kinds {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		from := theme
		if _, err := fs.Stat(theme, kind+".html"); errors.Is(err, fs.ErrNotExist) && builtIn != nil {
			from = builtIn
		}
		if _, err := t.ParseFS(from, kind+".html"); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t.Funcs(template.FuncMap{"cached": r.cachedIn(t)})
		r.pages[kind] = t
	}
	if err := r.parseEmails(theme, builtIn); err != nil {
		return nil, err
	}
	return r, nil
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Page renders one page, noting in reads every unit of the model it read
// (see package deps). Nothing is written when the template fails, and the
// error names the page, the template file and its line.
func (r *Renderer) Page(w io.Writer, p *site.Page, texts Texts, reads *deps.Reads) error {
	if p.Email() {
		return r.email(w, p, texts, reads)
	}
	t := r.pages[p.Kind]
	if t == nil {
		return fmt.Errorf("render %s: no template for page kind %q", p.Path, p.Kind)
	}
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	c := r.renders.Get().(*pageRender)
	c.reads, c.texts, c.p = reads, texts, p
	err := t.ExecuteTemplate(b, BaseFile, newPage(c))
	c.reads, c.texts, c.p = nil, nil, nil
	r.renders.Put(c)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	_, err = w.Write(inject(b.Bytes(), r.Inject))
	return err
}

// inject places snippet before the last </body>, or at the end without one.
func inject(page []byte, snippet template.HTML) []byte {
	if snippet == "" {
		return page
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, snippet...)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}
