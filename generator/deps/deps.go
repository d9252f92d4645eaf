// Package deps names the parts of the site model that a page can read
// (units) and records, while a page renders, which of them it read.
//
// A page's output is a function of its own fields (kind, path, title, pager,
// feeds), of what every page depends on (the binary, theme, configuration,
// build options) and of the units it read. The views that templates get
// (package render) add a unit to the page's Reads at each read, so a page's
// list of units is known because rendering made it, never guessed from
// template text. A later build may keep the page exactly when every unit on
// its list still has the value it had (package cache works the values out):
// with the same inputs, a template reads the same units and writes the same
// bytes.
//
// Units are deliberately small, so that an edit remakes only the pages that
// showed what changed: an article's front matter and place, its summary and
// its body are three units; a list (of a day, a topic, the site) covers
// which items it holds and in what order, not what they say, which is read
// through the items' own units.
package deps

import (
	"slices"
	"strings"
)

// Kind is a kind of unit.
type Kind uint8

// The kinds of unit. Obj of a unit indexes the site's Articles, Days,
// Months, Years or Topics (by its kind); it is 0 for the site's own lists.
const (
	Article    Kind = iota // its front matter, file and URL, and whether it is in the future
	Summary                // its summary (the front matter's, else its body's lead)
	Body                   // its body as HTML
	Neighbours             // which articles are its newer and older
	Related                // which articles "More on this topic" lists beside it
	Day                    // a day's articles and groups, its neighbour days, its month
	Month                  // a month's days and count, its neighbours, its year
	Year                   // a year's months and counts, its neighbours
	Topic                  // a topic's articles
	Articles               // the site's articles
	Days                   // the site's days
	Months                 // the site's months
	Years                  // the site's years
	Topics                 // the site's topics and their order
	Updated                // the site's last update
	kinds
)

// letters name the kinds in unit names: see Name.
const letters = "asbnrdmytADMYTU"

// Unit is one part of the model a page can read.
type Unit struct {
	Kind Kind
	Obj  int32
}

// Reads are the units one page (or one cached fragment) read. A page renders
// on one goroutine, so Reads needs no lock.
type Reads struct {
	list []Unit
}

// Add notes that u was read.
func (r *Reads) Add(u Unit) {
	if n := len(r.list); n > 0 && r.list[n-1] == u {
		return // a template reads field after field of one article
	}
	r.list = append(r.list, u)
}

// AddAll notes every unit of o.
func (r *Reads) AddAll(o *Reads) {
	r.list = append(r.list, o.list...)
}

// Units are the units read, each once, those of one object together.
func (r *Reads) Units() []Unit {
	slices.SortFunc(r.list, compare)
	r.list = slices.Compact(r.list)
	return r.list
}

// Reset forgets every read.
func (r *Reads) Reset() { r.list = r.list[:0] }

func compare(a, b Unit) int {
	if ga, gb := group(a.Kind), group(b.Kind); ga != gb {
		return int(ga) - int(gb)
	}
	if a.Obj != b.Obj {
		return int(a.Obj - b.Obj)
	}
	return int(a.Kind) - int(b.Kind)
}

// group is the kind of object a kind of unit belongs to: an article's four
// kinds share one.
func group(k Kind) Kind { return max(k, Related) }

// Namer names units by what they stand for, so that a list of names stays
// true from one build to the next, where indexes do not.
type Namer interface {
	// ID is the stable name of the object u's Obj indexes (an entry file,
	// a URL, a topic slug); "" for the site's own lists.
	ID(u Unit) string
	// Find is the unit of a kind whose object has the given ID.
	Find(k Kind, id string) (Unit, bool)
}

// Join writes a list of units (as Units sorts them) as one string: a line
// an object, the letters of its units' kinds, a tab and the object's ID.
func Join(n Namer, units []Unit) string {
	size := 0
	for i, u := range units {
		size++
		if i == len(units)-1 || !sameObject(u, units[i+1]) {
			size += len(n.ID(u)) + 2
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i, u := range units {
		b.WriteByte(letters[u.Kind])
		if i == len(units)-1 || !sameObject(u, units[i+1]) {
			b.WriteByte('\t')
			b.WriteString(n.ID(u))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func sameObject(a, b Unit) bool { return group(a.Kind) == group(b.Kind) && a.Obj == b.Obj }

// Split reads a list that Join wrote, in terms of this build's model; ok is
// false when a unit no longer exists (or the list is damaged).
func Split(n Namer, list string, each func(Unit)) (ok bool) {
	found := true
	parsed := Objects(list, func(mask uint32, id string) bool {
		for k := Kind(0); k < kinds; k++ {
			if mask&(1<<k) == 0 {
				continue
			}
			var u Unit
			if u, found = n.Find(k, id); !found {
				return true
			}
			each(u)
		}
		return false
	})
	return parsed && found
}

// Objects calls each for every line of a list that Join wrote: the kinds
// of its units as a mask (bit 1<<Kind) and its object's ID, until each
// returns true; ok is false when the list is damaged.
func Objects(list string, each func(kinds uint32, id string) (stop bool)) (ok bool) {
	for list != "" {
		line, rest, found := strings.Cut(list, "\n")
		names, id, tab := strings.Cut(line, "\t")
		if !found || !tab || names == "" {
			return false
		}
		var mask uint32
		for i := range len(names) {
			k := strings.IndexByte(letters, names[i])
			if k < 0 {
				return false
			}
			mask |= 1 << k
		}
		if each(mask, id) {
			return true
		}
		list = rest
	}
	return true
}
