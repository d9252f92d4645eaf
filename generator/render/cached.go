package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"

	"github.com/digest-news/digest/generator/deps"
)

// maxVariants is how many variants one cached call may name.
const maxVariants = 3

// cacheKey names one cached output: the template set (a page kind may
// redefine a fragment), the fragment, and its key values.
type cacheKey struct {
	set  *template.Template
	name string
	keys [maxVariants]any
}

type cachedOutput struct {
	once  sync.Once
	html  template.HTML
	err   error
	reads deps.Reads // what the fragment read, added to every page that shows it
}

// fragmentBufs are the buffers fragments are rendered into: a fresh one
// would grow several times for each of a cold build's many fragments.
var fragmentBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxFragments bounds how many outputs of cached one generation holds: a
// row per article would otherwise keep every article's HTML for the whole
// build. At most twice as many are held at once.
const maxFragments = 8192

// fragments holds the outputs of cached for the life of one Renderer,
// which is one build, in two generations: when done is full it becomes old,
// and an output found in old moves back to done, so the fragments many pages
// show stay while an article's row is dropped once its pages are made. A
// dropped fragment is rendered again when asked for: the same HTML, as a
// fragment depends on nothing but its key.
type fragments struct {
	mu        sync.Mutex
	done, old map[cacheKey]*cachedOutput
	limit     int // of done; maxFragments
}

// lookup is the output for k, made anew when neither generation has it.
// f.mu is held.
func (f *fragments) lookup(k cacheKey) *cachedOutput {
	out := f.done[k]
	if out != nil {
		return out
	}
	if out = f.old[k]; out == nil {
		out = &cachedOutput{}
	}
	if len(f.done) >= f.limit {
		f.old, f.done = f.done, make(map[cacheKey]*cachedOutput, f.limit)
	}
	f.done[k] = out
	return out
}

// cachedIn is the template function cached for the template set t:
//
//	{{cached "footer" .Site}}      rendered once per build
//	{{cached "nav" . .Kind}}       once per page kind
//	{{cached "row" .}}             once per article
//
// It renders the named template with data once per key (again only when
// many other fragments pushed it out, see fragments), and gives the same
// HTML to every later call. The key is the variants when given,
// else data itself (a pointer such as .Site or an article). Every action
// of html/template costs a reflective call; the masthead, navigation and
// footer are the same on thousands of pages, and an article's row is shown
// on each of its topics' pages.
func (f *fragments) cachedIn(t *template.Template) func(string, any, ...any) (template.HTML, error) {
	return func(name string, data any, variants ...any) (template.HTML, error) {
		k := cacheKey{set: t, name: name}
		if len(variants) > maxVariants {
			return "", fmt.Errorf("cached %q: at most %d variants", name, maxVariants)
		}
		keys := []any{data}
		if len(variants) > 0 {
			keys = variants
		}
		for i, v := range keys {
			v = identity(v)
			if v != nil && !reflect.TypeOf(v).Comparable() {
				return "", fmt.Errorf("cached %q: a %T cannot be a key; pass a pointer or a string as a variant", name, v)
			}
			k.keys[i] = v
		}
		caller := callerOf(data, variants)
		f.mu.Lock()
		out := f.lookup(k)
		f.mu.Unlock()
		out.once.Do(func() {
			own := data
			if v, ok := data.(view); ok && !isNil(data) && caller != nil {
				own = v.rebind(&pageRender{reads: &out.reads, texts: caller.texts, p: caller.p})
			}
			b := fragmentBufs.Get().(*bytes.Buffer)
			b.Reset()
			out.err = t.ExecuteTemplate(b, name, own)
			out.html = template.HTML(b.String())
			fragmentBufs.Put(b)
			out.reads.Units()
		})
		if caller != nil {
			caller.reads.AddAll(&out.reads)
		}
		return out.html, out.err
	}
}

// callerOf is the render that called cached: the one its data, else one of
// its variants, is bound to.
func callerOf(data any, variants []any) *pageRender {
	for _, v := range append([]any{data}, variants...) {
		if w, ok := v.(view); ok && !isNil(v) {
			return w.render()
		}
	}
	return nil
}

// identity is what v stands for when it is a view, else v.
func identity(v any) any {
	w, ok := v.(view)
	if !ok {
		return v
	}
	if isNil(v) {
		return reflect.TypeOf(v).String() // one key for every absent object of a kind
	}
	return w.identity()
}

func isNil(v any) bool {
	r := reflect.ValueOf(v)
	return r.Kind() == reflect.Pointer && r.IsNil()
}
