package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// want is what a sample must yield; Paras counts body paragraphs and First
// and Last are the body's first and last words.
type want struct {
	Title, Date, Dateline, Source string
	Authors, Editors              []string
	Caption, Credit               string
	Paras                         int
	First, Last                   string
}

func TestCleanTextLayouts(t *testing.T) {
	tests := map[string]want{
		"reuters": {Title: "Harbour city votes to rebuild its old grain pier - officials", Date: "2021-03-03 07:15",
			Dateline: "VALMORA", Source: "Reuters", Authors: []string{"Lena Brandt", "Omar Haddad"}, Editors: []string{"Paul Mercer", "Rita Okafor"},
			Caption: "Workers walk along the disused grain pier in the port of Valmora, February 12, 2021.", Credit: "REUTERS/Anna Keller",
			Paras: 3, First: "The council of the port city", Last: "within twenty years."},
		"ap": {Title: "Rural libraries turn to solar panels as power costs climb", Date: "2022-06-09 16:02",
			Dateline: "DUNMORE, Iowa", Source: "AP", Authors: []string{"JANE WHITFIELD"},
			Caption: "A librarian adjusts a solar panel on the roof of the public library in Dunmore, Iowa, on Tuesday, June 7, 2022.", Credit: "AP Photo/Carl Benson",
			Paras: 4, First: "Small-town libraries", Last: "regional library association."},
		"afp": {Title: "Mountain villages ration water as glacier shrinks", Date: "2023-08-14 10:30",
			Dateline: "PARIS", Source: "AFP", Paras: 4, First: "Villages high in the Alps", Last: "hours of the day."},
		"bbc": {Title: "Town trials four-day week for council staff", Date: "2024-01-12 00:00",
			Caption: "Council offices in the town centre will close on Fridays during the trial",
			Paras:   4, First: "A town council", Last: "for themselves."},
		"guardian": {Title: "Opera house to reopen after ten-year restoration", Date: "2024-02-05 18:45",
			Authors: []string{"Tom Ashworth"}, Caption: "The restored auditorium seen from the upper gallery.", Credit: "Maria Lopes/The Guardian",
			Paras: 4, First: "An opera house gutted", Last: "on Monday morning."},
	}
	for name, w := range tests {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "raw", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			check(t, CleanText(string(data), time.UTC), w)
		})
	}
}

func check(t *testing.T, a Article, w want) {
	t.Helper()
	got := want{Title: a.Title, Date: a.Date.Format(DateLayout), Dateline: a.Dateline, Source: a.Source,
		Authors: a.Authors, Editors: a.Editors, Caption: a.Image.Caption, Credit: a.Image.Credit, Paras: len(a.Paras)}
	if len(a.Paras) > 0 {
		if strings.HasPrefix(a.Paras[0], w.First) {
			got.First = w.First
		} else {
			got.First = a.Paras[0]
		}
		if last := a.Paras[len(a.Paras)-1]; strings.HasSuffix(last, w.Last) {
			got.Last = w.Last
		} else {
			got.Last = last
		}
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("got  %+v\nwant %+v\nbody:\n%s", got, w, a.Body())
	}
}

// TestSeed checks the contract's example, field by field.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_7e1fb908fac5b00a.txt"))
	if err != nil {
		t.Skip("no ../shared/seeds beside the repository")
	}
	a := CleanText(string(data), time.UTC)
	check(t, a, want{Title: "Obama to confront China's Xi on cyber spying - U.S. officials", Date: "2014-11-04 20:39",
		Dateline: "WASHINGTON", Source: "Reuters", Authors: []string{"Matt Spetalnick"}, Editors: []string{"Doina Chiacu", "Jim Loney"},
		Caption: a.Image.Caption, Credit: "REUTERS/Jorge Silva", Paras: 8, First: "U.S. President Barack Obama", Last: "constructively manage differences."})
	if !strings.HasPrefix(a.Image.Caption, "China's President Xi Jinping attends a meeting") || !strings.HasSuffix(a.Image.Caption, "July 20, 2014.") {
		t.Errorf("caption %q", a.Image.Caption)
	}
}

func TestCleanTextWrapped(t *testing.T) {
	raw := "Ferry fares to rise in spring\n\nThe island ferry company said on Friday that fares would rise by six per\ncent from April, blaming the cost of fuel and of the new harbour dues that\nthe port authority introduced last year.\n\nPassengers' groups said the rise was the third in two years and asked the\nregional government to step in before the summer season began in earnest.\n"
	a := CleanText(raw, time.UTC)
	if len(a.Paras) != 2 || !strings.Contains(a.Paras[0], "six per cent from April") {
		t.Fatalf("wrapped lines not joined: %q", a.Paras)
	}
	if a.Title != "Ferry fares to rise in spring" {
		t.Errorf("title %q", a.Title)
	}
}

