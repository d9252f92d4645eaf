package content

import (
	"strings"
	"testing"
)

func TestSlugFromName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"content/2026/11/18/rates-held.md", "rates-held"},
		{"Long Title With Spaces.md", "long-title-with-spaces"},
		{"story.Markdown", "story"},
		{"Café au lait, déjà vu!.md", "cafe-au-lait-deja-vu"},
		{"Straße_Øre  -- Łódź.md", "strasse-ore-lodz"},
		{"  (2026) Budget: Q&A .md", "2026-budget-q-a"},
		{"UPPER.MD", "upper"},
		{"東京 Rates.md", "東京-rates"},
		{"--.md", ""},
	}
	for _, tt := range tests {
		if got := SlugFromName(tt.in); got != tt.want {
			t.Errorf("SlugFromName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugsFromFileNames(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"content/2026/11/18/Long Title With Spaces.md":           entryText("A", "2026-11-18"),
		"content/2026/11/18/long-title-with-spaces.md":           entryText("B", "2026-11-19"),
		"content/2026/11/19/Other One.md":                        entryText("C", "2026-11-19"),
		"content/2026/11/19/other_one.markdown":                  entryText("D", "2026-11-19"),
		"content/2026/11/20/Fine Name.md":                        entryText("E", "2026-11-20"),
		"content/2026/11/20/東京.md":                               entryText("F", "2026-11-20"),
		"content/2026/11/21/" + strings.Repeat("a", 201) + ".md": entryText("G", "2026-11-21"),
	})
	_, err := load(t, DirFS(dir))
	wantErrors(t, err,
		"content/2026/11/18/long-title-with-spaces.md:1: the file name gives the slug long-title-with-spaces, as Long Title With Spaces.md beside it does; rename one",
		"content/2026/11/19/other_one.markdown:1: same date and slug as content/2026/11/19/Other One.md (/2026/11/19/other-one/)",
		"content/2026/11/20/東京.md:2: the file name 東京.md gives no slug of plain letters (東京); set slug:",
		"content/2026/11/21/"+strings.Repeat("a", 201)+".md:2: slug is 201 bytes long, over 200")
	cfg, _ := ParseConfig([]byte(siteConfig))
	e, err := ParseEntry("content/2026/11/20/Fine Name.md", []byte(entryText("E", "2026-11-20")), cfg)
	if err != nil || e.Slug != "fine-name" {
		t.Errorf("slug %q, %v", e.Slug, err)
	}
	e, err = ParseEntry("content/2026/11/20/東京.md", []byte("---\ntitle: F\ndate: 2026-11-20\nslug: tokyo\n---\n"), cfg)
	if err != nil || e.Slug != "tokyo" {
		t.Errorf("slug %q, %v", e.Slug, err)
	}
}
