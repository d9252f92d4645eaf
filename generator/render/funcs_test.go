package render

import (
	"testing"
	"time"
)

func TestJoinNames(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A and B"},
		{[]string{"A", "B", "C"}, "A, B and C"},
	}
	for _, tt := range tests {
		if got := Funcs()["join"].(func([]string) string)(tt.in); got != tt.want {
			t.Errorf("joinNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 11, 18, 9, 5, 0, 0, time.FixedZone("", 3600))
	if got := Funcs()["date"].(func(time.Time) string)(d); got != "Wednesday 18 November 2026" {
		t.Errorf("longDate = %q", got)
	}
	if got := iso(d); got != "2026-11-18T09:05:00+01:00" {
		t.Errorf("iso = %q", got)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 articles", 1: "1 article", 2: "2 articles"} {
		if got := plural(n, "article", "articles"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAbs(t *testing.T) {
	s := testSite(t)
	tests := []struct{ in, want string }{
		{"/repo/", "https://example.org/repo/"},
		{"/repo/2026/11/", "https://example.org/repo/2026/11/"},
		{"https://img.example/a.jpg", "https://img.example/a.jpg"},
		{"images/a.jpg", "https://example.org/repo/images/a.jpg"},
	}
	for _, tt := range tests {
		if got := absURL(s, tt.in); got != tt.want {
			t.Errorf("abs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
