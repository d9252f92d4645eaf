package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestPartsHoldEveryPosting: a word of more articles than a part holds is
// in no shard but in parts, which read from the newest hold every posting
// of the word once, at most part postings each, and whose "from" months say
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
		var months [][]int // the months of each part's postings, newest part first
		var got []record
		for k := len(from) - 1; k >= 0; k-- {
			name := fmt.Sprintf("%s%s-%d.json", ShardDir, hex.EncodeToString([]byte(w)), k)
			var p map[string][]int
			if err := json.Unmarshal(cut.files[name], &p); err != nil || len(p) != 1 {
				t.Fatalf("%s: %v, %d words", name, err, len(p))
			}
			if n := len(p[w]) / 2; n == 0 || n > part {
				t.Errorf("%s holds %d postings", name, n)
			}
			months = append(months, postingMonths(p[w]))
			got = append(got, cut.records(p[w])...)
		}
		want := whole.find(w)
		if len(want) < 40 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: the parts give %d records, the whole shard %d, or another order", w, len(got), len(want))
		}
		if from[0] != 0 {
			t.Errorf("%q: the oldest part is complete from %d, not from the start", w, from[0])
		}
		for i := range months { // months[i] is part len(from)-1-i
			k := len(from) - 1 - i
			for _, older := range months[i+1:] {
				for _, m := range older {
					if m >= from[k] {
						t.Errorf("%q: part %d says complete from month %d, an older part holds month %d", w, k, from[k], m)
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

// TestCutParts: parts are cut from the oldest posting on, each ending at
// a month's end while the month fits, a month larger than a part cut
// inside it, and "from" moves past a month only once all of it is in.
func TestCutParts(t *testing.T) {
	refs := func(months ...int32) []ref { // newest first
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
		sizes  []int   // oldest part first
		from   []int32 // oldest part first
	}{
		{"whole months", []int32{9, 9, 8, 8, 7, 7}, 4, []int{4, 2}, []int32{0, 9}},
		{"month cut", []int32{10, 9, 9, 9, 9, 9}, 2, []int{2, 2, 2}, []int32{0, 10, 10}},
		{"month cut, then whole", []int32{9, 8, 8, 7, 7, 7}, 2, []int{2, 1, 2, 1}, []int32{0, 8, 8, 9}},
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

// TestNewArticleKeepsOlderParts: an article added in the newest month
// changes at most the two newest parts of each of its words, and no part of
// another word.
func TestNewArticleKeepsOlderParts(t *testing.T) {
	before := map[string]string{}
	for _, f := range files(testSite(t, 200), 8) {
		before[f.Path] = string(f.Data)
	}
	next := testSite(t, 201)
	after := files(next, 8)
	ix := readIndex(t, after)
	words := map[string]bool{}
	for _, w := range appendShownWords(Words(next.Listed[0].Title), next.Listed[0]) {
		words[w] = true
	}
	may := map[string]bool{}
	for w, from := range ix.man.Parts {
		if words[w] {
			for k := max(0, len(from)-2); k < len(from); k++ {
				may[fmt.Sprintf("%s%s-%d.json", ShardDir, hex.EncodeToString([]byte(w)), k)] = true
			}
		}
	}
	changed := 0
	for _, f := range after {
		if before[f.Path] == string(f.Data) || !strings.Contains(f.Path, "-") || !strings.HasPrefix(f.Path, ShardDir) {
			continue
		}
		changed++
		if !may[f.Path] {
			t.Errorf("%s changed", f.Path)
		}
	}
	if changed == 0 || len(may) == 0 {
		t.Errorf("%d parts changed, %d might", changed, len(may))
	}
}
