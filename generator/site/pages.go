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

// ArticlesPerDayPage is how many articles one page of an edition holds: a
// larger edition (a wire archive's day) is paginated as a topic is, so
// that no page grows with the day.
const ArticlesPerDayPage = 100

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
	Articles []*Article // topic, paginated day: the articles on this page
	Pager    *Pager
}

// Pager links the pages of a paginated list. A list's front page (its
// first URL) holds its newest items; its numbered pages (page/K/) count from
// the oldest, K holding items (K-1)*per to K*per-1 of the oldest-first
// order, so that a numbered page keeps its items as new ones come: they
// fill the newest numbered page, then open the next. The front page shows
// again some of what the newest numbered pages hold.
type Pager struct {
	Number, Total int    // of a numbered page; Number is 0 on the front page
	Front         bool   // the front page
	Newer, Older  string // site paths; empty at the ends
}

// pages cuts a list of n items, newest first, into the front page and the
// numbered pages of per items each (see Pager), as ranges [lo, hi) of the
// list; there are no numbered pages when the front page holds everything.
func pages(n, per int) (front [2]int, numbered [][2]int) {
	front = [2]int{0, min(per, n)}
	if n <= per {
		return front, nil
	}
	for k := 1; (k-1)*per < n; k++ {
		numbered = append(numbered, [2]int{n - min(k*per, n), n - (k-1)*per})
	}
	return front, numbered
}

// pagers are the pagers of a list's front page and of its numbered pages.
func pagers(first string, n, per int) (*Pager, []*Pager) {
	_, numbered := pages(n, per)
	total := len(numbered)
	front := &Pager{Front: true, Total: total}
	if total > 0 {
		front.Older = pageURL(first, (n-1-per)/per+1) // the page of the first item past the front
	}
	list := make([]*Pager, total)
	for i := range list {
		k := i + 1
		p := &Pager{Number: k, Total: total, Newer: first}
		if k < total {
			p.Newer = pageURL(first, k+1)
		}
		if k > 1 {
			p.Older = pageURL(first, k-1)
		}
		list[i] = p
	}
	return front, list
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
		s.dayPages(d, title, add)
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
	front, numbered := pages(len(s.Days), DaysPerHomePage)
	frontPager, pagers := pagers(s.BasePath, len(s.Days), DaysPerHomePage)
	add(&Page{Kind: KindHome, URL: s.BasePath, Title: s.Config.Title, Description: s.Config.Description,
		Days: s.Days[front[0]:front[1]], Pager: frontPager})
	for i, r := range numbered {
		add(&Page{Kind: KindHome, URL: pageURL(s.BasePath, i+1), Title: s.Strings.Text("page_title", s.Config.Title, strconv.Itoa(i+1)),
			Description: s.Config.Description, Days: s.Days[r[0]:r[1]], Pager: pagers[i]})
	}
}

func (s *Site) topicPages(t *Topic, add func(*Page)) {
	per := s.Config.PerPage
	feeds := append(append([]FeedLink{}, s.Feeds...), t.Feeds...)
	front, numbered := pages(len(t.Articles), per)
	frontPager, pagers := pagers(t.URL, len(t.Articles), per)
	add(&Page{Kind: KindTopic, URL: t.URL, Title: t.Name, Description: t.Description,
		Feeds: feeds, Topic: t, Articles: t.Articles[front[0]:front[1]], Pager: frontPager})
	for i, r := range numbered {
		add(&Page{Kind: KindTopic, URL: pageURL(t.URL, i+1), Title: s.Strings.Text("page_title", t.Name, strconv.Itoa(i+1)),
			Description: t.Description, Feeds: feeds, Topic: t, Articles: t.Articles[r[0]:r[1]], Pager: pagers[i]})
	}
}

// dayPages are a day's edition: one page, or, past ArticlesPerDayPage
// articles, a front page and numbered pages (see Pager).
func (s *Site) dayPages(d *Day, title string, add func(*Page)) {
	n := len(d.Articles)
	if n <= ArticlesPerDayPage {
		add(&Page{Kind: KindDay, URL: d.URL, Title: title, Day: d})
		return
	}
	front, numbered := pages(n, ArticlesPerDayPage)
	frontPager, pagers := pagers(d.URL, n, ArticlesPerDayPage)
	add(&Page{Kind: KindDay, URL: d.URL, Title: title, Day: d, Articles: d.Articles[front[0]:front[1]], Pager: frontPager})
	for i, r := range numbered {
		add(&Page{Kind: KindDay, URL: pageURL(d.URL, i+1), Title: s.Strings.Text("page_title", title, strconv.Itoa(i+1)),
			Day: d, Articles: d.Articles[r[0]:r[1]], Pager: pagers[i]})
	}
}

func pageURL(first string, n int) string { return first + "page/" + strconv.Itoa(n) + "/" }
