package search

import "strconv"

// largeWord is a word whose postings are cut into parts, newest first;
// from[k] is the month from which on every posting is in parts 0..k.
type largeWord struct {
	word  string
	parts [][]ref
	from  []int32
}

// splitLarge takes out of terms the words whose postings alone are more
// than a shard may hold, and cuts their postings into parts.
func splitLarge(terms []string, postings map[string][]ref, part int) (rest []string, large []largeWord) {
	for _, t := range terms {
		if len(postings[t]) <= part {
			rest = append(rest, t)
			continue
		}
		large = append(large, cutParts(t, postings[t], part))
	}
	return rest, large
}

// partPostings is how many postings a part holds at most: about what a
// shard holds.
const partPostings = shardLimit / 8

// cutParts cuts a word's postings (newest first) into parts of at most part
// postings at month boundaries, a part taking whole months while they fit;
// a month too large for one part is cut inside it.
func cutParts(word string, p []ref, part int) largeWord {
	w := largeWord{word: word}
	for start := 0; start < len(p); {
		end := min(start+part, len(p))
		if end < len(p) && p[end].month == p[end-1].month {
			cut := end
			for cut > start && p[cut-1].month == p[end].month {
				cut--
			}
			if cut > start {
				end = cut
			}
		}
		w.parts = append(w.parts, p[start:end])
		from := p[end-1].month
		if end < len(p) && p[end].month == from {
			from++ // the month goes on in the next part
		}
		if end == len(p) {
			from = 0
		}
		w.from = append(w.from, from)
		start = end
	}
	return w
}

// appendParts appends {"word":[from month of each part],...}, large sorted
// by word.
func appendParts(b []byte, large []largeWord) []byte {
	b = append(b, '{')
	for i, w := range large {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, w.word)
		b = append(b, ':', '[')
		for k, m := range w.from {
			if k > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(m), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}
