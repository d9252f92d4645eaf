package generator

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// frontFields are the front matter lines editFront sets or takes out, each
// shown somewhere else than the title: listings, bylines, the head's lang,
// feeds' authors and sources, the "also covered by" box.
var frontFields = []struct {
	re   *regexp.Regexp
	line func(n int) string
}{
	{regexp.MustCompile(`(?m)^draft: .*\n`), func(int) string { return "draft: true\n" }},
	{regexp.MustCompile(`(?m)^lang: .*\n`), func(n int) string { return "lang: " + []string{"fr", "de", "en"}[n%3] + "\n" }},
	{regexp.MustCompile(`(?m)^authors: .*\n`), func(n int) string { return fmt.Sprintf("authors: [Writer %d, Desk]\n", n) }},
	{regexp.MustCompile(`(?m)^source: .*\nsource_url: .*\n`), func(n int) string {
		return fmt.Sprintf("source: Wire %d\nsource_url: https://wire.example/%d\n", n, n)
	}},
	{regexp.MustCompile(`(?m)^also:\n(  - .*\n)*`), func(n int) string {
		return fmt.Sprintf("also:\n  - {source: Other Wire, source_url: \"https://other.example/%d\", title: Seen too %d}\n", n, n)
	}},
}

// editFront sets one of frontFields in an entry, or takes it out.
func (e *editor) editFront(list []string) (string, []string) {
	e.n++
	f := frontFields[e.rnd.IntN(len(frontFields))]
	rel := e.pick(list)
	data := e.read(rel)
	if f.re.MatchString(data) && e.rnd.IntN(2) == 0 {
		e.write(rel, f.re.ReplaceAllString(data, ""))
		return "unset field " + rel, []string{rel}
	}
	line := f.line(e.n)
	e.write(rel, strings.Replace(f.re.ReplaceAllString(data, ""), "\n", "\n"+line, 1))
	return "set " + strings.TrimSpace(line) + " in " + rel, []string{rel}
}

func (e *editor) exists(rel string) bool {
	_, err := os.Stat(e.path(rel))
	return err == nil
}

// editThemeFile takes a kind's file out of the site's theme, the built-in
// one then standing in, or puts it back as it was.
func (e *editor) editThemeFile() (string, []string) {
	kind := e.pick([]string{"day", "topic", "month", "search", "email.txt"})
	rel := "templates/" + kind
	if !strings.Contains(kind, ".") {
		rel += ".html"
	}
	aside := e.path(rel + ".aside")
	if _, err := os.Stat(aside); err == nil {
		if err := os.Rename(aside, e.path(rel)); err != nil {
			e.t.Fatal(err)
		}
		return "theme file back " + rel, []string{rel}
	}
	if err := os.Rename(e.path(rel), aside); err != nil {
		e.t.Fatal(err)
	}
	return "theme file out " + rel, []string{rel, rel + ".aside"}
}
