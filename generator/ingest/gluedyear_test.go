package ingest

import (
	"testing"
	"time"
)

// A text dump glues the published day to the updated one, to a label or to
// a comment count; the date is read all the same, and where it is written
// is told in the text as given.
func TestGluedYear(t *testing.T) {
	for _, c := range []struct {
		in, want string
		at, end  int
	}{
		{"4. März 20215. März 2021", "2021-03-04", 0, 13},
		{"June 8, 2019June 9, 2019", "2019-06-08", 0, 12},
		{"Posted on 2 May 2020Updated 3 May 2020", "2020-05-02", 10, 20},
		{"3. Oktober 20184 Kommentare", "2018-10-03", 0, 15},
	} {
		d, at, end, ok := findDateSpan(c.in, time.UTC)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want || ok && (at != c.at || end != c.end) {
			t.Errorf("findDateSpan(%q) = %q [%d:%d], want %q [%d:%d]", c.in, got, at, end, c.want, c.at, c.end)
		}
	}
}

// Guards rather than cases of the rule (they pass without it too): digits
// that only look like a glued year, a postcode or a long number, make no
// date.
func TestGluedYearGuards(t *testing.T) {
	for _, in := range []string{"Lindenweg 3, 20149 Hamburg", "Order 2019 items by 20201234", "Tel. 4. 2021 20221234"} {
		if d, ok := findDate(in, time.UTC); ok {
			t.Errorf("findDate(%q) = %v, want none", in, d)
		}
	}
}

func TestGluedDateInHeader(t *testing.T) {
	raw := dump("Home", "News", "Ferry crossing reopens after two winters",
		"12. April 202212. April 2022 Nora Field",
		proseA, proseB, proseC, "- Home", "- Contact")
	a := CleanText(raw, time.UTC)
	if a.Date.Format("2006-01-02") != "2022-04-12" {
		t.Errorf("date %v", a.Date)
	}
}
