package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

// The repository publishes its sample with the very workflow init writes.
func TestWorkflowIsTheRepositorys(t *testing.T) {
	repo, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(WorkflowPath)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(repo, Workflow) {
		t.Fatalf("%s differs from generator/scaffold/files/pages.yml: copy it over", WorkflowPath)
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "morning-wire")
	now := time.Date(2026, 11, 18, 9, 30, 0, 0, time.UTC)
	theme := fstest.MapFS{"templates/base.html": {Data: []byte("base")}, "static/css/site.css": {Data: []byte("css")}}
	written, err := Init(dir, Options{Now: now, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"digest.yaml", ".gitignore", WorkflowPath, "templates/base.html", "static/css/site.css",
		"content/2026/11/18/welcome-to-morning-wire.md"}
	if strings.Join(written, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %q, want %q", written, want)
	}
	cfg, entries, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "Morning Wire" || cfg.BaseURL != "https://example.github.io/morning-wire/" || len(entries) != 1 {
		t.Errorf("title %q, base %q, %d entries", cfg.Title, cfg.BaseURL, len(entries))
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, p := range []string{"public/", ".digest-cache/"} {
		if !bytes.Contains(ignore, []byte(p+"\n")) {
			t.Errorf(".gitignore lacks %s", p)
		}
	}
	if _, err := Init(dir, Options{}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("init of a non-empty folder: %v, want a refusal", err)
	}
}

func TestInitWithoutTheme(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir, Options{Title: `The "Quoted": Wire`}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"templates", "static"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s/ written without a theme", name)
		}
	}
	cfg, err := content.LoadConfig(os.DirFS(dir))
	if err != nil || cfg.Title != `The "Quoted": Wire` {
		t.Fatalf("config %v, %v", cfg, err)
	}
}

func newSite(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, content.ConfigFile), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const tokyo = "title: T\nbase_url: https://example.org/news/\ntimezone: Asia/Tokyo\nauthor: The desk\ntopics:\n  economy: {name: Economy}\n  world: {name: World}\n"

func TestNew(t *testing.T) {
	dir := newSite(t, tokyo)
	now := time.Date(2026, 11, 18, 23, 30, 0, 0, time.UTC) // already the 19th in Tokyo
	tests := []struct{ title, want string }{
		{"Crème brûlée: prices up 12%", "content/2026/11/19/creme-brulee-prices-up-12-percent.md"},
		{"Crème brûlée: prices up 12%", "content/2026/11/19/creme-brulee-prices-up-12-percent-2.md"},
		{"Crème Brûlée, prices up 12 %", "content/2026/11/19/creme-brulee-prices-up-12-percent-3.md"},
		{"!!!", "content/2026/11/19/article.md"},
	}
	for _, tt := range tests {
		name, err := New(dir, Entry{Title: tt.title, Topics: []string{"economy", "world"}, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := filepath.Rel(dir, name); filepath.ToSlash(got) != tt.want {
			t.Errorf("New(%q) = %s, want %s", tt.title, got, tt.want)
		}
	}
	cfg, entries, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	e := entries[len(entries)-1]
	if e.FrontMatter.Date != "2026-11-19 08:30" || strings.Join(e.Topics, ",") != "economy,world" ||
		strings.Join(e.Authors, ",") != "The desk" {
		t.Errorf("front matter %+v", e.FrontMatter)
	}
	// The minted id is the one a build derives for an entry without id.
	minted := map[string]string{}
	for _, e := range entries {
		minted[e.Slug], e.ID = e.ID, ""
	}
	if n := len(site.New(cfg, entries, site.Options{Now: now.Add(time.Hour)}).Articles); n != 0 {
		t.Errorf("a build without --drafts publishes %d of the entries New wrote; they are drafts", n)
	}
	for _, a := range site.New(cfg, entries, site.Options{Now: now.Add(time.Hour), Drafts: true}).Articles {
		if minted[a.Entry.Slug] != a.ID {
			t.Errorf("%s: New minted %s, the build derives %s", a.Entry.Slug, minted[a.Entry.Slug], a.ID)
		}
	}
}

func TestNewErrors(t *testing.T) {
	dir := newSite(t, tokyo)
	if _, err := New(dir, Entry{Title: "x", Topics: []string{"sport"}}); err == nil || !strings.Contains(err.Error(), "unknown topic") {
		t.Errorf("unknown topic: %v", err)
	}
	if _, err := New(dir, Entry{Title: "  "}); err == nil {
		t.Error("empty title accepted")
	}
	if _, err := New(t.TempDir(), Entry{Title: "x"}); err == nil {
		t.Error("a folder without digest.yaml accepted")
	}
	open := newSite(t, "title: T\nbase_url: https://example.org/\n")
	if _, err := New(open, Entry{Title: "x", Topics: []string{"any-topic"}}); err != nil {
		t.Errorf("undeclared topics are free when none are declared: %v", err)
	}
}

func TestUniqueSlug(t *testing.T) {
	long := strings.Repeat("abcdefghi-", 8) // 80 bytes with the last hyphen
	long = strings.TrimSuffix(long, "-")
	taken := map[string]bool{long: true}
	got := uniqueSlug(long, taken)
	if len(got) > maxSlug || !strings.HasSuffix(got, "-2") || taken[got] {
		t.Errorf("uniqueSlug = %q (%d bytes)", got, len(got))
	}
	if got := uniqueSlug("a", map[string]bool{"a": true, "a-2": true}); got != "a-3" {
		t.Errorf("uniqueSlug = %q, want a-3", got)
	}
}
