package ingest

import "strconv"

// teaserWords is the fewest words a headline of a teaser list has on
// average; an article's own short lists (a ranking, a table of contents)
// have fewer.
const teaserWords = 7

// markNumberedTeasers flags as list items the runs of three or more blocks
// numbered 1., 2., 3. ... one after another that mostly do not end like
// sentences and run as long as headlines: a "most read" box, which w3m
// prints as an ordered list. An article's numbered steps end like
// sentences, and its numbered subheadings have paragraphs between them.
func markNumberedTeasers(blocks []*block) {
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && listNumber(blocks[j].text) == j-i+1 {
			j++
		}
		if n := j - i; n >= 3 {
			final, words := 0, 0
			for _, b := range blocks[i:j] {
				words += b.words - 1
				if b.final {
					final++
				}
			}
			if final*3 <= n && words >= teaserWords*n {
				for _, b := range blocks[i:j] {
					b.bullet = true
				}
			}
		}
		i = max(j, i+1)
	}
}

// listNumber is the number that opens an ordered list item ("3. Text",
// "3) Text"), or 0.
func listNumber(s string) int {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return 0
	}
	n, _ := strconv.Atoi(s[:i])
	return n
}
