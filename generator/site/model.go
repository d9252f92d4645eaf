package site

import (
	"html/template"
	"sync"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/locale"
)

// Site is the whole model.
type Site struct {
	Config   *content.Config
	BasePath string        // base_url's path, always with a trailing slash: "/" or "/repo/"
	Articles []*Article    // published, newest first; each has a page
	Listed   []*Article    // of them, those not expired: what lists and feeds show
	Days     []*Day        // newest first
	Months   []*Month      // newest first
	Years    []*Year       // newest first
	Topics   []*Topic      // by name
	Updated  time.Time     // newest date or updated of any article
	Feeds    []FeedLink    // the site-wide feeds, for autodiscovery
	Preview  bool          // drafts or future entries are shown, marked
	Strings  *locale.Table // the theme's words and date formats in the site's language

	Histories []*History // the archive chains of the RSS and Atom feeds: site's, then topics'
	histories map[string]*History

	pagesOnce sync.Once
	pages     []*Page // made once: the build and the sitemap both walk them
}

// Article is one published entry with everything its pages need. The front
// matter fields that templates show are copied into it: templates look
// fields up by reflection, and a field of an embedded struct costs them a
// search.
type Article struct {
	Entry *content.Entry

	Title     string
	Date      time.Time // in the site's timezone
	Updated   time.Time // zero when not given
	Dateline  string
	Source    string
	SourceURL string
	Authors   []string
	Editors   []string
	Image     *content.Image
	Picture   *Picture // Image's picture, set by the build before pages render; nil without an image URL
	Featured  bool
	Draft     bool
	Lang      string

	URL       string // site path, e.g. /repo/2026/11/18/slug/
	Permalink string // absolute URL
	ID        string // stable feed id
	Summary   string // front matter summary, else the lead paragraph
	Topics    []*Topic
	Day       *Day
	Newer     *Article
	Older     *Article
	Related   []*Article // more on its main topic: the nearest in that topic's list (see relate)
	Future    bool       // dated after the build's time (shown only with --future)
	Expired   bool       // its expires is not after the build's time: out of lists and feeds, its page kept
	Index     int        // in Site.Articles

	Expires     time.Time            // zero when not given
	Corrections []content.Correction // newest first
	Also        []content.Also       // other outlets' reports of the story, titles smartened

	Note template.HTML // the curator's note as HTML, filled by the build before any page renders
}

// Day is one edition: a day's articles grouped by topic.
type Day struct {
	Date     time.Time // midnight in the site's timezone
	URL      string
	Articles []*Article
	Groups   []*Group
	Newer    *Day
	Older    *Day
	Month    *Month
	Index    int // in Site.Days
}

// Group is a day's articles under one topic; Topic is nil for articles without one.
type Group struct {
	Topic    *Topic
	Articles []*Article
}

// Month is a month archive.
type Month struct {
	Date  time.Time
	URL   string
	Days  []*Day
	Count int
	Newer *Month
	Older *Month
	Year  *Year
	Index int // in Site.Months
}

// Year is a year archive.
type Year struct {
	Date   time.Time
	URL    string
	Months []*Month
	Count  int
	Newer  *Year
	Older  *Year
	Index  int // in Site.Years
}

// Topic is a topic with its articles, newest first.
type Topic struct {
	Slug        string
	Name        string
	Description string
	URL         string
	Articles    []*Article
	Feeds       []FeedLink
	Index       int // in Site.Topics
}

// FeedLink is a feed as linked from pages (autodiscovery) and the OPML list.
type FeedLink struct {
	Title  string
	Type   string // MIME type
	URL    string // absolute
	Path   string // output file, e.g. topics/economy/feed.xml
	Format string // RSS, Atom or JSON Feed
	Daily  bool   // one item a day (editions.xml), not one an article
}