func TestCutDateline(t *testing.T) {
	for in, want := range map[string][2]string{
		"WASHINGTON (Reuters) - The rest of the sentence goes on here.":        {"WASHINGTON", "Reuters"},
		"LONDON, March 3 - The rest of the sentence goes on here for a while.": {"LONDON", ""},
		"NEW YORK (AP) — The rest of the sentence goes on here for a while.":   {"NEW YORK", "AP"},
		"The rest of the sentence - with a dash - is not a dateline at all.":   {"", ""},
	} {
		_, place, agency := cutDateline(in)
		if place != want[0] || agency != want[1] {
			t.Errorf("%q: got %q %q, want %q", in, place, agency, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Obama to confront China's Xi on cyber spying - U.S. officials": "obama-to-confront-chinas-xi-on-cyber-spying-u-s-officials",
		"Zürich: Straße & Café öffnen":                                  "zurich-strasse-and-cafe-offnen",
		"":                                                              "article",
		"日本語":                                                           "article",
		strings.Repeat("word ", 40):                                     "word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		if len(Slug(in)) > maxSlug {
			t.Errorf("Slug(%q) too long", in)
		}
	}
}

func TestSummarize(t *testing.T) {
	p := "U.S. officials met on Tuesday. Mr. Smith said the talks went well. " + strings.Repeat("More words follow here. ", 20)
	got := Summarize([]string{p})
	if !strings.HasPrefix(got, "U.S. officials met on Tuesday. Mr. Smith said the talks went well.") || len(got) > maxSummary || !strings.HasSuffix(got, ".") {
		t.Errorf("summary %q", got)
	}
}

// TestWireRules: a wire story's dateline opens its body even in ordinary
// case and before a lead of names and figures, and its credit line closes
// it, whatever the page prints after.
func TestWireRules(t *testing.T) {
	body := "\n\nThe river rose two metres overnight and the town closed three of its bridges, officials said on Monday.\n\n" +
		"Residents of the lower streets were asked to move their cars to higher ground before the evening.\n\n" +
		"The weather service expects the water to fall again by Wednesday if the rain stops as forecast.\n\n"
	for name, c := range map[string]struct{ raw, dateline, first, last string }{
		"a place in ordinary case": {
			raw:      "Town closes bridges as river rises\n\nKansas City (Reuters) - Flood warnings went up along the river as the water kept rising on Monday." + body,
			dateline: "Kansas City", first: "Flood warnings", last: "as forecast."},
		"a place in ordinary case, and the day": {
			raw:      "Town closes bridges as river rises\n\nKansas City, March 3 (Reuters) - Flood warnings went up along the river as the water kept rising on Monday." + body,
			dateline: "Kansas City", first: "Flood warnings", last: "as forecast."},
		"a lead of names and figures": {
			raw:      "Valmora Bank issues bond\n\nLONDON (Reuters) - Valmora Bank Plc is issuing a 50 mln stg bond due 2031, lead manager Harbour Capital said." + body,
			dateline: "LONDON", first: "Valmora Bank Plc", last: "as forecast."},
		"a box of related links further down": {
			raw: "Town closes bridges as river rises\n\nVALMORA (Reuters) - Flood warnings went up along the river as the water kept rising on Monday." + body +
				"Related Coverage\n\n  • Dam inspections ordered\n  • Rail line closed by landslide\n\n" +
				"The town council meets again on Thursday to decide whether the schools stay closed.\n\n" +
				"Reporting by Ann Lee; Editing by Tom Roe\n\nOur principles: how we report and correct what we publish.\n",
			dateline: "VALMORA", first: "Flood warnings", last: "stay closed."},
		"a box of related links after the lead": {
			raw: "Town closes bridges as river rises\n\nVALMORA (Reuters) - Flood warnings went up along the river as the water kept rising on Monday." +
				"\n\nRelated Coverage\n\n  • Dam inspections ordered\n  • Rail line closed by landslide" + body + "Reporting by Ann Lee; Editing by Tom Roe\n",
			dateline: "VALMORA", first: "Flood warnings", last: "as forecast."},
		"furniture after the credits": {
			raw: "Town closes bridges as river rises\n\nVALMORA (Reuters) - Flood warnings went up along the river as the water kept rising on Monday." + body +
				"Reporting by Ann Lee; Editing by Tom Roe\n\nOur principles: how we report and correct what we publish.\n\nPrices are delayed by at least fifteen minutes, as the exchanges require.\n",
			dateline: "VALMORA", first: "Flood warnings", last: "as forecast."},
	} {
		a := CleanText(c.raw, time.UTC)
		if a.Dateline != c.dateline || len(a.Paras) == 0 || !strings.HasPrefix(a.Paras[0], c.first) || !strings.HasSuffix(a.Paras[len(a.Paras)-1], c.last) {
			t.Errorf("%s: dateline %q, body:\n%s", name, a.Dateline, a.Body())
		}
	}
}
