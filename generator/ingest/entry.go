package ingest

import (
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/digest-news/digest/generator/content"
)

// DateLayout is how ingest writes dates: minutes, in the site's timezone.
const DateLayout = "2006-01-02 15:04"

// EntryOptions are the site-wide choices for MakeEntry.
type EntryOptions struct {
	Config  *content.Config
	Now     time.Time // the date of articles that carry none (--date)
	Topics  []string  // given on the command line; they replace suggestions
	Suggest func(a *Article) []string
}

// Draft is an entry ready to be written: front matter, body and its path
// inside the site (content/YYYY/MM/DD/<slug>.md).
type Draft struct {
	FM   content.FrontMatter
	Body string
	File string
	Day  string // YYYY-MM-DD
}

// MakeEntry turns an article into an entry draft. The slug is the title's;
// the caller makes it unique within the day.
func MakeEntry(a *Article, o EntryOptions) Draft {
	loc := o.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	date := a.Date
	if date.IsZero() {
		date = o.Now
	}
	stamp := entryDate(date, loc)
	date = date.In(loc)
	fm := content.FrontMatter{
		Title:     oneLine(a.Title),
		Date:      stamp,
		Summary:   oneLine(a.Summary),
		Source:    oneLine(a.Source),
		SourceURL: a.SourceURL,
		Authors:   oneLines(a.Authors),
		Editors:   oneLines(a.Editors),
		Dateline:  oneLine(a.Dateline),
		Lang:      pageLang(a.Lang, a.Paras),
	}
	// Text in the site's own language needs no tag of its own, unless
	// the page declared one.
	if baseLang(a.Lang) == "" && o.Config != nil && strings.EqualFold(baseLang(o.Config.Language), fm.Lang) {
		fm.Lang = ""
	}
	// An entry that links its source credits someone: the publisher's
	// name when the input gave one, else the address's host.
	if fm.Source == "" && fm.SourceURL != "" {
		fm.Source = hostName(fm.SourceURL)
	}
	if fm.Summary == "" {
		fm.Summary = Summarize(a.Paras)
	}
	if a.Image.Caption != "" || a.Image.Credit != "" || a.Image.URL != "" {
		fm.Image = &content.Image{URL: a.Image.URL, Caption: oneLine(a.Image.Caption), Credit: oneLine(a.Image.Credit)}
	}
	fm.Topics = o.Topics
	if len(fm.Topics) == 0 && o.Suggest != nil {
		fm.Topics = o.Suggest(a)
	}
	d := Draft{FM: fm, Body: printable(a.Body()), Day: date.Format("2006-01-02")}
	d.SetSlug(Slug(fm.Title), o.Config)
	return d
}

// entryDate writes t in the site's zone, unless the article gave its time
// with an offset of its own (not UTC, which says nothing of where it was
// written): then RFC 3339 with that offset, so the entry shows the day and
// hour the publisher printed and still names the same instant.
func entryDate(t time.Time, loc *time.Location) string {
	_, off := t.Zone()
	if _, siteOff := t.In(loc).Zone(); off != 0 && off != siteOff {
		return t.Format(time.RFC3339)
	}
	return t.In(loc).Format(DateLayout)
}

// SetSlug names the draft's file and mints its permanent id, the tag: URI
// the build would derive (RFC 4151), so the id survives later renames.
func (d *Draft) SetSlug(slug string, cfg *content.Config) {
	d.File = path.Join(content.Dir, strings.ReplaceAll(d.Day, "-", "/"), slug+".md")
	d.FM.ID = cfg.TagID(d.Day, slug)
}

// Slug is the draft's slug, from its file name.
func (d *Draft) Slug() string { return strings.TrimSuffix(path.Base(d.File), ".md") }

// Bytes is the entry file.
func (d *Draft) Bytes() ([]byte, error) {
	return content.Format(d.FM, []byte(d.Body))
}

// oneLine folds whitespace so front matter values stay on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(printable(s)), " ")
}

// printable is s as valid UTF-8 without control characters but tabs and
// line breaks, which an entry may not hold (content refuses them).
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func oneLines(list []string) []string {
	var out []string
	for _, s := range list {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
