package cache

import (
	"sync"
	"sync/atomic"

	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/site"
)

// Units works out the value of each unit of one build's model (see package
// deps), and names them. A unit's value covers exactly what a view hands
// out when it notes that unit; see each kind's case in value.
type Units struct {
	s     *site.Site
	front func(*site.Article) Key // the hash of an entry's front matter
	file  func(*site.Article) Key // the hash of an entry file

	once   sync.Once
	values [deps.Updated + 1][]Key // by kind and object
	ready  atomic.Bool             // values are made

	findOnce sync.Once
	find     map[findKey]int32
}

type findKey struct {
	kind deps.Kind
	id   string
}

// NewUnits is the units of s; front and file give the hashes of an
// article's front matter and entry file.
func NewUnits(s *site.Site, front, file func(*site.Article) Key) *Units {
	return &Units{s: s, front: front, file: file}
}

// Prepare works out the values and the index of names, and returns when
// they are ready. A build calls it beside other work, and again before it
// asks for the values of many pages.
func (u *Units) Prepare() {
	u.once.Do(u.all)
	u.findOnce.Do(u.index)
}

// Value is the value of x: from the table once Prepare has made it, else
// worked out alone. The preview publishes an edited page, which reads a few
// units, before the table is done.
func (u *Units) Value(x deps.Unit) Key {
	if u.ready.Load() {
		return u.values[x.Kind][x.Obj]
	}
	h := hashers.Get().(*Hasher)
	defer hashers.Put(h)
	h.Reset()
	h.Int(int64(x.Kind))
	u.value(h, x)
	return h.Sum()
}

func (u *Units) count(k deps.Kind) int {
	switch k {
	case deps.Article, deps.Summary, deps.Body, deps.Neighbours, deps.Related:
		return len(u.s.Articles)
	case deps.Day:
		return len(u.s.Days)
	case deps.Month:
		return len(u.s.Months)
	case deps.Year:
		return len(u.s.Years)
	case deps.Topic:
		return len(u.s.Topics)
	}
	return 1
}

// all works out every unit's value, in runs of objects on every core.
func (u *Units) all() {
	const run = 1024
	type job struct {
		k      deps.Kind
		lo, hi int
	}
	var jobs []job
	for k := deps.Article; k <= deps.Updated; k++ {
		n := u.count(k)
		u.values[k] = make([]Key, n)
		for lo := 0; lo < n; lo += run {
			jobs = append(jobs, job{k, lo, min(lo+run, n)})
		}
	}
	parallel.Do(len(jobs), func(j int) error {
		k, h := jobs[j].k, NewHasher()
		for i := jobs[j].lo; i < jobs[j].hi; i++ {
			h.Reset()
			h.Int(int64(k))
			u.value(h, deps.Unit{Kind: k, Obj: int32(i)})
			u.values[k][i] = h.Sum()
		}
		return nil
	})
	u.ready.Store(true)
}

func (u *Units) value(h *Hasher, x deps.Unit) {
	s := u.s
	switch x.Kind {
	case deps.Article:
		a := s.Articles[x.Obj]
		h.Key(u.front(a)).String(a.Entry.File).String(a.URL).Bool(a.Future).Bool(a.Expired)
		picture(h, a.Picture)
	case deps.Summary:
		h.String(s.Articles[x.Obj].Summary)
	case deps.Body:
		a := s.Articles[x.Obj]
		h.Key(u.file(a)).String(a.Entry.File).String(a.URL)
	case deps.Neighbours:
		a := s.Articles[x.Obj]
		articleRef(h, a.Newer)
		articleRef(h, a.Older)
	case deps.Related:
		articleRefs(h, s.Articles[x.Obj].Related)
	case deps.Day:
		d := s.Days[x.Obj]
		h.String(d.URL).String(d.Month.URL)
		articleRefs(h, d.Articles)
		h.Int(int64(len(d.Groups)))
		for _, g := range d.Groups {
			topicRef(h, g.Topic)
			articleRefs(h, g.Articles)
		}
		dayRef(h, d.Newer)
		dayRef(h, d.Older)
	case deps.Month:
		m := s.Months[x.Obj]
		h.String(m.URL).Int(int64(m.Count)).String(m.Year.URL).Int(int64(len(m.Days)))
		for _, d := range m.Days {
			h.String(d.URL)
		}
		monthRef(h, m.Newer)
		monthRef(h, m.Older)
	case deps.Year:
		y := s.Years[x.Obj]
		h.String(y.URL).Int(int64(y.Count)).Int(int64(len(y.Months)))
		for _, m := range y.Months {
			h.String(m.URL)
		}
		yearRef(h, y.Newer)
		yearRef(h, y.Older)
	case deps.Topic:
		articleRefs(h, s.Topics[x.Obj].Articles)
	case deps.Articles:
		articleRefs(h, s.Listed)
	case deps.Days:
		refs(h, s.Days, func(d *site.Day) string { return d.URL })
	case deps.Months:
		refs(h, s.Months, func(m *site.Month) string { return m.URL })
	case deps.Years:
		refs(h, s.Years, func(y *site.Year) string { return y.URL })
	case deps.Topics:
		refs(h, s.Topics, func(t *site.Topic) string { return t.Slug })
	case deps.Updated:
		h.Int(s.Updated.UnixNano())
	}
}

