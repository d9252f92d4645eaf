package site

import (
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/locale"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/parallel"
)

// Options choose which entries are published.
type Options struct {
	Drafts bool      // include drafts
	Future bool      // include entries dated after Now
	Now    time.Time // the cut-off for future entries
	// Lead is the plain text of an entry's first paragraph, the summary of
	// an article without one in its front matter; nil leaves it empty.
	Lead func(*content.Entry) string
}

// New builds the model from checked entries (newest first, as content.Load returns them).
func New(cfg *content.Config, entries []*content.Entry, opts Options) *Site {
	base, _ := url.Parse(cfg.BaseURL) // checked by content
	s := &Site{Config: cfg, BasePath: base.Path, Preview: opts.Drafts || opts.Future, Strings: locale.New(cfg.Language, cfg.Strings)}
	if s.BasePath == "" {
		s.BasePath = "/"
	}
	origin := base.Scheme + "://" + base.Host
	topics := s.topics(entries)
	var published []*content.Entry
	for _, e := range entries {
		if (e.Draft && !opts.Drafts) || (e.Date.After(opts.Now) && !opts.Future) {
			continue
		}
		published = append(published, e)
	}
	all := make([]Article, len(published)) // one allocation, not one per article
	const run = 512
	parallel.Do((len(all)+run-1)/run, func(r int) error {
		for i := r * run; i < min((r+1)*run, len(all)); i++ {
			s.article(&all[i], published[i], origin, topics, opts)
		}
		return nil
	})
	s.Articles = make([]*Article, len(all))
	for i := range all {
		a := &all[i]
		if !a.Expired {
			for _, t := range a.Topics {
				t.Articles = append(t.Articles, a)
			}
		}
		a.Index = i
		s.Articles[i] = a
		if !a.Expired && latestOf(a).After(s.Updated) {
			s.Updated = latestOf(a)
		}
	}
	s.listed()
	s.Topics = sortedTopics(topics)
	for i, t := range s.Topics {
		t.Index = i
	}
	s.buildDays()
	s.buildArchives()
	s.Feeds = s.siteFeeds()
	for _, t := range s.Topics {
		t.Feeds = s.topicFeeds(t)
	}
	s.relate()
	s.buildHistories()
	return s
}

// article makes the article of a published entry, all but its place in
// the site's lists: articles are made on every core.
func (s *Site) article(a *Article, e *content.Entry, origin string, topics map[string]*Topic, opts Options) {
	f := &e.FrontMatter
	*a = Article{Entry: e, Title: markdown.Smarten(f.Title), Date: e.Date, Updated: e.Updated, Dateline: f.Dateline,
		Source: f.Source, SourceURL: f.SourceURL, Authors: f.Authors, Editors: f.Editors, Image: smartImage(f.Image),
		Featured: f.Featured, Draft: f.Draft, Lang: f.Lang, Future: e.Date.After(opts.Now), Summary: markdown.Smarten(f.Summary)}
	if a.Summary == "" && opts.Lead != nil {
		a.Summary = opts.Lead(e)
	}
	a.Permalink = permalink(origin, s.BasePath, e)
	a.URL = a.Permalink[len(origin):]
	a.ID = articleID(s.Config, e)
	a.Picture = writtenPicture(f.Image)
	a.Expires, a.Corrections = e.Expires, e.Corrections
	a.Also = smartAlso(e.Also)
	a.Expired = !e.Expires.IsZero() && !e.Expires.After(opts.Now)
	if len(e.Corrections) > 0 && e.Corrections[0].Date.After(a.Updated) {
		a.Updated = e.Corrections[0].Date // a correction is a change readers are told of
	}
	for _, slug := range f.Topics {
		a.Topics = append(a.Topics, topics[slug])
	}
}

// listed sets Listed and the articles' neighbours: a listed article's are
// listed ones; an expired article, whose page stays, links to the listed
// articles around it, and none links to it.
func (s *Site) listed() {
	s.Listed = s.Articles
	expired := slices.ContainsFunc(s.Articles, func(a *Article) bool { return a.Expired })
	if expired {
		s.Listed = slices.DeleteFunc(slices.Clone(s.Articles), func(a *Article) bool { return a.Expired })
	}
	for i, a := range s.Listed {
		if i > 0 {
			a.Newer = s.Listed[i-1]
		}
		if i+1 < len(s.Listed) {
			a.Older = s.Listed[i+1]
		}
	}
	if !expired {
		return
	}
	var newer, older *Article
	for _, a := range s.Articles {
		if a.Expired {
			a.Newer = newer
		} else {
			newer = a
		}
	}
	for _, a := range slices.Backward(s.Articles) {
		if a.Expired {
			a.Older = older
		} else {
			older = a
		}
	}
}

// latestOf is when an article last changed, corrections included.
func latestOf(a *Article) time.Time {
	if a.Updated.After(a.Date) {
		return a.Updated
	}
	return a.Date
}

// AbsURL turns a site path (as in Article.URL) into an absolute URL.
func (s *Site) AbsURL(path string) string {
	return strings.TrimSuffix(s.Config.BaseURL, s.BasePath) + path
}

// articleID is the entry's own id, else a tag: URI (RFC 4151) that survives
// a change of base_url when id_authority is configured.
func articleID(cfg *content.Config, e *content.Entry) string {
	if e.ID != "" {
		return e.ID
	}
	var day [len("2006-01-02")]byte
	return cfg.TagID(string(e.Date.AppendFormat(day[:0], "2006-01-02")), e.Slug)
}

// permalink is the absolute URL of an entry's page: origin, base path, day
// and slug in one string, whose tail serves as the site path, so that
// an entry costs one string, not three.
func permalink(origin, basePath string, e *content.Entry) string {
	var b strings.Builder
	b.Grow(len(origin) + len(basePath) + len("2006/01/02/") + len(e.Slug) + 1)
	b.WriteString(origin)
	b.WriteString(basePath)
	var day [len("2006/01/02")]byte
	b.Write(e.Date.AppendFormat(day[:0], "2006/01/02"))
	b.WriteByte('/')
	b.WriteString(e.Slug)
	b.WriteByte('/')
	return b.String()
}

// topics are the declared topics plus, when none are declared, those entries use.
func (s *Site) topics(entries []*content.Entry) map[string]*Topic {
	all := map[string]*Topic{}
	add := func(slug string, t content.Topic) {
		all[slug] = &Topic{Slug: slug, Name: t.Name, Description: markdown.Smarten(t.Description), URL: s.BasePath + "topics/" + slug + "/"}
	}
	for slug, t := range s.Config.Topics {
		add(slug, t)
	}
	for _, e := range entries {
		for _, slug := range e.FrontMatter.Topics {
			if all[slug] == nil {
				add(slug, content.Topic{Name: titleCase(slug)})
			}
		}
	}
	return all
}

func sortedTopics(m map[string]*Topic) []*Topic {
	list := make([]*Topic, 0, len(m))
	for _, t := range m {
		list = append(list, t)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Name != list[j].Name {
			return list[i].Name < list[j].Name
		}
		return list[i].Slug < list[j].Slug
	})
	return list
}

func titleCase(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
