package site

import (
	"strconv"
	"strings"

	"github.com/digest-news/digest/generator/locale"
)

// Page kinds; each is one template file.
const (
	KindHome     = "home"
	KindArticle  = "article"
	KindDay      = "day"
	KindMonth    = "month"
	KindYear     = "year"
	KindTopics   = "topics"
	KindTopic    = "topic"
	KindNotFound = "404"
	KindSearch   = "search"
	KindFeeds    = "feeds" // every feed, for people

	// A day's edition as an email to paste into a newsletter service: its
	// HTML (styles inline, no page frame) and its plain text. Pages like
	// the others, so their keys and the output record work as for any page;
	// not for browsing, so the sitemap leaves them out.
	KindEmail     = "email"
	KindEmailText = "email-text"
)

// Email reports whether the page is an email edition, not a web page.
func (p *Page) Email() bool { return p.Kind == KindEmail || p.Kind == KindEmailText }

// EmailURL and EmailTextURL are the site paths of the day's email edition.
func (d *Day) EmailURL() string     { return d.URL + "email.html" }
func (d *Day) EmailTextURL() string { return d.URL + "email.txt" }

// DaysPerHomePage is how many editions one home page holds.
const DaysPerHomePage = 7

// Page is one HTML page to render: its kind, where it goes and what it shows.
// Only the fields its kind needs are set.
type Page struct {
	Kind        string
	Path        string // output file, relative: 2026/11/18/slug/index.html
	URL         string // site path
	Title       string
	Description string
	Feeds       []FeedLink // autodiscovery: the site's, plus the topic's on topic pages
	Site        *Site

	Article  *Article
	Day      *Day
	Days     []*Day // home: the editions on this page
	Month    *Month
	Year     *Year
	Topic    *Topic
	Articles []*Article // topic: the articles on this page
	Pager    *Pager
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Newer, Older  string // site paths; empty at the ends
}

// Pages lists every HTML page of the site in a fixed order, made once.
func (s *Site) Pages() []*Page {
	s.pagesOnce.Do(func() { s.pages = s.makePages() })
	return s.pages
}

func (s *Site) makePages() []*Page {
	pages := make([]*Page, 0, len(s.Articles)+3*len(s.Days)+len(s.Months)+len(s.Years)+64)
	add := func(p *Page) {
		p.Site = s
		if p.Feeds == nil {
			p.Feeds = s.Feeds
		}
		p.Path = s.OutPath(p.URL)
		pages = append(pages, p)
	}
	s.homePages(add)
	for _, a := range s.Articles {
		add(&Page{Kind: KindArticle, URL: a.URL, Title: a.Title, Article: a}) // its description is its summary
	}
	for _, d := range s.Days {
		title := locale.Capital(s.Strings.LongDate(d.Date))
		add(&Page{Kind: KindDay, URL: d.URL, Title: title, Day: d})
		add(&Page{Kind: KindEmail, URL: d.EmailURL(), Title: title, Day: d})
		add(&Page{Kind: KindEmailText, URL: d.EmailTextURL(), Title: title, Day: d})
	}
	for _, m := range s.Months {
		add(&Page{Kind: KindMonth, URL: m.URL, Title: locale.Capital(s.Strings.MonthYear(m.Date)), Month: m})
	}
	for _, y := range s.Years {
		add(&Page{Kind: KindYear, URL: y.URL, Title: y.Date.Format("2006"), Year: y})
	}
	add(&Page{Kind: KindTopics, URL: s.BasePath + "topics/", Title: s.Strings.Text("topics_title")})
	for _, t := range s.Topics {
		s.topicPages(t, add)
	}
	add(&Page{Kind: KindFeeds, URL: s.BasePath + "feeds/", Title: s.Strings.Text("feeds_title")})
	add(&Page{Kind: KindSearch, URL: s.BasePath + "search/", Title: s.Strings.Text("search_title")})
	nf := &Page{Kind: KindNotFound, URL: s.BasePath + "404.html", Title: s.Strings.Text("notfound_title")}
	add(nf)
	nf.Path = "404.html"
	return pages
}

// OutPath is the output file of a site path: pretty URLs are folders with index.html.
func (s *Site) OutPath(urlPath string) string {
	p := strings.TrimPrefix(urlPath, s.BasePath)
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

func (s *Site) homePages(add func(*Page)) {
	total := max(1, (len(s.Days)+DaysPerHomePage-1)/DaysPerHomePage)
	for n := 1; n <= total; n++ {
		lo := (n - 1) * DaysPerHomePage
		hi := min(lo+DaysPerHomePage, len(s.Days))
		p := &Page{Kind: KindHome, URL: pageURL(s.BasePath, n), Title: s.Config.Title,
			Description: s.Config.Description, Days: s.Days[lo:hi], Pager: pager(s.BasePath, n, total)}
		if n > 1 {
			p.Title = s.Strings.Text("page_title", s.Config.Title, strconv.Itoa(n))
		}
		add(p)
	}
}

func (s *Site) topicPages(t *Topic, add func(*Page)) {
	per := s.Config.PerPage
	total := max(1, (len(t.Articles)+per-1)/per)
	feeds := append(append([]FeedLink{}, s.Feeds...), t.Feeds...)
	for n := 1; n <= total; n++ {
		lo := (n - 1) * per
		hi := min(lo+per, len(t.Articles))
		p := &Page{Kind: KindTopic, URL: pageURL(t.URL, n), Title: t.Name, Description: t.Description,
			Feeds: feeds, Topic: t, Articles: t.Articles[lo:hi], Pager: pager(t.URL, n, total)}
		if n > 1 {
			p.Title = s.Strings.Text("page_title", t.Name, strconv.Itoa(n))
		}
		add(p)
	}
}

func pageURL(first string, n int) string {
	if n == 1 {
		return first
	}
	return first + "page/" + strconv.Itoa(n) + "/"
}

func pager(first string, n, total int) *Pager {
	p := &Pager{Number: n, Total: total}
	if n > 1 {
		p.Newer = pageURL(first, n-1)
	}
	if n < total {
		p.Older = pageURL(first, n+1)
	}
	return p
}
