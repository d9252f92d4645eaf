package content

import (
	"strings"
	"testing"
)

func TestParseEntryRefusesBadText(t *testing.T) {
	head := "---\ntitle: A\ndate: 2026-11-18\n"
	tests := []struct{ name, src, want string }{
		{"NUL in title", "---\ntitle: \"A\x00B\"\ndate: 2026-11-18\n---\n", "e.md:2: front matter holds the control character U+0000; remove it"},
		{"escaped NUL in title", "---\ntitle: \"A\\0B\"\ndate: 2026-11-18\n---\n", "e.md:2: title holds the control character U+0000"},
		{"escaped bell in author", head + "authors: [\"X\\aY\"]\n---\n", "e.md:4: authors holds the control character U+0007"},
		{"escaped C1 in caption", head + "image: {caption: \"\\x85\"}\n---\n", "e.md:4: image holds the control character U+0085"},
		{"DEL in note", head + "note: |\n  a\x7fb\n---\n", "e.md:5: front matter holds the control character U+007F"},
		{"invalid UTF-8 in front matter", head + "summary: \"\xff\"\n---\n", "e.md:4: front matter is not valid UTF-8; save the file as UTF-8"},
		{"invalid UTF-8 in body", head + "---\nfine\nfine\nbad \xc3\x28\n", "e.md:7: the body is not valid UTF-8"},
		{"escape in body", head + "---\n\nText \x1b[31mred\n", "e.md:6: the body holds the control character U+001B"},
		{"C1 in body", head + "---\n" + strings.Repeat("long line ", 20) + "\u0085\n", "e.md:5: the body holds the control character U+0085"},
		{"id without scheme", head + "id: example.org/x\n---\n", `e.md:4: id "example.org/x" is not an absolute IRI: it has no scheme`},
		{"id with space", head + "id: \"tag:a b\"\n---\n", `e.md:4: id "tag:a b" is not an absolute IRI: it holds a space`},
		{"id empty after scheme", head + "id: \"urn:\"\n---\n", `e.md:4: id "urn:" is not an absolute IRI: it has nothing after its scheme`},
		{"id with quote", head + "id: 'tag:x\"y'\n---\n", `e.md:4: id "tag:x\"y" is not an absolute IRI: it holds '"'`},
		{"id with bad percent", head + "id: \"urn:x%zz\"\n---\n", `e.md:4: id "urn:x%zz" is not an absolute IRI: it holds a % not`},
		{"year 9999 west", "---\ntitle: A\ndate: 9999-12-31T23:00:00-05:00\n---\n", "e.md:3: date 9999-12-31T23:00:00-05:00 is outside the years 1000 to 9000 (in UTC); check the year"},
		{"year 0001", "---\ntitle: A\ndate: 0001-01-01\n---\n", "e.md:3: date 0001-01-01 is outside the years"},
		{"updated in 9500", head + "updated: 9500-01-01\n---\n", "e.md:4: updated 9500-01-01 is outside the years"},
		{"javascript image", head + "image:\n  url: javascript:alert(1)\n---\n", `e.md:4: image url "javascript:alert(1)" uses the scheme javascript:, not http: or https:`},
		{"upper-case scheme", head + "image: {url: \"JavaScript:alert(1)\"}\n---\n", `e.md:4: image url "JavaScript:alert(1)" uses the scheme javascript:`},
		{"data image", head + "image: {url: \"data:image/png;base64,AAAA\"}\n---\n", `e.md:4: image url "data:image/png;base64,AAAA" uses the scheme data:`},
		{"vbscript image", head + "image: {url: \"vbscript:x\"}\n---\n", "e.md:4: image url \"vbscript:x\" uses the scheme vbscript:"},
		{"tab in scheme", head + "image: {url: \"java\\tscript:x\"}\n---\n", "e.md:4: image"},
		{"space before scheme", head + "image: {url: \" javascript:x\"}\n---\n", `e.md:4: image url " javascript:x" is not a URL`},
		{"network path", head + "image: {url: \"//evil.example/x.jpg\"}\n---\n", `e.md:4: image url "//evil.example/x.jpg" starts with //`},
		{"backslashes", head + "image: {url: \"/\\\\evil.example/x.jpg\"}\n---\n", `e.md:4: image url "/\\evil.example/x.jpg" holds a backslash`},
		{"http without host", head + "image: {url: \"https:///x.jpg\"}\n---\n", `e.md:4: image url "https:///x.jpg" has no host`},
	}
	cfg := testConfig(t, false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEntry("e.md", []byte(tt.src), cfg)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestParseEntryAcceptsGoodText(t *testing.T) {
	head := "---\ntitle: \"Tabs\\tand ünïcode — “quotes”\"\ndate: 9000-06-01\n"
	good := []string{
		head + "---\r\nCRLF body\r\n\ttabbed\n",
		head + "id: urn:uuid:0d8e8f5c-5d7e-4c53-9a53-3c1f0d0c2b11\n---\n",
		head + "id: \"tag:example.org,2026-11-18:a%20b\"\n---\n",
		head + "id: https://example.org/ü\n---\n",
		head + "image: {url: https://img.example/a.jpg}\n---\n",
		head + "image: {url: /images/a b.jpg}\n---\n",
		head + "image: {url: photo.jpg}\n---\n",
		head + "image: {url: ../photo.jpg?x=1#y}\n---\n",
		"---\ntitle: Old\ndate: 1000-01-01T12:00:00Z\n---\nBody \u00a0with U+FFFD \ufffd.\n",
	}
	cfg := testConfig(t, false)
	for _, src := range good {
		if _, err := ParseEntry("e.md", []byte(src), cfg); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func TestBadTextAgreesWithByteLoop(t *testing.T) {
	slow := func(b []byte) int {
		s := string(b)
		for i, r := range s {
			if r == '\uFFFD' && !strings.HasPrefix(s[i:], "\uFFFD") || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f {
				return i
			}
		}
		return -1
	}
	base := strings.Repeat("plain text, ", 5)
	for _, bad := range []string{"", "\x00", "\x1f", "\x7f", "\xc2\x85", "\xff", "\xe2\x82", "\x80", "\t\n\r", "é", "\u2028"} {
		for cut := range 20 {
			b := []byte(base[:cut] + bad + base)
			off, _, found := badText(b)
			want := slow(b)
			if found != (want >= 0) || found && off != want {
				t.Errorf("%q: badText = %d, %v; want %d", b, off, found, want)
			}
		}
	}
}

func BenchmarkBadText(b *testing.B) {
	body := []byte(strings.Repeat("A paragraph of news prose, with “quotes” and numbers like 4.2%, running on.\n\n", 60))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, _, found := badText(body); found {
			b.Fatal("found")
		}
	}
}
