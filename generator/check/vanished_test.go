package check

import (
	"strings"
	"testing"
)

func rssOf(items ...string) []byte {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>T</title>`)
	for _, it := range items {
		id, date, _ := strings.Cut(it, "@")
		b.WriteString("<item><title>" + id + "</title><link>https://example.org/" + id + "/</link><guid>" + id +
			"</guid><pubDate>" + date + " Nov 2026 10:00:00 +0000</pubDate></item>")
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func TestVanished(t *testing.T) {
	tests := []struct {
		name     string
		old, new []byte
		want     string
	}{
		{"same", rssOf("a@18", "b@17"), rssOf("a@18", "b@17"), ""},
		{"fell off the end", rssOf("a@18", "b@17"), rssOf("c@19", "a@18"), ""},
		{"removed", rssOf("a@18", "b@17", "c@16"), rssOf("a@18", "c@16"), "id b (\"b\") was published before and is gone"},
		{"removed, feed shrank", rssOf("a@18", "b@17"), rssOf("a@18"), "id b (\"b\") was published before"},
		{"id changed", rssOf("a@18"), []byte(strings.Replace(string(rssOf("a@18")), "<guid>a</guid>", "<guid>a2</guid>", 1)),
			"the id of \"a\" changed from a to a2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := Vanished(map[string][]byte{"feed.xml": tt.old, "index.html": nil}, map[string][]byte{"feed.xml": tt.new})
			var got []string
			for _, f := range list {
				got = append(got, f.String())
			}
			report := strings.Join(got, "\n")
			if (tt.want == "") != (report == "") || !strings.Contains(report, tt.want) {
				t.Errorf("got %q, want %q", report, tt.want)
			}
		})
	}
}
