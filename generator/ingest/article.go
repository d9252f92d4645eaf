package ingest

import "time"

// Article is what extraction recovers from one input, before it becomes an entry.
type Article struct {
	Title     string
	Date      time.Time // zero when the input has none; Zoned tells whether it carried a zone
	Zoned     bool
	Dateline  string
	Source    string
	SourceURL string
	Authors   []string
	Editors   []string
	Lang      string
	Image     Image
	Summary   string   // a description the input gave, if any
	Topics    []string // sections or categories the input named (feeds, JSON, article:section), if any
	Tags      []string // looser labels the page declared (article:tag, keywords), tried after Topics
	Paras     []string // body paragraphs, Markdown
	Record    int      // the record it came from, from 1, when its input holds several
}

// Image is a lead picture; raw text gives a caption and credit but no URL.
type Image struct {
	URL, Caption, Credit string
}

// Body is the article's Markdown body: paragraphs separated by blank lines.
func (a *Article) Body() string {
	n := 0
	for _, p := range a.Paras {
		n += len(p) + 2
	}
	b := make([]byte, 0, n)
	for i, p := range a.Paras {
		if i > 0 {
			b = append(b, "\n\n"...)
		}
		b = append(b, p...)
	}
	if len(b) > 0 {
		b = append(b, '\n')
	}
	return string(b)
}
