package cache

import (
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/digest-news/digest/generator/site"
)

// Options are the build settings that change output bytes.
type Options struct {
	Minify bool
	Inject string
}

// ThemeKey is the key of a template folder: every file's name and bytes.
func ThemeKey(theme fs.FS) (Key, error) {
	h := NewHasher()
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		h.String(p).Bytes(data)
		return nil
	})
	return h.Sum(), err
}

// Version identifies the running binary: its build information, size and
// modification time. Output made by another binary is never reused.
var Version = func() Key {
	h := NewHasher()
	if info, ok := debug.ReadBuildInfo(); ok {
		h.String(info.String())
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			h.String(exe).Int(st.Size()).Int(st.ModTime().UnixNano())
		}
	}
	return h.Sum()
}()

// GlobalKey is what every output file depends on: the binary, the theme,
// the configuration in force, the build options and the parts of the model
// that come from the configuration (base path, feeds, topics: with no
// topics configured, the set entries use), which the views hand out
// without noting a read.
func GlobalKey(s *site.Site, config, theme Key, opts Options) Key {
	h := NewHasher().Key(Version).Key(config).Key(theme).Bool(opts.Minify).String(opts.Inject)
	c := s.Config
	h.String(c.BaseURL).String(c.Title).String(c.Description).String(c.Author).String(c.Language)
	h.Bool(s.Preview).String(s.BasePath)
	for _, f := range s.Feeds {
		h.String(f.Title).String(f.URL).String(f.Type).String(f.Path)
	}
	h.Int(int64(len(s.Topics)))
	for _, t := range s.Topics {
		h.String(t.Slug).String(t.Name).String(t.Description).String(t.URL)
		for _, f := range t.Feeds {
			h.String(f.Title).String(f.URL).String(f.Type).String(f.Path)
		}
	}
	return h.Sum()
}

// ArticleKey is an article's own key: its entry file's hash and where it
// stands in the build.
// h is reset first: a build asks for two keys of every article, and a
// Hasher for each would cost more fresh memory than the hashing.
func ArticleKey(h *Hasher, a *site.Article, fileHash Key) Key {
	h.Reset()
	h.Key(fileHash).String(a.Entry.File).String(a.URL).Bool(a.Future).Bool(a.Expired)
	return picture(h, a.Picture).Sum()
}

// picture adds what an article's picture shows beyond its front matter:
// the source's content hash, which decides its variants, their sizes and
// addresses, so that an edited image file remakes what shows it.
func picture(h *Hasher, p *site.Picture) *Hasher {
	if p == nil {
		return h.String("")
	}
	return h.String(p.URL).String(p.Hash)
}

// ShownKey is the key of what other pages show of an article (its row,
// card or link in lists, its link on its neighbours' pages): all of its
// entry but the body, where it stands, and its summary (the lead of its
// body when it has none of its own), so that an edit further down the body
// remakes its own page only. No page but its own can show the body: the
// build makes article pages first and drops each body once its page is made.
// h is reset first, as for ArticleKey.
func ShownKey(h *Hasher, a *site.Article, front Key) Key {
	h.Reset()
	h.Key(front).String(a.Entry.File).String(a.URL).Bool(a.Future).Bool(a.Expired).String(a.Summary)
	return picture(h, a.Picture).Sum()
}

// FeedArticles are the articles some feed shows in full: the newest of the
// site and of each topic (archives show their articles without content).
func FeedArticles(s *site.Site) map[*site.Article]bool {
	n := s.Config.FeedItems
	in := map[*site.Article]bool{}
	add := func(list []*site.Article) {
		for i, a := range list {
			if n > 0 && i >= n {
				break
			}
			in[a] = true
		}
	}
	add(s.Listed)
	for _, t := range s.Topics {
		add(t.Articles)
	}
	return in
}
