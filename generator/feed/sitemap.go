package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/site"
)

const (
	// SitemapPath is the sitemap's output file.
	SitemapPath = "sitemap.xml"
	nsSitemap   = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsNews      = "http://www.google.com/schemas/sitemap-news/0.9"
	// newsWindow is how far back the news sitemap reaches from the newest article.
	newsWindow = 48 * time.Hour
	// newsMax is Google's limit of URLs in one news sitemap.
	newsMax = 1000
)

// sitemap lists every page but the 404 page and the email editions, dated by its newest entry. It
// is written by hand and compact, as the minifier would leave it: a large
// site has many thousands of URLs, and going through reflection and then the
// minifier would weigh on every warm build.
func sitemap(s *site.Site) ([]byte, error) {
	// sized for every URL at once (BaseURL is at least the part AbsURL
	// adds): doubling a buffer of megabytes takes fresh pages, which come slowly
	size := 256
	for _, p := range s.Pages() {
		size += len(s.Config.BaseURL) + len(p.URL) + len("<url><loc></loc><lastmod>2006-01-02T15:04:05-07:00</lastmod></url>")
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	if err := writeSitemap(b, s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeSitemap(w *bytes.Buffer, s *site.Site) error {
	w.WriteString(strings.TrimSuffix(xml.Header, "\n"))
	w.WriteString(`<urlset xmlns="` + nsSitemap + `">`)
	var date [64]byte
	var err error
	SitemapURLs(s, func(url string, lastmod time.Time) {
		w.WriteString("<url><loc>")
		if e := xml.EscapeText(w, []byte(s.AbsURL(url))); e != nil && err == nil {
			err = e
		}
		w.WriteString("</loc>")
		if !lastmod.IsZero() {
			w.WriteString("<lastmod>")
			w.Write(lastmod.AppendFormat(date[:0], time.RFC3339))
			w.WriteString("</lastmod>")
		}
		w.WriteString("</url>")
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("</urlset>")
	return err
}

// SitemapURLs calls visit with the site path and last change (zero when
// unknown) of each page the sitemap lists, in its order: all the sitemap
// says besides the base URL, which a warm build hashes instead of making it.
func SitemapURLs(s *site.Site, visit func(path string, lastmod time.Time)) {
	for _, p := range s.Pages() {
		if p.Kind != site.KindNotFound && !p.Email() {
			visit(p.URL, pageUpdated(s, p))
		}
	}
}

// pageUpdated is the newest date or update of the articles a page shows.
func pageUpdated(s *site.Site, p *site.Page) time.Time {
	switch {
	case p.Article != nil:
		return latest(p.Article)
	case p.Day != nil:
		return newest(p.Day.Articles)
	case p.Month != nil:
		return newestDays(p.Month.Days)
	case p.Year != nil:
		var t time.Time
		for _, m := range p.Year.Months {
			t = later(t, newestDays(m.Days))
		}
		return t
	case p.Topic != nil:
		return newest(p.Articles)
	case p.Days != nil:
		return newestDays(p.Days)
	}
	return s.Updated
}

func newestDays(days []*site.Day) time.Time {
	var t time.Time
	for _, d := range days {
		t = later(t, newest(d.Articles))
	}
	return t
}

func newest(list []*site.Article) time.Time {
	var t time.Time
	for _, a := range list {
		t = later(t, latest(a))
	}
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

type newsURLSet struct {
	XMLName xml.Name  `xml:"urlset"`
	Xmlns   string    `xml:"xmlns,attr"`
	NewsNS  string    `xml:"xmlns:news,attr"`
	URLs    []newsURL `xml:"url"`
}

type newsURL struct {
	Loc  string   `xml:"loc"`
	News newsItem `xml:"news:news"`
}

type newsItem struct {
	Name            string `xml:"news:publication>news:name"`
	Language        string `xml:"news:publication>news:language"`
	PublicationDate string `xml:"news:publication_date"`
	Title           string `xml:"news:title"`
}

// newsSitemap is a Google News sitemap of the articles published in the two
// days up to the newest one (the model's clock, not the build's).
func newsSitemap(s *site.Site) ([]byte, error) {
	doc := &newsURLSet{Xmlns: nsSitemap, NewsNS: nsNews, URLs: []newsURL{}}
	if len(s.Listed) > 0 { // an expired article is no longer news
		from := s.Listed[0].Date.Add(-newsWindow)
		for _, a := range s.Listed {
			if a.Date.Before(from) || len(doc.URLs) == newsMax {
				break
			}
			doc.URLs = append(doc.URLs, newsURL{Loc: a.Permalink, News: newsItem{
				Name: s.Config.Title, Language: newsLanguage(s, a),
				PublicationDate: a.Date.Format(time.RFC3339), Title: a.Title}})
		}
	}
	return marshalXML(doc)
}

// newsLanguage is the ISO 639 code Google News wants: "en", or "zh-cn"/"zh-tw".
func newsLanguage(s *site.Site, a *site.Article) string {
	lang := a.Lang
	if lang == "" {
		lang = s.Config.Language
	}
	lang = strings.ToLower(lang)
	if base, _, ok := strings.Cut(lang, "-"); ok && base != "zh" {
		return base
	}
	return lang
}

// robots allows every crawler and names both sitemaps.
func robots(s *site.Site) ([]byte, error) {
	var w strings.Builder
	w.WriteString("User-agent: *\nAllow: /\n\n")
	w.WriteString("Sitemap: " + s.AbsURL(s.BasePath+SitemapPath) + "\n")
	w.WriteString("Sitemap: " + s.AbsURL(s.BasePath+"news-sitemap.xml") + "\n")
	return []byte(w.String()), nil
}
