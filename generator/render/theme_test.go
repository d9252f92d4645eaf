package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// minimalTheme is a working theme; tests break one file at a time.
func minimalTheme() fstest.MapFS {
	theme := fstest.MapFS{"base.html": {Data: []byte(`<!DOCTYPE html><title>{{.Title}}</title><body>{{block "main" .}}{{end}}</body>`)}}
	for _, k := range Kinds {
		theme[k+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p>` + k + `</p>{{end}}`)}
	}
	return theme
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"no base", func(m fstest.MapFS) { delete(m, "base.html") }, "base.html"},
		{"no kind", func(m fstest.MapFS) { delete(m, "month.html") }, "month.html"},
		{"syntax", func(m fstest.MapFS) {
			m["day.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>\n{{if}}{{end}}")}
		}, "day.html:3"},
		{"unknown func", func(m fstest.MapFS) {
			m["topic.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{nosuch .}}{{end}}`)}
		}, "nosuch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := minimalTheme()
			tt.change(theme)
			_, err := New(theme, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

func TestExecuteErrorNamesPageAndLine(t *testing.T) {
	theme := minimalTheme()
	theme["year.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{.Year.Nope}}{{end}}")}
	r, err := New(theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := testSite(t)
	var b bytes.Buffer
	_, err = renderPage(r, &b, page(t, s, "/repo/2026/"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"2026/index.html", "year.html:2", "Nope"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not name %s", err, w)
		}
	}
	if b.Len() != 0 {
		t.Error("a failed page wrote output")
	}
}

func TestUnknownKind(t *testing.T) {
	r, err := New(minimalTheme(), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := page(t, testSite(t), "/repo/")
	p.Kind = "gallery"
	if _, err := renderPage(r, &bytes.Buffer{}, p); err == nil || !strings.Contains(err.Error(), "gallery") {
		t.Errorf("got %v", err)
	}
}
