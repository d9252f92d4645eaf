package content

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
)

// FrontMatter is the YAML head of an entry, exactly as written on disk.
type FrontMatter struct {
	Title     string   `yaml:"title"`
	Date      string   `yaml:"date"`
	Updated   string   `yaml:"updated,omitempty"`
	Topics    []string `yaml:"topics,omitempty"`
	Summary   string   `yaml:"summary,omitempty"`
	Source    string   `yaml:"source,omitempty"`
	SourceURL string   `yaml:"source_url,omitempty"`
	Authors   []string `yaml:"authors,omitempty"`
	Editors   []string `yaml:"editors,omitempty"`
	Dateline  string   `yaml:"dateline,omitempty"`
	Image     *Image   `yaml:"image,omitempty"`
	Note      string   `yaml:"note,omitempty"`
	Featured  bool     `yaml:"featured,omitempty"`
	Draft     bool     `yaml:"draft,omitempty"`
	Slug      string   `yaml:"slug,omitempty"`
	Lang      string   `yaml:"lang,omitempty"`
	ID        string   `yaml:"id,omitempty"`
	// Corrections are dated notices of what was corrected (see corrections.go).
	Corrections []CorrectionNote `yaml:"corrections,omitempty"`
	Expires     string           `yaml:"expires,omitempty"` // after it the entry leaves listings and feeds
	// Also are other outlets' reports of the same story (see also.go); last,
	// so that ingest adds to it by rewriting the end of the front matter.
	Also []AlsoNote `yaml:"also,omitempty"`
}

// Image is an entry's lead picture.
type Image struct {
	URL     string `yaml:"url,omitempty"` // may be empty: a caption and credit of a photo not kept
	Caption string `yaml:"caption,omitempty"`
	Credit  string `yaml:"credit,omitempty"`
}

// Entry is one checked article: front matter with typed dates, plus its body.
type Entry struct {
	FrontMatter
	File    string    // path inside the site, e.g. content/2026/11/18/slug.md
	Date    time.Time // in the site's timezone
	Updated time.Time // zero when not given
	Body    []byte    // Markdown after the front matter

	Corrections []Correction // newest first
	Expires     time.Time    // zero when not given
	Also        []Also       // as written
}

// Day is the entry's date as YYYY/MM/DD in the site's timezone.
func (e *Entry) Day() string { return e.Date.Format("2006/01/02") }

const fence = "---"

// dateLayouts are the accepted spellings of dates; the last three carry no zone.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// ParseDate reads a front matter date; dates without a zone are in loc.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for i, layout := range dateLayouts {
		var t time.Time
		var err error
		if i == 0 {
			t, err = time.Parse(layout, s)
		} else {
			t, err = time.ParseInLocation(layout, s, loc)
		}
		if err == nil {
			return t.In(loc), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date", s)
}

