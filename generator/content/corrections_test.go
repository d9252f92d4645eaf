package content

import (
	"strings"
	"testing"
	"time"
)

func TestCorrectionsAndExpiry(t *testing.T) {
	cfg := testConfig(t, false)
	src := "---\ntitle: A\ndate: 2026-11-18 09:00\nexpires: 2026-12-01\ncorrections:\n" +
		"  - date: 2026-11-19 10:00\n    text: An earlier version misspelt the minister's name.\n" +
		"  - {date: 2026-11-21, text: \"The vote was on Tuesday, not Monday.\"}\n---\nBody.\n"
	e, err := ParseEntry("e.md", []byte(src), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Corrections) != 2 || !strings.HasPrefix(e.Corrections[0].Text, "The vote") || e.Corrections[0].Date.Day() != 21 {
		t.Errorf("corrections, newest first: %+v", e.Corrections)
	}
	if !e.Expires.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, cfg.Location)) {
		t.Errorf("expires %v", e.Expires)
	}
}

func TestCorrectionAndExpiryErrors(t *testing.T) {
	cfg := testConfig(t, false)
	head := "---\ntitle: A\ndate: 2026-11-18 09:00\n"
	for _, tt := range []struct{ name, src, want string }{
		{"no text", head + "corrections:\n  - date: 2026-11-19\n  - date: 2026-11-20\n    text: \"\"\n---\n",
			"e.md:6: correction 2: text is missing"},
		{"bad date", head + "corrections:\n  - {date: 2026-11-19, text: Fine.}\n  - {date: 19 November, text: Wrong.}\n---\n",
			`e.md:6: correction 2: date "19 November" is not a date`},
		{"before the entry", head + "corrections:\n  - {date: 2026-11-17, text: Too early.}\n---\n",
			"e.md:5: correction 1: date 2026-11-17 is before the entry's date"},
		{"no date", head + "corrections:\n  - text: When?\n---\n", "e.md:5: correction 1: date is missing"},
		{"unknown key", head + "corrections:\n  - {date: 2026-11-19, txt: Typo.}\n---\n", "e.md:5:"},
		{"not a list", head + "corrections: Fixed a typo.\n---\n", "e.md:4:"},
		{"bad expires", head + "expires: soon\n---\n", `e.md:4: expires "soon" is not a date`},
		{"expires first", head + "expires: 2026-11-01\n---\n", "e.md:4: expires 2026-11-01 is not after the entry's date"},
	} {
		_, err := ParseEntry("e.md", []byte(tt.src), cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}
