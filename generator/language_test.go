package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/digest-news/digest/generator/locale"
)

// TestSampleInFrenchAndGerman builds the sample digest with language fr and
// de and finds no text of the English table in any page: not in the text,
// not in the attributes a reader meets (aria-label, alt, title, the search
// and copy scripts' texts), not in dates. The sample's entries and
// settings are English; their own words are left out of the search.
func TestSampleInFrenchAndGerman(t *testing.T) {
	english := locale.English
	for _, lang := range []string{"fr", "de"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			cfg, err := os.ReadFile(filepath.Join(sampleSite, "digest.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			cfg = regexp.MustCompile(`(?m)^language: en`).ReplaceAll(cfg, []byte("language: "+lang))
			if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), cfg, 0o644); err != nil {
				t.Fatal(err)
			}
			copyTree(t, filepath.Join(sampleSite, "content"), filepath.Join(dir, "content"))
			tree := readTree(t, build(t, BuildOptions{Site: dir, Now: fixtureNow.AddDate(2, 0, 0)}))
			table := locale.New(lang, nil)
			texts, dates := englishPatterns(english, table)
			s, err := Load(dir, "", siteOptions(BuildOptions{Now: fixtureNow.AddDate(2, 0, 0)}))
			if err != nil {
				t.Fatal(err)
			}
			own := map[string]bool{s.Config.Title: true, s.Config.Description: true}
			for _, tp := range s.Topics {
				own[tp.Name], own[tp.Description] = true, true
			}
			pages := 0
			for name, data := range tree {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				pages++
				for _, text := range readerTexts(t, data, own) {
					patterns := texts
					if text.date {
						patterns = append(patterns[:len(patterns):len(patterns)], dates...)
					}
					for _, p := range patterns {
						if p.MatchString(text.s) {
							t.Errorf("%s: %q is English (%s)", name, text.s, p)
						}
					}
				}
			}
			if pages < 40 {
				t.Fatalf("only %d pages", pages)
			}
			if home := string(tree["index.html"]); !strings.Contains(home, table.Text("latest_edition")) {
				t.Errorf("the home page does not say %q", table.Text("latest_edition"))
			}
		})
	}
}

// englishPatterns match the English texts that the other table words
// differently, their placeholders standing for any words ({1}) or number
// ({n}); their literal words must make four letters or more. Month and day
// names are matched on their own, in dates.
func englishPatterns(en, other *locale.Table) (texts, dates []*regexp.Regexp) {
	letters := regexp.MustCompile(`[^\pL]+`)
	for _, key := range locale.Keys() {
		if letters.ReplaceAllString(en.Text(key), "") == letters.ReplaceAllString(other.Text(key), "") ||
			strings.HasPrefix(key, "date_") || key == "day_first" {
			continue // the same words (a colon's spacing aside), or a layout
		}
		if key == "months" || key == "weekdays" || key == "months_short" {
			theirs := strings.Split(other.Text(key), "|")
			for i, n := range strings.Split(en.Text(key), "|") {
				if n != strings.TrimSuffix(theirs[i], ".") {
					dates = append(dates, regexp.MustCompile(`(^|[^\pL])`+regexp.QuoteMeta(n)+`($|[^\pL])`))
				}
			}
			continue
		}
		for _, alt := range strings.Split(en.Text(key), "|") {
			var b strings.Builder
			letters := 0
			for _, part := range regexp.MustCompile(`(\{[a-z0-9]+\})`).Split(alt, -1) {
				if b.Len() > 0 {
					b.WriteString(`.+?`)
				}
				letters += len(regexp.MustCompile(`\pL`).FindAllString(part, -1))
				b.WriteString(regexp.QuoteMeta(part))
			}
			if letters >= 4 {
				texts = append(texts, regexp.MustCompile(`(^|[^\pL])`+b.String()+`($|[^\pL])`))
			}
		}
	}
	return texts, dates
}

// readerTexts are a page's texts a reader meets, but for the entries' own
// words (bodies, titles, summaries, notes, captions, datelines, sources),
// which the sample writes in English, and the site's own (its title,
// description, topics' names and descriptions). Dates are kept wherever
// they are.
func readerTexts(t *testing.T, page []byte, own map[string]bool) []readerText {
	doc, err := html.ParseWithOptions(bytes.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatal(err)
	}
	drop := regexp.MustCompile(`\b(story__body|story__title|standfirst|card__title|card__summary|row|titles|related__list|byline__who|masthead__tagline|story__figure|dateline|meta)\b`)
	labelsOnly := regexp.MustCompile(`\b(note|card__note|prevnext)\b`)
	label := regexp.MustCompile(`\b(label|note__title)\b`)
	var list []readerText
	var walk func(n *html.Node, shown, labels, date bool)
	walk = func(n *html.Node, shown, labels, date bool) {
		if n.Type == html.ElementNode {
			class := ""
			for _, a := range n.Attr {
				if a.Key == "class" {
					class = a.Val
				}
			}
			switch {
			case drop.MatchString(class):
				shown = false
			case labelsOnly.MatchString(class):
				shown, labels = false, true
			case labels && label.MatchString(class):
				shown = true
			case n.Data == "a" && hasAttr(n, "rel", "external"):
				shown = false // the source's name
			}
			date = date || n.Data == "time"
			for _, a := range n.Attr {
				if shown && (a.Key == "aria-label" || a.Key == "alt" || a.Key == "title" || strings.HasPrefix(a.Key, "data-") && a.Key != "data-index") {
					list = append(list, readerText{s: a.Val})
				}
			}
			if n.Data == "title" && n.FirstChild != nil {
				list = append(list, readerText{s: n.FirstChild.Data})
				return
			}
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		if n.Type == html.TextNode && (shown || date) && !own[strings.TrimSpace(n.Data)] {
			list = append(list, readerText{s: n.Data, date: date})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, shown, labels, date)
		}
	}
	walk(doc, true, false, false)
	return list
}

func hasAttr(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// readerText is a text of a page, and whether it is a date.
type readerText struct {
	s    string
	date bool
}