// ParseEntry checks one entry file. cfg supplies the timezone and, when it
// declares topics, the allowed topic slugs.
func ParseEntry(file string, data []byte, cfg *Config) (*Entry, error) {
	head, body, headLine, e := split(file, data)
	if e != nil {
		return nil, e
	}
	if off, r, found := badText(head); found {
		msg, hint := textProblem(r)
		return nil, &Error{File: file, Line: headLine + lineAt(head, off), Msg: "front matter " + msg, Hint: hint}
	}
	var fm FrontMatter
	if !decodeFast(head, &fm) {
		if e := decode(file, headLine, head, &fm); e != nil {
			return nil, e
		}
	}
	entry := &Entry{FrontMatter: fm, File: file, Body: body}
	var errs []*Error
	bad := func(key, msg, hint string) {
		errs = append(errs, &Error{File: file, Line: keyLine(head, headLine, key), Msg: msg, Hint: hint})
	}
	if off, r, found := badText(body); found {
		msg, hint := textProblem(r)
		errs = append(errs, &Error{File: file, Line: lineAt(data, len(data)-len(body)+off), Msg: "the body " + msg, Hint: hint})
	}
	checkStrings(&fm, bad)
	if strings.TrimSpace(fm.Title) == "" {
		bad("title", "title is missing", "add title: \"The headline\"")
	}
	if strings.TrimSpace(fm.Date) == "" {
		bad("date", "date is missing", "add date: 2006-01-02 15:04 (or RFC 3339)")
	} else if t, err := ParseDate(fm.Date, cfg.Location); err != nil {
		bad("date", "date "+err.Error(), "write 2006-01-02, 2006-01-02 15:04 or RFC 3339 like 2006-01-02T15:04:05+01:00")
	} else if yearProblem(t) {
		bad("date", "date "+fm.Date+yearRange, "check the year")
	} else {
		entry.Date = t
	}
	if fm.Updated != "" {
		if t, err := ParseDate(fm.Updated, cfg.Location); err != nil {
			bad("updated", "updated "+err.Error(), "write 2006-01-02, 2006-01-02 15:04 or RFC 3339")
		} else if yearProblem(t) {
			bad("updated", "updated "+fm.Updated+yearRange, "check the year")
		} else {
			entry.Updated = t
		}
	}
	checkHistory(entry, head, headLine, cfg, bad, &errs)
	checkAlso(entry, head, headLine, cfg, &errs)
	seen := map[string]bool{}
	for _, t := range fm.Topics {
		if seen[t] {
			bad("topics", "topic "+t+" is listed twice", "remove one: the entry would show twice in the topic and its feeds")
			continue
		}
		seen[t] = true
		if !validSlug(t) {
			bad("topics", "topic "+t+" is not a slug", "use lowercase letters, digits and hyphens")
		} else if len(cfg.Topics) > 0 {
			if _, ok := cfg.Topics[t]; !ok {
				bad("topics", "unknown topic "+t, "use one of: "+strings.Join(cfg.TopicSlugs(), ", ")+", or declare it under topics in digest.yaml")
			}
		}
	}
	switch {
	case entry.Slug == "":
		entry.Slug = SlugFromName(file)
		if !validSlug(entry.Slug) {
			bad("slug", "the file name "+path.Base(file)+" gives no slug of plain letters ("+entry.Slug+")",
				"set slug: with lowercase letters a to z, digits and hyphens, or rename the file")
		}
	case !validSlug(entry.Slug):
		bad("slug", "slug "+entry.Slug+" is not a slug", "use lowercase letters, digits and hyphens (rename the file or set slug:)")
	}
	if len(entry.Slug) > maxSlug {
		bad("slug", fmt.Sprintf("slug is %d bytes long, over %d (the folder of the page would have too long a name)", len(entry.Slug), maxSlug),
			"shorten the file name, or set a shorter slug:")
	}
	if fm.Image != nil && fm.Image.URL == "" && fm.Image.Caption == "" && fm.Image.Credit == "" {
		bad("image", "image is empty", "add url, caption or credit under image, or remove image")
	}
	if fm.Image != nil && fm.Image.URL != "" {
		if p := linkProblem(fm.Image.URL); p != "" {
			bad("image", fmt.Sprintf("image url %q %s", fm.Image.URL, p), "use an https:// URL, or a path on the site like /images/photo.jpg")
		}
	}
	if fm.ID != "" {
		if p := iriProblem(fm.ID); p != "" {
			bad("id", fmt.Sprintf("id %q is not an absolute IRI: it %s", fm.ID, p),
				"write one like tag:example.org,2026-11-18:slug or urn:uuid:…, or remove id for the default")
		}
	}
	return entry, joinSorted(errs)
}

// split separates the front matter from the body. headLine is the file line
// just before the YAML starts.
func split(file string, data []byte) (head, body []byte, headLine int, err *Error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimSpace(first)) != fence {
		return nil, nil, 0, &Error{File: file, Line: 1, Msg: "no front matter", Hint: "start the file with a line ---, the YAML keys, then another ---"}
	}
	for off, line := 0, 2; off <= len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end
		}
		if string(bytes.TrimRight(rest[off:next], " \t\r")) == fence {
			body = nil
			if next < len(rest) {
				body = rest[next+1:]
			}
			return rest[:off], body, 1, nil
		}
		if end < 0 {
			break
		}
		off = next + 1
	}
	return nil, nil, 0, &Error{File: file, Line: 1, Msg: "front matter is not closed", Hint: "end the front matter with a line ---"}
}
