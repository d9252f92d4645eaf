package cache

import (
	"io/fs"
	"os"
	"regexp"
	"runtime/debug"

	"github.com/digest-news/digest/generator/site"
)

// Options are the build settings that change output bytes.
type Options struct {
	Minify bool
	Inject string
}

// wholeSite matches template code that reads site-wide lists a page's key
// does not follow; a theme using them makes every page depend on every entry.
var wholeSite = regexp.MustCompile(`\.Site\.(Articles|Days|Months|Updated)\b`)

// ThemeKey is the key of a template folder; wholeSite reports that a
// template reads lists of the whole site (see PageKeys).
func ThemeKey(theme fs.FS) (key Key, whole bool, err error) {
	h := NewHasher()
	err = fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		h.String(p).Bytes(data)
		if wholeSite.Match(data) || p != "topics.html" && topicsList.Match(data) {
			whole = true
		}
		return nil
	})
	return h.Sum(), whole, err
}

var topicsList = regexp.MustCompile(`\.Site\.Topics\b`)

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
// every page shows (topics, feeds, the newest year, preview mode). When the
// theme reads site-wide lists (whole), it covers every article too.
func GlobalKey(s *site.Site, config, theme Key, whole bool, opts Options, article func(*site.Article) Key) Key {
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
	}
	h.Int(int64(len(s.Years)))
	for _, y := range s.Years {
		h.String(y.URL)
	}
	if whole {
		for _, a := range s.Articles {
			h.Key(article(a))
		}
	}
	return h.Sum()
}

// ArticleKey is an article's own key: its entry file's hash and where it
// stands in the build.
// h is reset first: a build asks for two keys of every article, and a
// Hasher for each cost more fresh memory than the hashing.
func ArticleKey(h *Hasher, a *site.Article, fileHash Key) Key {
	h.Reset()
	return h.Key(fileHash).String(a.Entry.File).String(a.URL).Bool(a.Future).Sum()
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
	return h.Key(front).String(a.Entry.File).String(a.URL).Bool(a.Future).String(a.Summary).Sum()
}

// PageKeys are the keys of pages: for each, the global key, its kind and
// path, its own article's key (article), the shown keys of the articles it
// shows or links to (shown), with the structure around them (neighbours,
// pagination, counts).
func PageKeys(pages []*site.Page, global Key, article, shown func(*site.Article) Key) []Key {
	keys := make([]Key, len(pages))
	h := NewHasher()
	art := func(a *site.Article) {
		if a == nil {
			h.Int(-1)
			return
		}
		h.Key(shown(a))
	}
	day := func(d *site.Day) {
		h.String(d.URL).Int(int64(len(d.Articles)))
		for _, a := range d.Articles {
			art(a)
		}
	}
	for i, p := range pages {
		h.Reset()
		h.Key(global).String(p.Kind).String(p.Path).String(p.URL).String(p.Title)
		for _, f := range p.Feeds {
			h.String(f.URL).String(f.Title)
		}
		if p.Pager != nil {
			h.Int(int64(p.Pager.Number)).Int(int64(p.Pager.Total)).String(p.Pager.Newer).String(p.Pager.Older)
		}
		if a := p.Article; a != nil {
			h.Key(article(a))
			art(a.Newer)
			art(a.Older)
		}
		if d := p.Day; d != nil {
			day(d)
			neighbourDays(h, d)
		}
		for _, d := range p.Days {
			day(d)
		}
		if m := p.Month; m != nil {
			monthKey(h, m, day)
		}
		if y := p.Year; y != nil {
			yearKey(h, y)
		}
		if t := p.Topic; t != nil {
			h.String(t.Slug).Int(int64(len(t.Articles))).String(p.Description)
		}
		for _, a := range p.Articles {
			art(a)
		}
		if p.Kind == site.KindTopics {
			for _, t := range p.Site.Topics {
				h.String(t.Slug).Int(int64(len(t.Articles)))
			}
		}
		keys[i] = h.Sum()
	}
	return keys
}

func neighbourDays(h *Hasher, d *site.Day) {
	for _, n := range []*site.Day{d.Newer, d.Older} {
		if n != nil {
			h.String(n.URL)
		} else {
			h.Int(-1)
		}
	}
}

func monthKey(h *Hasher, m *site.Month, day func(*site.Day)) {
	h.String(m.URL).Int(int64(m.Count)).Int(int64(len(m.Days)))
	for _, d := range m.Days {
		day(d)
	}
	for _, n := range []*site.Month{m.Newer, m.Older} {
		if n != nil {
			h.String(n.URL)
		} else {
			h.Int(-1)
		}
	}
	if m.Year != nil {
		h.String(m.Year.URL)
	}
}

func yearKey(h *Hasher, y *site.Year) {
	h.String(y.URL).Int(int64(y.Count))
	for _, m := range y.Months {
		h.String(m.URL).Int(int64(m.Count)).Int(int64(len(m.Days)))
	}
	for _, n := range []*site.Year{y.Newer, y.Older} {
		if n != nil {
			h.String(n.URL)
		} else {
			h.Int(-1)
		}
	}
}

// FeedArticles are the articles some feed shows in full: the newest of the
// site and of each topic.
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
	add(s.Articles)
	for _, t := range s.Topics {
		add(t.Articles)
	}
	return in
}
