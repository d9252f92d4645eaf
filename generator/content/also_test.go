package content

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestAlso(t *testing.T) {
	cfg := testConfig(t, false)
	src := "---\ntitle: Ferry strike called off\ndate: 2026-11-18 09:00\nsource: Harbour Gazette\nsource_url: https://gazette.example/ferry\nalso:\n" +
		"  - source: Island Radio\n    source_url: https://radio.example/news/ferries\n    title: Ferry crews end walkout\n    date: 2026-11-18 11:20\n" +
		"  - {source: The Coast Weekly}\n---\nBody.\n"
	e, err := ParseEntry("e.md", []byte(src), cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []Also{{Source: "Island Radio", SourceURL: "https://radio.example/news/ferries", Title: "Ferry crews end walkout",
		Date: time.Date(2026, 11, 18, 11, 20, 0, 0, cfg.Location)}, {Source: "The Coast Weekly"}}
	if len(e.Also) != 2 || e.Also[0] != want[0] || e.Also[1] != want[1] {
		t.Errorf("also: %+v", e.Also)
	}
}

func TestAlsoErrors(t *testing.T) {
	cfg := testConfig(t, false)
	head := "---\ntitle: A\ndate: 2026-11-18 09:00\nsource_url: https://a.example/1\n"
	for _, tt := range []struct{ name, src, want string }{
		{"no source", head + "also:\n  - {source: B}\n  - {title: Untold}\n---\n", "e.md:7: also 2: source is missing"},
		{"bad url", head + "also:\n  - {source: B, source_url: \"javascript:alert(1)\"}\n---\n", `e.md:6: also 1: source_url "javascript:alert(1)" uses the scheme javascript:`},
		{"relative url", head + "also:\n  - {source: B, source_url: /local/path}\n---\n", "e.md:6: also 1: source_url \"/local/path\" is not an absolute URL"},
		{"entry's own url", head + "also:\n  - {source: B, source_url: \"https://a.example/1\"}\n---\n", "also 1: source_url is listed already, as the entry's own source_url"},
		{"twice", head + "also:\n  - {source: B, source_url: \"https://b.example/2\"}\n  - {source: C, source_url: \"https://b.example/2\"}\n---\n", "e.md:7: also 2: source_url is listed already, as also 1"},
		{"bad date", head + "also:\n  - {source: B, date: yesterday}\n---\n", `e.md:6: also 1: date "yesterday" is not a date`},
		{"unknown key", head + "also:\n  - {source: B, link: x}\n---\n", "e.md:6:"},
		{"not a list", head + "also: B\n---\n", "e.md:5:"},
	} {
		_, err := ParseEntry("e.md", []byte(tt.src), cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestWithAlso(t *testing.T) {
	cfg := testConfig(t, false)
	fm := FrontMatter{Title: "Ferry strike called off", Date: "2026-11-18 09:00", Source: "Harbour Gazette",
		SourceURL: "https://gazette.example/ferry", ID: "tag:example.org,2026-11-18:ferry"}
	body := []byte("The crews voted to return.\n")
	written, err := Format(fm, body)
	if err != nil {
		t.Fatal(err)
	}
	first := AlsoNote{Source: "Island Radio", SourceURL: "https://radio.example/ferries", Title: "Ferry crews end walkout: \"we won\"", Date: "2026-11-18 11:20"}
	second := AlsoNote{Source: "The Coast Weekly", Date: "2026-11-19"}
	got, err := WithAlso("e.md", written, first, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// A file ingest wrote comes out as Format writes the entry with the note.
	fm.Also = []AlsoNote{first}
	if want, _ := Format(fm, body); !bytes.Equal(got, want) {
		t.Errorf("one note:\n%s\nwant\n%s", got, want)
	}
	got, err = WithAlso("e.md", got, second, cfg)
	fm.Also = append(fm.Also, second)
	if want, _ := Format(fm, body); err != nil || !bytes.Equal(got, want) {
		t.Errorf("two notes (%v):\n%s\nwant\n%s", err, got, want)
	}
	// An editor's file keeps its own lines; the also block moves to the
	// place of the old one.
	edited := "---\n# checked by the desk\ntitle: Ferry strike called off\nalso:\n  - {source: Island Radio}\nsummary: Crews return.\ndate: 2026-11-18\n---\nBody.\n"
	got, err = WithAlso("e.md", []byte(edited), second, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ParseEntry("e.md", got, cfg)
	if err != nil || len(e.Also) != 2 || e.Also[1].Source != "The Coast Weekly" || e.Summary != "Crews return." ||
		!bytes.HasPrefix(got, []byte("---\n# checked by the desk\ntitle: Ferry strike called off\nalso:\n")) || !bytes.HasSuffix(got, []byte("date: 2026-11-18\n---\nBody.\n")) {
		t.Errorf("edited (%v):\n%s", err, got)
	}
	if _, err := WithAlso("e.md", []byte("---\ntitle: x\n---\n"), second, cfg); err == nil || !strings.Contains(err.Error(), "date is missing") {
		t.Errorf("a broken entry: %v", err)
	}
}
