package content

import (
	"strings"
	"testing"
	"time"
)

func testConfig(t *testing.T, topics bool) *Config {
	t.Helper()
	src := "title: T\nbase_url: https://example.org/\ntimezone: Europe/London\n"
	if topics {
		src += "topics:\n  economy:\n    name: Economy\n  world: {}\n"
	}
	cfg, err := ParseConfig([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestParseEntryErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing title", "---\ndate: 2026-11-18\n---\nBody\n", "e.md:2: title is missing"},
		{"missing date", "---\ntitle: A\n---\n", "e.md:2: date is missing"},
		{"bad date", "---\ntitle: A\ndate: 18/11/2026\n---\n", `e.md:3: date "18/11/2026" is not a date`},
		{"bad updated", "---\ntitle: A\ndate: 2026-11-18\nupdated: soon\n---\n", `e.md:4: updated "soon" is not a date`},
		{"unknown key", "---\ntitle: A\ndate: 2026-11-18\ncolour: red\n---\n", "e.md:4:"},
		{"wrong type", "---\ntitle: A\ndate: 2026-11-18\ntopics: economy\n---\n", "e.md:4:"},
		{"unknown topic", "---\ntitle: A\ndate: 2026-11-18\ntopics: [sport]\n---\n", "e.md:4: unknown topic sport; use one of: economy, world"},
		{"topic twice", "---\ntitle: A\ndate: 2026-11-18\ntopics: [economy, world, economy]\n---\n", "e.md:4: topic economy is listed twice"},
		{"no front matter", "Just text\n", "e.md:1: no front matter"},
		{"unclosed", "---\ntitle: A\n", "e.md:1: front matter is not closed"},
		{"bad yaml", "---\ntitle: [A\ndate: 2026-11-18\n---\n", "e.md:"},
		{"empty image", "---\ntitle: A\ndate: 2026-11-18\nimage: {}\n---\n", "e.md:4: image is empty"},
		{"bad slug", "---\ntitle: A\ndate: 2026-11-18\nslug: Not A Slug\n---\n", "e.md:4: slug Not A Slug is not a slug"},
	}
	cfg := testConfig(t, true)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEntry("e.md", []byte(tt.src), cfg)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "; ") {
				t.Errorf("error %q gives no advice", err)
			}
		})
	}
}

func TestUndeclaredTopicsAllowedWithoutList(t *testing.T) {
	_, err := ParseEntry("e.md", []byte("---\ntitle: A\ndate: 2026-11-18\ntopics: [sport]\n---\n"), testConfig(t, false))
	if err != nil {
		t.Fatal(err)
	}
}

func TestParseDate(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	tests := []struct{ in, want string }{
		{"2026-11-18", "2026-11-18T00:00:00Z"},
		{"2026-07-18 07:30", "2026-07-18T07:30:00+01:00"},
		{"2026-07-18T07:30:00", "2026-07-18T07:30:00+01:00"},
		{"2026-11-19T14:05:00+01:00", "2026-11-19T13:05:00Z"},
		{"2026-11-19T14:05:00Z", "2026-11-19T14:05:00Z"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, london)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got.Format(time.RFC3339) != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got.Format(time.RFC3339), tt.want)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	cfg := testConfig(t, true)
	fm := FrontMatter{Title: "Rates: held, again", Date: "2026-11-18 07:30", Topics: []string{"economy"},
		Authors: []string{"A. Writer"}, Image: &Image{URL: "https://img.example/a.jpg", Caption: "A quay.\nAt dawn", Credit: "Photo: B"},
		Note: "Why it *matters*.", ID: "tag:example.org,2026-11-18:rates"}
	data, err := Format(fm, []byte("First paragraph.\n\nSecond.\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := ParseEntry("content/2026/11/18/rates.md", data, cfg)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if e.Title != fm.Title || e.Image.Caption != fm.Image.Caption || e.Note != fm.Note || e.Slug != "rates" {
		t.Errorf("round trip changed the entry:\n%s", data)
	}
	if string(e.Body) != "\nFirst paragraph.\n\nSecond.\n" {
		t.Errorf("body %q", e.Body)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"base_url: https://x.org/\n", "digest.yaml:1: title is missing"},
		{"title: T\n", "digest.yaml:1: base_url is missing"},
		{"title: T\nbase_url: x.org\n", "digest.yaml:2: base_url x.org is not an absolute"},
		{"title: T\nbase_url: https://x.org/\ntimezone: Mars/Base\n", "digest.yaml:3: unknown timezone"},
		{"title: T\nbase_url: https://x.org/\nthemes: dark\n", "digest.yaml:3:"},
	}
	for _, tt := range tests {
		_, err := ParseConfig([]byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseConfig(%q) = %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}

func TestTagID(t *testing.T) {
	tests := []struct{ config, want string }{
		{"title: T\nbase_url: https://user.github.io:8443/repo/\n", "tag:user.github.io,2026-11-18:rates"},
		{"title: T\nbase_url: https://user.github.io/repo/\nid_authority: example.org\n", "tag:example.org,2026-11-18:rates"},
	}
	for _, tt := range tests {
		cfg, err := ParseConfig([]byte(tt.config))
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.TagID("2026-11-18", "rates"); got != tt.want {
			t.Errorf("TagID = %q, want %q", got, tt.want)
		}
	}
	if _, err := ParseConfig([]byte("title: T\nbase_url: https://x.org/\nid_authority: x.org,2026\n")); err == nil || !strings.HasPrefix(err.Error(), "digest.yaml:3: id_authority") {
		t.Errorf("a dated authority: %v", err)
	}
}
