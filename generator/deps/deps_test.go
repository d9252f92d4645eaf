package deps

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// names is a model of two articles, two days and the site's lists.
type names struct{}

func (names) ID(u Unit) string {
	switch {
	case u.Kind <= Related:
		return fmt.Sprintf("content/a%d.md", u.Obj)
	case u.Kind == Day:
		return fmt.Sprintf("/d%d/", u.Obj)
	case u.Kind >= Articles:
		return ""
	}
	return fmt.Sprint(u.Obj)
}

func (names) Find(k Kind, id string) (Unit, bool) {
	var obj int32
	switch {
	case k <= Related:
		if _, err := fmt.Sscanf(id, "content/a%d.md", &obj); err != nil || obj > 1 {
			return Unit{}, false
		}
	case k == Day:
		if _, err := fmt.Sscanf(id, "/d%d/", &obj); err != nil || obj > 1 {
			return Unit{}, false
		}
	case k >= Articles && k < kinds:
		return Unit{Kind: k}, id == ""
	default:
		return Unit{}, false
	}
	return Unit{Kind: k, Obj: obj}, true
}

func TestJoinSplit(t *testing.T) {
	var r Reads
	for _, u := range []Unit{{Body, 1}, {Article, 1}, {Day, 0}, {Articles, 0}, {Article, 0}, {Article, 1}, {Summary, 1}, {Updated, 0}, {Day, 0}} {
		r.Add(u)
	}
	units := r.Units()
	want := []Unit{{Article, 0}, {Article, 1}, {Summary, 1}, {Body, 1}, {Day, 0}, {Articles, 0}, {Updated, 0}}
	if !slices.Equal(units, want) {
		t.Fatalf("Units = %v, want %v", units, want)
	}
	list := Join(names{}, units)
	if got := strings.Count(list, "\n"); got != 5 {
		t.Errorf("Join wrote %d lines, want one an object (5):\n%s", got, list)
	}
	var back []Unit
	if !Split(names{}, list, func(u Unit) { back = append(back, u) }) || !slices.Equal(back, want) {
		t.Errorf("Split(Join) = %v, want %v", back, want)
	}
	for _, bad := range []string{"a\tcontent/a7.md\n", "q\t\n", "a content/a0.md\n", "a\tcontent/a0.md", "\t/d0/\n"} {
		if Split(names{}, bad, func(Unit) {}) {
			t.Errorf("Split(%q) succeeded: the unit is gone or the line is damaged", bad)
		}
	}
	if !Split(names{}, "", func(Unit) { t.Error("a unit from nothing") }) {
		t.Error("an empty list is a page that read nothing")
	}
}