// ref adds the name of an object that may be absent (nil), which name gives.
func ref[T any](h *Hasher, x *T, name func(*T) string) {
	if x == nil {
		h.Int(-1)
		return
	}
	h.String(name(x))
}

func articleRef(h *Hasher, a *site.Article) {
	ref(h, a, func(a *site.Article) string { return a.Entry.File })
}
func topicRef(h *Hasher, t *site.Topic) { ref(h, t, func(t *site.Topic) string { return t.Slug }) }
func dayRef(h *Hasher, d *site.Day)     { ref(h, d, func(d *site.Day) string { return d.URL }) }
func monthRef(h *Hasher, m *site.Month) { ref(h, m, func(m *site.Month) string { return m.URL }) }
func yearRef(h *Hasher, y *site.Year)   { ref(h, y, func(y *site.Year) string { return y.URL }) }

func articleRefs(h *Hasher, list []*site.Article) {
	refs(h, list, func(a *site.Article) string { return a.Entry.File })
}

// refs adds a list of objects by their names.
func refs[T any](h *Hasher, list []*T, name func(*T) string) {
	h.Int(int64(len(list)))
	for _, x := range list {
		h.String(name(x))
	}
}

// ID names the object of x (see deps.Namer).
func (u *Units) ID(x deps.Unit) string {
	switch x.Kind {
	case deps.Article, deps.Summary, deps.Body, deps.Neighbours, deps.Related:
		return u.s.Articles[x.Obj].Entry.File
	case deps.Day:
		return u.s.Days[x.Obj].URL
	case deps.Month:
		return u.s.Months[x.Obj].URL
	case deps.Year:
		return u.s.Years[x.Obj].URL
	case deps.Topic:
		return u.s.Topics[x.Obj].Slug
	}
	return ""
}

// Find is the unit of kind k whose object has the given ID.
func (u *Units) Find(k deps.Kind, id string) (deps.Unit, bool) {
	if k >= deps.Articles && k <= deps.Updated {
		return deps.Unit{Kind: k}, id == ""
	}
	if k > deps.Updated {
		return deps.Unit{}, false
	}
	u.findOnce.Do(u.index)
	group := k
	if k <= deps.Related {
		group = deps.Article
	}
	i, ok := u.find[findKey{group, id}]
	return deps.Unit{Kind: k, Obj: i}, ok
}

func (u *Units) index() {
	s := u.s
	u.find = make(map[findKey]int32, len(s.Articles)+len(s.Days)+len(s.Months)+len(s.Years)+len(s.Topics))
	for i, a := range s.Articles {
		u.find[findKey{deps.Article, a.Entry.File}] = int32(i)
	}
	for i, d := range s.Days {
		u.find[findKey{deps.Day, d.URL}] = int32(i)
	}
	for i, m := range s.Months {
		u.find[findKey{deps.Month, m.URL}] = int32(i)
	}
	for i, y := range s.Years {
		u.find[findKey{deps.Year, y.URL}] = int32(i)
	}
	for i, t := range s.Topics {
		u.find[findKey{deps.Topic, t.Slug}] = int32(i)
	}
}

var hashers = sync.Pool{New: func() any { return NewHasher() }}
