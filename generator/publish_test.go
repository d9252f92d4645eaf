package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/check"
)

// TestInitNewCheck is the editor's first hour: init a site, add three entries
// with new, check it, build it.
func TestInitNewCheck(t *testing.T) {
	for _, theme := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "harbour-news")
		if _, err := Init(InitOptions{Dir: dir, Theme: theme}); err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, title := range []string{"Rates hold at 4%", "Rates hold at 4%", "Ferry strike ends"} {
			p, err := New(NewOptions{Site: dir, Title: title, Topics: []string{"economy"}})
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, filepath.Base(p))
			publishDraft(t, p)
			write(t, p, "summary: One line on why it matters.\ntitle:", "The editor's paragraph, with [the welcome](/"+
				time.Now().In(time.UTC).Format("2006/01/02")+"/welcome-to-harbour-news/).\n")
		}
		if want := "rates-hold-at-4-percent.md rates-hold-at-4-percent-2.md ferry-strike-ends.md"; strings.Join(paths, " ") != want {
			t.Errorf("new wrote %v, want %s", paths, want)
		}
		findings, err := Check(CheckOptions{Site: dir})
		if err != nil {
			t.Fatal(err)
		}
		var placeholders []string
		for _, f := range findings {
			if f.Severity == "warning" && strings.Contains(f.Message, "placeholder digest init wrote") {
				placeholders = append(placeholders, fmt.Sprintf("%s:%d", f.File, f.Line))
				continue
			}
			t.Errorf("theme %v: digest check of a new site finds %v", theme, f)
		}
		if want := "digest.yaml:7 digest.yaml:15"; strings.Join(placeholders, " ") != want {
			t.Errorf("check warns of init's placeholder host at %v, want %s", placeholders, want)
		}
		res, err := Build(BuildOptions{Site: dir})
		if err != nil {
			t.Fatal(err)
		}
		if res.Articles != 4 {
			t.Errorf("built %d articles, want the welcome entry and 3 new ones", res.Articles)
		}
	}
}

// TestCheckReportsErrors: one bad entry and one broken link fail the check
// without building.
func TestCheckReportsErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if _, err := Init(InitOptions{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	p, err := New(NewOptions{Site: dir, Title: "Broken"})
	if err != nil {
		t.Fatal(err)
	}
	write(t, p, "colour: red\ntitle:", "[x](/2001/01/01/x/)\n")
	findings, err := Check(CheckOptions{Site: dir})
	if err != nil {
		t.Fatal(err)
	}
	if check.Errors(findings) != 1 || !strings.Contains(findings[0].Message, "colour") {
		t.Errorf("findings %v, want the unknown key", findings)
	}
}

// write edits an entry as an editor would: front matter before its title, a body.
func write(t *testing.T, name, title, body string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	data = append(bytes.Replace(data, []byte("title:"), []byte(title), 1), "\n"+body...)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// feedIDs lists the item ids of every RSS and Atom feed of an output, sorted.
// The Atom feed's own id is its address, which moves with base_url: skipped.
func feedIDs(t *testing.T, out string) string {
	t.Helper()
	var ids []string
	for name, data := range readTree(t, out) {
		if check.IsFeed(name) {
			for _, tag := range []string{"guid", "id"} {
				for _, part := range strings.Split(string(data), "<"+tag)[1:] {
					_, rest, _ := strings.Cut(part, ">")
					id, _, _ := strings.Cut(rest, "<")
					// The feed's own id is its address (an archive's, its live feed's), which a move changes.
					if !strings.HasSuffix(id, name) && !(strings.HasPrefix(id, "http") && strings.HasSuffix(id, path.Base(name))) {
						ids = append(ids, name+" "+id)
					}
				}
			}
		}
	}
	if len(ids) == 0 {
		t.Fatal("no feed ids")
	}
	sort.Strings(ids)
	return strings.Join(ids, "\n")
}

// TestIDsSurviveBaseURL: with id_authority (the sample sets it), moving the
// site to another address keeps every feed id, and the build that moves it
// warns of none vanished.
func TestIDsSurviveBaseURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := build(t, BuildOptions{Site: sampleSite, Out: out, BaseURL: "https://example.github.io/digest/"})
	a := feedIDs(t, first)
	var log bytes.Buffer
	build(t, BuildOptions{Site: sampleSite, Out: out, BaseURL: "https://news.example.org/", Log: &log})
	if b := feedIDs(t, out); a != b {
		t.Errorf("feed ids changed with base_url:\n%s\n---\n%s", a, b)
	}
	if strings.Contains(log.String(), "id ") {
		t.Errorf("ids vanished after a move:\n%s", log.String())
	}
}

// TestBuildWarnsOfVanishedIDs: an entry that disappears from a feed it was in
// draws a warning from the build that publishes the feed without it.
func TestBuildWarnsOfVanishedIDs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if _, err := Init(InitOptions{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	gone, err := New(NewOptions{Site: dir, Title: "Soon gone", Topics: []string{"news"}})
	if err != nil {
		t.Fatal(err)
	}
	publishDraft(t, gone)
	out := build(t, BuildOptions{Site: dir})
	os.Remove(gone)
	var log bytes.Buffer
	build(t, BuildOptions{Site: dir, Out: out, Log: &log})
	for _, feed := range []string{"feed.xml", "atom.xml", "topics/news/feed.xml"} {
		if !strings.Contains(log.String(), "public/"+feed+": warning: id tag:example.github.io,") {
			t.Errorf("no warning for %s in:\n%s", feed, log.String())
		}
	}
}

// TestInvalidFeedsAreRefused: findings of severity error become the error
// that stops a build from publishing.
func TestInvalidFeedsAreRefused(t *testing.T) {
	next := map[string][]byte{"feed.xml": []byte(`<rss version="2.0"><channel><title>T</title></channel></rss>`)}
	err := reportFindings(t.TempDir(), check.Output(next, "https://example.org/"), nil)
	if err == nil || !strings.Contains(err.Error(), "channel lacks link") {
		t.Errorf("reportFindings = %v, want the missing link", err)
	}
}

// publishDraft takes the draft mark off an entry that digest new wrote.
func publishDraft(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^draft: true\n`).ReplaceAll(data, nil)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
