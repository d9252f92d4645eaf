package ingest

import (
	"regexp"
	"strings"
	"testing"
)

// The chains plain.go replaces, kept here as the reference.
var (
	refLink   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	refMarkup = strings.NewReplacer("**", "", "__", "", "\\", "")
)

func refPlain(md string) string {
	s := md
	if strings.IndexByte(s, '[') >= 0 {
		s = refLink.ReplaceAllString(s, "$1")
	}
	return strings.Join(strings.Fields(refMarkup.Replace(s)), " ")
}

func refWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), notLetter), " ")
}

var plainCases = []string{
	"", " ", "plain words", "  two\tspaced \n words  ", "a\u00a0b\u2003c\u3000d\u0085e",
	"curly “quotes” and – dashes", "**bold** and __under__ and ***three*** and _one_",
	`back\slash \\ and \*`, "[a link](https://example.org/x) then text",
	"![an image](i.jpg) and ![](empty.png)", "! [not](an image)", "[unclosed link",
	"[no address] here", "[text](no close", "[a [nested] one](u) and [b](v)",
	"[first] [second](u)", "[x]y[z](w)", "![a](b)![c](d)", "!![a](b)", "[](u)",
	"[a](u)](v)", "[a\nb](u\nv)", "\xff\xfe[x](y)\xc3", "ÉCOLE Straße İstanbul ΣΑΣ",
	"digits 2024-05-06, 10:30 a.m.", "'Tis the mid-year's end", "a\u200bb", "\u2028line\u2029",
}

// checkAsChain holds plain, words and replaceLinks to the chains of
// regexps and splits they replace.
func checkAsChain(t *testing.T, s string) {
	t.Helper()
	if got, want := plain(s), refPlain(s); got != want {
		t.Errorf("plain(%q) = %q, want %q", s, got, want)
	}
	if got, want := words(s), refWords(s); got != want {
		t.Errorf("words(%q) = %q, want %q", s, got, want)
	}
	if got, want := replaceLinks(s, false), refLink.ReplaceAllString(s, ""); got != want {
		t.Errorf("replaceLinks(%q) = %q, want %q", s, got, want)
	}
}

func TestPlainAsChain(t *testing.T) {
	for _, s := range plainCases {
		checkAsChain(t, s)
		for _, w := range []string{"", refWords(s), refWords(s) + " x", "plain", "a b"} {
			if got, want := wordsAre(s, w), refWords(s) == w; got != want {
				t.Errorf("wordsAre(%q, %q) = %v", s, w, got)
			}
		}
	}
}

func FuzzPlain(f *testing.F) {
	for _, s := range plainCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAsChain(t, s)
		if w := refWords(s); !wordsAre(s, w) || len(w) > 0 && wordsAre(s, w[:len(w)-1]) {
			t.Errorf("wordsAre(%q, %q) disagrees with words", s, w)
		}
	})
}
