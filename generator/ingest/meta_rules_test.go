package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"golang.org/x/net/html"
)

func metaOf(t *testing.T, page, pageURL string) Article {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	a := readMeta(doc, nil, time.UTC)
	if a.SourceURL == "" {
		a.SourceURL = pageURL
	}
	return a
}

// TestMetaFields: each declared source of a field, and the order of trust
// between them.
func TestMetaFields(t *testing.T) {
	cases := []struct {
		name, page                   string
		title, date, authors, source string
	}{
		{"JSON-LD @graph with an author reference",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
			{"@type":"WebSite","@id":"#site","name":"Valley Courier"},
			{"@type":"Person","@id":"#p1","name":"Mira Holt"},
			{"@type":["ReportageNewsArticle"],"headline":"Dam repairs finish early","datePublished":"2024-02-03T08:00:00+01:00",
			 "dateModified":"2024-02-09T10:00:00+01:00","author":{"@id":"#p1"},"publisher":{"@type":"Organization","name":"Valley Courier"}}]}</script>`,
			"Dam repairs finish early", "2024-02-03", "Mira Holt", "Valley Courier"},
		{"published over modified, itemprop on a meta tag",
			`<meta property="article:published" itemprop="datePublished" content="2016-07-29T16:42:34-04:00">
			<meta property="article:modified" itemprop="dateModified" content="2016-08-01T01:30:24-04:00">
			<time itemprop="dateModified" datetime="2016-08-01T01:30:24-04:00">1 Aug</time><h1>Harbour fees rise</h1><title>Harbour fees rise - Coast Post</title>`,
			"Harbour fees rise", "2016-07-29", "", ""},
		{"h1 over a title with site and author appended",
			`<title>Whales return to the bay | Nora Vell | The Daily Tide</title><meta property="og:title" content="Whales return to the bay | Nora Vell">
			<meta name="author" content="Nora Vell"><meta property="og:site_name" content="The Daily Tide"><h1>Whales return to the bay</h1>`,
			"Whales return to the bay", "", "Nora Vell", "The Daily Tide"},
		{"section and site cut from a title without h1",
			`<title>Chip plant opens in the north | Technology | Wirefeed</title><meta property="article:section" content="Technology"><meta property="og:site_name" content="Wirefeed">`,
			"Chip plant opens in the north", "", "", "Wirefeed"},
		{"a web address as the site part",
			`<meta property="og:title" content="Interview mit der Malerin Ida Kron - kunstblatt.net"><p class="byline">Von <a rel="author">Jonas Ebert</a> | 24.01.2022</p>`,
			"Interview mit der Malerin Ida Kron", "2022-01-24", "Jonas Ebert", ""},
		{"visible byline and date elements",
			`<h1>Neue Brücke eröffnet</h1><title>Neue Brücke eröffnet</title><div class="post-meta"><span class="author-name">Von Lea Sommer</span> <span class="entry-date">3. Februar 2021</span></div>`,
			"Neue Brücke eröffnet", "2021-02-03", "Lea Sommer", ""},
		{"microdata author and date",
			`<article itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Garden notes for March</h1>
			<span itemprop="author" itemscope><span itemprop="name">Ola Brenn</span></span><span itemprop="datePublished" content="2020-03-01">1 March</span></article>`,
			"Garden notes for March", "2020-03-01", "Ola Brenn", ""},
		{"the address's date when nothing else dates it",
			`<link rel="canonical" href="https://example.org/news/2019/05/17/the-ferry-story"><h1>The ferry story</h1>`,
			"The ferry story", "2019-05-17", "", ""},
		{"a relative age is no date",
			`<h1>Snow in April</h1><time datetime="vor 2 Stunden">vor 2 Stunden</time><span class="date">Veröffentlicht am 12.04.2023</span>`,
			"Snow in April", "2023-04-12", "", ""},
		{"the site as author credits no one",
			`<meta name="author" content="Valley Courier"><meta property="og:site_name" content="Valley Courier"><h1>Road closed</h1>`,
			"Road closed", "", "", "Valley Courier"},
	}
	for _, c := range cases {
		a := metaOf(t, c.page, "")
		date := ""
		if !a.Date.IsZero() {
			date = a.Date.Format("2006-01-02")
		}
		if a.Title != c.title || date != c.date || strings.Join(a.Authors, "; ") != c.authors || a.Source != c.source {
			t.Errorf("%s:\n got title %q date %q authors %q source %q\nwant title %q date %q authors %q source %q",
				c.name, a.Title, date, strings.Join(a.Authors, "; "), a.Source, c.title, c.date, c.authors, c.source)
		}
	}
}

// TestBylineNames: visible bylines in several languages, with the bar's
// other items cut off.
func TestBylineNames(t *testing.T) {
	for in, want := range map[string]string{
		"By Jane Roe and John Doe | March 3, 2021": "Jane Roe; John Doe",
		"Von Lea Sommer und Max Kern, 12.03.2021":  "Lea Sommer; Max Kern",
		"Par Claire Dumas le 4 mai 2020":           "Claire Dumas",
		"Veröffentlicht vonIda Kron":               "Ida Kron",
		"Perry Lane Jr.":                           "Perry Lane Jr.",
		"Posted":                                   "",
		"freeman1984":                              "freeman1984",
		"this is a sentence about something else":  "",
		// a colon after the word, other languages' words, a stamp cut short
		"Von: Tilo Brandt":                   "Tilo Brandt",
		"Publicado por Inés Carrera":         "Inés Carrera",
		"责任编辑：王小明":                           "王小明",
		"Mira Olsen Feb 12, 2023":            "Mira Olsen",
		"Arne Vik Last updated 3 May":        "Arne Vik",
		"Sara Lind Actualizado el 2 de mayo": "Sara Lind",
		"Tom Harker //":                      "Tom Harker",
		"Dana Wells Staff Writer":            "Dana Wells",
		"Jon Eide May":                       "Jon Eide",
		"Brian May":                          "Brian May",
	} {
		if got := strings.Join(bylineNames(in), "; "); got != want {
			t.Errorf("bylineNames(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMoreByIsNoName: the link to an author's other articles beside the
// byline names no second author.
func TestMoreByIsNoName(t *testing.T) {
	page := `<title>Harbour ferry fares rise</title><h1>Harbour ferry fares rise</h1>` +
		`<a rel="author" href="/staff/lr">Lena Ritter</a> <a rel="author" href="/staff/lr">More by Lena Ritter</a>`
	if got := strings.Join(metaOf(t, page, "").Authors, "; "); got != "Lena Ritter" {
		t.Errorf("authors %q, want Lena Ritter", got)
	}
}

// TestEntrySourceAndLang: an entry with a source URL always credits
// someone; lang is a valid tag the text agrees with.
func TestEntrySourceAndLang(t *testing.T) {
	cfg, _ := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	es := "El ayuntamiento de la ciudad aprobó el plan para la nueva biblioteca, que se abrirá en el verano. Los vecinos pidieron más horas de apertura y el alcalde dijo que se estudiará con el presupuesto del año que viene."
	for _, c := range []struct{ lang, text, src, wantLang, wantSource string }{
		{"en", es, "https://www.valleycourier.example/a", "es", "valleycourier.example"},
		{"lang=", "The council approved the plan for the new library, which will open in the summer, and the mayor said that more hours would be studied.", "", "", ""},
		{"pt-BR", "A prefeitura aprovou o plano da nova biblioteca, que será aberta no verão. Os moradores pediram mais horas e o prefeito disse que a proposta será estudada com o orçamento do ano que vem, para os bairros da cidade.", "", "pt", ""},
	} {
		a := Article{Title: "T", Lang: c.lang, Paras: []string{c.text}, SourceURL: c.src}
		d := MakeEntry(&a, EntryOptions{Config: cfg, Now: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)})
		if d.FM.Lang != c.wantLang || d.FM.Source != c.wantSource {
			t.Errorf("lang %q src %q: got lang %q source %q, want %q %q", c.lang, c.src, d.FM.Lang, d.FM.Source, c.wantLang, c.wantSource)
		}
	}
}

// TestDeclaredTopics: declared sections map onto the site's topics by
// slug, name, short form or keyword, before the classifier is asked.
func TestDeclaredTopics(t *testing.T) {
	c := NewClassifier(map[string]content.Topic{
		"technology": {Name: "Technology", Keywords: []string{"software"}},
		"economy":    {Name: "Economy", Keywords: []string{"jobs", "inflation"}},
		"world-news": {Name: "World"},
		"digital":    {Name: "Digital life"},
	})
	for _, x := range []struct {
		topics, tags []string
		want         []string
	}{
		{[]string{"Tech"}, nil, []string{"technology"}},
		{[]string{"World News"}, nil, []string{"world-news"}},
		{[]string{"Lifestyle"}, []string{"apple", "software"}, []string{"technology"}},
		{[]string{"Economy"}, []string{"software"}, []string{"economy"}},
		{[]string{"Business"}, nil, []string{"economy"}},
		{[]string{"Wirtschaft"}, nil, []string{"economy"}},
		{[]string{"International"}, nil, []string{"world-news"}},
		{[]string{"Digital"}, nil, []string{"digital"}}, // its own topic, not technology's desk
	} {
		a := Article{Title: "Jobs and inflation", Topics: x.topics, Tags: x.tags, Paras: []string{"Jobs and inflation rose."}}
		if got := c.SuggestFor(&a); !slices.Equal(got, x.want) {
			t.Errorf("SuggestFor(%v, %v) = %v, want %v", x.topics, x.tags, got, x.want)
		}
	}
	// Declaring nothing, a page's address may name its desk.
	for src, want := range map[string][]string{
		"https://paper.example/2016/07/30/business/deals/port-sale.html": {"economy"},
		"https://paper.example/tech/2021/port-app":                       {"technology"},
		"https://paper.example/2016/07/30/port-sale.html":                {"economy"}, // the classifier: jobs, inflation
	} {
		a := Article{Title: "Jobs and inflation", SourceURL: src, Paras: []string{"Jobs and inflation rose."}}
		if got := c.SuggestFor(&a); !slices.Equal(got, want) {
			t.Errorf("SuggestFor(%s) = %v, want %v", src, got, want)
		}
	}
}

func TestChooseSummary(t *testing.T) {
	for _, c := range []struct {
		descs []string
		want  string
	}{
		{[]string{"The ferry runs again.", "", ""}, "The ferry runs again."},
		{[]string{"", "Crews accepted the offer.", "Other words."}, "Crews accepted the offer."},
		{[]string{"nothing stops it now.", "We rode the new ferry on its first day, and nothing stops it now."}, "We rode the new ferry on its first day, and nothing stops it now."},
		{[]string{"The ferry runs again.", "The council met on Tuesday to discuss the budget."}, "The ferry runs again."},
	} {
		if got := chooseSummary(c.descs...); got != c.want {
			t.Errorf("chooseSummary(%q) = %q, want %q", c.descs, got, c.want)
		}
	}
}
