package site

import (
	"slices"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/markdown"
)

// RelatedCount is how many articles "More on this topic" lists.
const RelatedCount = 4

// relate gives each article its Related: the articles nearest it in its
// main topic's list, newer and older by turns, shown newest first. They
// depend on that list alone (its order and the article's place in it),
// which is what a page showing them is keyed by; one pass over each
// topic's list finds them all.
func (s *Site) relate() {
	for _, t := range s.Topics {
		list := t.Articles
		for i, a := range list {
			if len(a.Topics) == 0 || a.Topics[0] != t {
				continue
			}
			var buf [RelatedCount]int
			near := buf[:0]
			for d := 1; len(near) < RelatedCount && (i-d >= 0 || i+d < len(list)); d++ {
				for _, j := range [2]int{i - d, i + d} {
					if j >= 0 && j < len(list) && list[j] != a && len(near) < RelatedCount {
						near = append(near, j)
					}
				}
			}
			if len(near) == 0 {
				continue
			}
			slices.Sort(near)
			a.Related = make([]*Article, len(near))
			for k, j := range near {
				a.Related[k] = list[j]
			}
		}
	}
}

// smartImage is the entry's image with its caption and credit through the
// typographer, as a copy: the entry is shared with the cache.
func smartImage(img *content.Image) *content.Image {
	if img == nil {
		return nil
	}
	c := *img
	c.Caption = markdown.Smarten(c.Caption)
	c.Credit = markdown.Smarten(c.Credit)
	return &c
}
