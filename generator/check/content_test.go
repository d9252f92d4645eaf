package check

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/digest-news/digest/generator/site"
)

func entry(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\n\n" + body + "\n")}
}

func TestContent(t *testing.T) {
	fsys := fstest.MapFS{
		"digest.yaml": {Data: []byte("title: T\nbase_url: https://example.org/repo/\ntopics:\n  world: {name: World}\n")},
		"content/2026/11/18/a.md": entry("title: A\ndate: 2026-11-18 10:00\nsummary: s",
			"See [b](/2026/11/18/b/), [the day](../), [world](/topics/world/), [out](https://example.com/),\n"+
				"[c](/2026/11/18/c/) and [a picture](/img/x.png).\n\n[gone](/2026/11/17/gone/)"),
		"content/2026/11/18/b.md": entry("title: B\ndate: 2026-11-18 11:00\nsummary: s\nid: tag:x,2026:same",
			"[draft](/2026/11/18/draft/) and [relative](../../17/nope/)"),
		"content/2026/11/18/c.md":     entry("title: C\ndate: 2026-11-18 12:00\nid: tag:x,2026:same", "No summary."),
		"content/2026/11/18/d.md":     entry("title: D\ndate: 2026-11-18 13:00\nsummary: s\nslug: c", ""),
		"content/2026/11/18/draft.md": entry("title: Draft\ndate: 2026-11-18 14:00\nsummary: s\ndraft: true", "[nope](/nope/)"),
		"content/2026/11/18/bad.md":   entry("title: Bad\ndate: 2026-11-18\nsummary: s\ntopics: [sport]\ncolour: red", ""),
	}
	list, s := Content(fsys, site.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if s == nil {
		t.Fatal("no model")
	}
	var got []string
	for _, f := range list {
		got = append(got, f.String())
	}
	want := []string{
		"content/2026/11/18/a.md:10: error: link /2026/11/17/gone/ does not resolve to a published entry or page",
		"content/2026/11/18/b.md:8: warning: link /2026/11/18/draft/ goes to a draft or future entry, not published yet",
		"content/2026/11/18/b.md:8: error: link ../../17/nope/ does not resolve to a published entry or page",
		"content/2026/11/18/bad.md:6: error: unknown field \"colour\"",
		"content/2026/11/18/c.md:1: warning: no summary",
		"content/2026/11/18/c.md:1: error: same feed id as content/2026/11/18/b.md (tag:x,2026:same)",
		"content/2026/11/18/d.md:1: warning: no body",
		"content/2026/11/18/d.md:1: error: same date and slug as content/2026/11/18/c.md (/repo/2026/11/18/c/)",
	}
	report := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(report, w) {
			t.Errorf("want %q in:\n%s", w, report)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d findings, want %d:\n%s", len(got), len(want), report)
	}
}
