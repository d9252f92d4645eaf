package generator

import (
	"testing"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

func TestLinkResolvers(t *testing.T) {
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://user.github.io/repo/\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := content.ParseEntry("content/2026/11/18/a.md", []byte("---\ntitle: A\ndate: 2026-11-18\n---\n"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := site.New(cfg, []*content.Entry{e}, site.Options{Future: true})
	a := s.Articles[0]
	tests := []struct{ dest, page, feed string }{
		{"/2026/11/17/b/", "/repo/2026/11/17/b/", "https://user.github.io/repo/2026/11/17/b/"},
		{"../../17/b/", "/repo/2026/11/17/b/", "https://user.github.io/repo/2026/11/17/b/"},
		{"chart.png", "/repo/2026/11/18/a/chart.png", "https://user.github.io/repo/2026/11/18/a/chart.png"},
		{"#fn:1", "#fn:1", "https://user.github.io/repo/2026/11/18/a/#fn:1"},
		{"https://other.example/x?y=1", "https://other.example/x?y=1", "https://other.example/x?y=1"},
		{"mailto:desk@example.org", "mailto:desk@example.org", "mailto:desk@example.org"},
		{"//cdn.example/x.png", "//cdn.example/x.png", "//cdn.example/x.png"},
	}
	page, feed := pageLinks(s, a), feedLinks(s, a)
	for _, tt := range tests {
		if got := page(tt.dest); got != tt.page {
			t.Errorf("page(%q) = %q, want %q", tt.dest, got, tt.page)
		}
		if got := feed(tt.dest); got != tt.feed {
			t.Errorf("feed(%q) = %q, want %q", tt.dest, got, tt.feed)
		}
	}
}
