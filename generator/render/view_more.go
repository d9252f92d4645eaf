package render

import (
	"strings"

	"github.com/digest-news/digest/generator/deps"
)

// wordsPerMinute is the reading speed reading times assume.
const wordsPerMinute = 220

// Minutes is the article's reading time, at least one minute: its body's
// words, counted from the HTML the page shows (the body unit).
func (v *articleView) Minutes() (int, error) {
	body, err := v.Body()
	if err != nil {
		return 0, err
	}
	return max(1, (countWords(string(body))+wordsPerMinute/2)/wordsPerMinute), nil
}

// countWords counts the runs of letters and digits outside tags. A byte
// of a multi-byte character counts as a letter, so a word of any script is
// one word; only ASCII spaces and punctuation part words. Tags are skipped
// whole, as a body's markup is a good part of its bytes.
func countWords(html string) int {
	n, inWord := 0, false
	for i := 0; i < len(html); i++ {
		c := html[i]
		if c == '<' {
			end := strings.IndexByte(html[i:], '>')
			if end < 0 {
				break
			}
			i += end
			inWord = false
			continue
		}
		if wordByte[c] {
			if !inWord {
				n++
			}
			inWord = true
		} else {
			inWord = false
		}
	}
	return n
}

// wordByte tells the bytes of words (see isWordByte) at a look.
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '\'' || c == '&' || c == ';'
}

// Related are the articles "More on this topic" lists (see
// site.Article.Related), which a template shows in full: which they are is
// noted (the Related unit), and so is each of them.
func (v *articleView) Related() []*articleView {
	v.c.read(deps.Related, v.a.Index)
	if len(v.a.Related) == 0 {
		return nil
	}
	return shownArticles(v.c, v.a.Related)
}

// FeedCount is how many items each article feed of the site holds.
func (v *siteView) FeedCount() int {
	v.c.read(deps.Articles, 0)
	return min(v.s.Config.FeedItems, len(v.s.Listed))
}

// FeedCount is how many items each feed of the topic holds.
func (v *topicView) FeedCount() int {
	v.c.read(deps.Topic, v.t.Index)
	return min(v.c.p.Site.Config.FeedItems, len(v.t.Articles))
}
