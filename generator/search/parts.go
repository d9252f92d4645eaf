package search

import "strconv"

// largeWord is a word whose postings are cut into parts, numbered from the
// oldest; each part's postings are newest first. from[k] is the month from
// which on every posting is in parts k and newer.
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
// postings, from the oldest on, each ending at the end of a month when the
// month fits: a new article then changes only the newest part or two, and
// the warm build rewrites no other. A month too large for one part is cut
// inside it.
func cutParts(word string, p []ref, part int) largeWord {
	w := largeWord{word: word}
	for end := len(p); end > 0; {
		start := max(end-part, 0)
		if start > 0 && p[start-1].month == p[start].month {
			cut := start
			for cut < end && p[cut-1].month == p[cut].month {
				cut++
			}
			if cut < end {
				start = cut
			}
		}
		from := p[end-1].month
		if end < len(p) && p[end].month == from {
			from++ // the month began in the older part
		}
		if end == len(p) {
			from = 0
		}
		w.parts = append(w.parts, p[start:end])
		w.from = append(w.from, from)
		end = start
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
