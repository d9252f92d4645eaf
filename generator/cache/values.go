package cache

import (
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

// An output record keeps, beside every page's key, the page's own key
// (OwnKey) and the value of every unit of the model it was made from. A
// later build compares those values with its own once (Changes) and keeps
// the recorded key of every page whose own key is the same and which read
// no unit whose value changed: PageKey of the same own key and the same
// values is the same key. Only the pages that read a changed unit have
// their key worked out again, which is what makes a warm build cost what
// changed rather than what exists.

// shortValue is the part of a unit's value a record keeps: the first half
// of its SHA-256.
type shortValue [16]byte

func short(k Key) (s shortValue) {
	copy(s[:], k[:])
	return s
}

// encodeValues writes the value of every unit of u's model: a line an
// object (its ID, the kinds of its units as a mask, their values in kind
// order), as Changes reads them.
func (e *encoder) values(u *Units) {
	u.Prepare()
	s := u.s
	objects := len(s.Articles) + len(s.Days) + len(s.Months) + len(s.Years) + len(s.Topics) + 1
	e.uint(uint64(objects))
	object := func(first, last deps.Kind, obj int) {
		e.str(u.ID(deps.Unit{Kind: first, Obj: int32(obj)}))
		e.uint(uint64(first))
		e.uint(uint64(last))
		for k := first; k <= last; k++ {
			v := short(u.Value(deps.Unit{Kind: k, Obj: int32(obj)}))
			e.b = append(e.b, v[:]...)
		}
		e.spill(false)
	}
	for i := range s.Articles {
		object(deps.Article, deps.Related, i)
	}
	for _, kind := range []struct {
		k deps.Kind
		n int
	}{{deps.Day, len(s.Days)}, {deps.Month, len(s.Months)}, {deps.Year, len(s.Years)}, {deps.Topic, len(s.Topics)}} {
		for i := range kind.n {
			object(kind.k, kind.k, i)
		}
	}
	object(deps.Articles, deps.Updated, 0)
}

// Changes are the units whose value differs from the one a record kept,
// by object ID: a mask of their kinds (bit 1<<Kind).
type Changes struct {
	known bool // the record kept values
	ids   map[string]uint32
}

// Changes compares the values a record kept (Outputs.Values) with u's. A
// unit the model no longer has is changed.
func (u *Units) Changes(recorded string) Changes {
	if recorded == "" {
		return Changes{}
	}
	u.Prepare()
	c := Changes{known: true, ids: map[string]uint32{}}
	d := &decoder{s: recorded}
	n := d.count()
	for range n {
		id := d.str()
		first, last := deps.Kind(d.uint()), deps.Kind(d.uint())
		if first > last || last > deps.Updated || d.err != nil {
			return Changes{}
		}
		x, found := u.Find(first, id)
		var mask uint32
		for k := first; k <= last; k++ {
			v := d.take(uint64(len(shortValue{})))
			if d.err != nil {
				return Changes{}
			}
			if !found {
				mask |= 1 << k // the model has no such object now, maybe none of its kind
				continue
			}
			if cur := short(u.Value(deps.Unit{Kind: k, Obj: x.Obj})); string(cur[:]) != v {
				mask |= 1 << k
			}
		}
		if mask != 0 {
			c.ids[id] |= mask
		}
	}
	if d.end() != nil {
		return Changes{}
	}
	return c
}

// Touches reports whether a page that read the units of list (as
// deps.Join wrote it) read one that changed; always true when the record
// kept no values, or the list is damaged.
func (c Changes) Touches(list string) bool {
	if !c.known {
		return true
	}
	if len(c.ids) == 0 {
		return false
	}
	touched := false
	ok := deps.Objects(list, func(kinds uint32, id string) bool {
		touched = c.ids[id]&kinds != 0
		return touched
	})
	return touched || !ok
}

// OwnKey is the part of a page's key that comes from the page itself: the
// key every page has, the page's own fields, and which objects it is about
// (the views hand those out without noting a read).
func OwnKey(global Key, p *site.Page) Key {
	h := hashers.Get().(*Hasher)
	defer hashers.Put(h)
	h.Reset()
	h.Key(global).String(p.Kind).String(p.Path).String(p.URL).String(p.Title).String(p.Description)
	h.Int(int64(len(p.Feeds)))
	for _, f := range p.Feeds {
		h.String(f.URL).String(f.Title).String(f.Type)
	}
	if p.Pager != nil {
		h.Int(int64(p.Pager.Number)).Int(int64(p.Pager.Total)).Bool(p.Pager.Front).String(p.Pager.Newer).String(p.Pager.Older)
	}
	articleRef(h, p.Article)
	dayRef(h, p.Day)
	h.Int(int64(len(p.Days)))
	for _, d := range p.Days {
		h.String(d.URL)
	}
	monthRef(h, p.Month)
	yearRef(h, p.Year)
	topicRef(h, p.Topic)
	articleRefs(h, p.Articles)
	return h.Sum()
}

// PageKey is the key of a page with that own key that read units: the own
// key and the value of each unit.
func PageKey(own Key, units []deps.Unit, u *Units) Key {
	h := hashers.Get().(*Hasher)
	defer hashers.Put(h)
	h.Reset()
	h.Key(own)
	for _, x := range units {
		h.Int(int64(x.Kind)).Key(u.Value(x))
	}
	return h.Sum()
}

// encodedValues are the values of u's units as a record ends with them.
func (u *Units) encodedValues() string {
	e := &encoder{}
	e.values(u)
	return string(e.b)
}
