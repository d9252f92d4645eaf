package ingest

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestStoriesBBC is the second check of Stories: BBC News, ingested in file
// order as reports of distinct outlets, all on one day, so that every
// article is a candidate for every other. Its near-duplicate pairs (texts
// sharing half their 4-word shingles or more: the corpus holds 98 files
// twice, and some stories again under another headline) must find each
// other. A match to any other article counts against precision: on one day
// these are follow-ups of one story (the corpus spans a year, which the
// window would keep apart), so it is a floor, not the figure on real dates.
func TestStoriesBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir := filepath.Join(corpora(t), "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("no bbc-news articles")
	}
	sort.Strings(files)
	var stories []Story
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		stories = append(stories, Story{Title: title, Body: body, Date: time.Date(2005, 3, 1, 9, 0, 0, 0, time.UTC), Source: "outlet " + f})
	}
	near := nearDuplicates(stories)
	s := NewStories()
	var known, found, wrong int
	start := time.Now()
	for i, st := range stories {
		got, cos, ok := s.best(st)
		j := fileIndex(got)
		switch {
		case ok && near[i][j]:
			found++
		case ok:
			wrong++
			t.Logf("%q matched %q, cosine %.2f", st.Title, stories[j].Title, cos)
		}
		if len(near[i]) > 0 {
			known++
			if !ok || !near[i][j] {
				t.Logf("%q: missed its near-duplicate", st.Title)
			}
		}
		s.Add(fmt.Sprint(i), st)
	}
	took := time.Since(start)
	recall := float64(found) / float64(max(known, 1))
	precision := float64(found) / float64(max(found+wrong, 1))
	t.Logf("%d articles, %d with an earlier near-duplicate: recall %.3f, precision %.3f (%d other matches) in %v",
		len(stories), known, recall, precision, wrong, took.Round(time.Millisecond))
	if known < 98 || recall < 1 || precision < 0.4 {
		t.Errorf("recall %.3f of %d, precision %.3f: want 1 and 0.4 at least", recall, known, precision)
	}
}

// nearDuplicates gives, for each story, the earlier ones that share half
// their 4-word shingles with it at least (Jaccard), found through the
// shingles they share; a shingle of many stories ("said it would be") is
// no sign of a copy and is not followed.
func nearDuplicates(stories []Story) []map[int]bool {
	sets := make([]map[uint64]bool, len(stories))
	holders := map[uint64][]int{}
	near := make([]map[int]bool, len(stories))
	for i, st := range stories {
		w := strings.FieldsFunc(strings.ToLower(st.Body), notLetter)
		sets[i] = map[uint64]bool{}
		for k := 0; k+4 <= len(w); k++ {
			h := fnv.New64a()
			h.Write([]byte(strings.Join(w[k:k+4], " ")))
			sets[i][h.Sum64()] = true
		}
		shared := map[int]int{}
		for sh := range sets[i] {
			if list := holders[sh]; len(list) <= 20 {
				for _, j := range list {
					shared[j]++
				}
			}
			holders[sh] = append(holders[sh], i)
		}
		for j, n := range shared {
			if float64(n)/float64(len(sets[i])+len(sets[j])-n) >= 0.5 {
				if near[i] == nil {
					near[i] = map[int]bool{}
				}
				near[i][j] = true
			}
		}
	}
	return near
}
