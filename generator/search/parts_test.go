package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// TestPartsHoldEveryPosting: a word of more articles than a part holds is
// in no shard but in parts, newest first, which hold every posting of the
// word once, at most part postings each, and whose "from" months say
// truly from when on the parts read so far are complete.
func TestPartsHoldEveryPosting(t *testing.T) {
	s := testSite(t, 300)
	whole := readIndex(t, files(s, 1<<30))
	if len(whole.man.Parts) != 0 {
		t.Fatalf("parts %v without a limit", whole.man.Parts)
	}
	const part = 8
	cut := readIndex(t, files(s, part))
	for _, w := range []string{"harbour3", "economy", "geneve"} {
		from := cut.man.Parts[w]
		if len(from) < 2 {
			t.Fatalf("%q has parts %v", w, from)
		}
		if got := cut.find(w); len(got) != 0 {
			t.Errorf("%q is also in a shard (%d articles)", w, len(got))
		}
		var months [][]int // the months of each part's postings
		for k := range from {
			name := fmt.Sprintf("%s%s-%d.json", ShardDir, hex.EncodeToString([]byte(w)), k)
			var p map[string][]int
			if err := json.Unmarshal(cut.files[name], &p); err != nil || len(p) != 1 {
				t.Fatalf("%s: %v, %d words", name, err, len(p))
			}
			if n := len(p[w]) / 2; n == 0 || n > part {
				t.Errorf("%s holds %d postings", name, n)
			}
			months = append(months, postingMonths(p[w]))
		}
		var got []record
		for k := range from {
			name := fmt.Sprintf("%s%s-%d.json", ShardDir, hex.EncodeToString([]byte(w)), k)
			var p map[string][]int
			json.Unmarshal(cut.files[name], &p)
			got = append(got, cut.records(p[w])...)
		}
		want := whole.find(w)
		if len(want) < 40 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: the parts give %d records, the whole shard %d, or another order", w, len(got), len(want))
		}
		if from[len(from)-1] != 0 {
			t.Errorf("%q: the last part is complete from %d, not from the start", w, from[len(from)-1])
		}
		for k := range from {
			for later := k + 1; later < len(months); later++ {
				for _, m := range months[later] {
					if m >= from[k] {
						t.Errorf("%q: part %d says complete from month %d, part %d holds month %d", w, k, from[k], later, m)
					}
				}
			}
		}
	}
}

// postingMonths are the months of an encoded list of postings.
func postingMonths(arr []int) []int {
	var months []int
	month := 0
	for i := 0; i < len(arr); i += 2 {
		if i == 0 {
			month = arr[0]
		} else {
			month -= arr[i]
		}
		months = append(months, month)
	}
	return months
}

// TestCutParts: parts end at a month's end while the month fits, a month
// larger than a part is cut inside it, and "from" moves past a month only
// once all of it is in.
func TestCutParts(t *testing.T) {
	refs := func(months ...int32) []ref {
		var r []ref
		for i, m := range months {
			r = append(r, ref{month: m, place: int32(100 - i)})
		}
		return r
	}
	for _, c := range []struct {
		name   string
		months []int32
		part   int
		sizes  []int
		from   []int32
	}{
		{"whole months", []int32{9, 9, 8, 8, 7, 7}, 4, []int{4, 2}, []int32{8, 0}},
		{"month cut", []int32{9, 9, 9, 9, 9, 8}, 2, []int{2, 2, 2}, []int32{10, 10, 0}},
		{"month cut, then whole", []int32{9, 9, 9, 8, 8, 7}, 2, []int{2, 1, 2, 1}, []int32{10, 9, 8, 0}},
		{"one part", []int32{5, 4}, 8, []int{2}, []int32{0}},
	} {
		w := cutParts("w", refs(c.months...), c.part)
		var sizes []int
		for _, p := range w.parts {
			sizes = append(sizes, len(p))
		}
		if !slices.Equal(sizes, c.sizes) || !slices.Equal(w.from, c.from) {
			t.Errorf("%s: sizes %v from %v, want %v %v", c.name, sizes, w.from, c.sizes, c.from)
		}
	}
}
