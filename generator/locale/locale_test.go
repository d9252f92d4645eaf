package locale

import (
	"testing"
	"time"
)

// TestTablesAreComplete: every shipped table has every key of the English
// one, no other, and each text is of the shape its key asks for.
func TestTablesAreComplete(t *testing.T) {
	for lang, table := range tables {
		for key := range en {
			v, ok := table[key]
			if !ok {
				t.Errorf("%s: no %s", lang, key)
				continue
			}
			if msg := Check(key, v); msg != "" {
				t.Errorf("%s: %s", lang, msg)
			}
		}
		for key := range table {
			if !IsKey(key) {
				t.Errorf("%s: %s is not a key of the English table", lang, key)
			}
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 11, 18, 7, 5, 0, 0, time.UTC)
	first := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, long, month, short, first string
	}{
		{"en", "Wednesday 18 November 2026", "November 2026", "18 Nov 2026", "Sunday 1 March 2026"},
		{"fr", "mercredi 18 novembre 2026", "novembre 2026", "18 nov. 2026", "dimanche 1er mars 2026"},
		{"de", "Mittwoch, 18. November 2026", "November 2026", "18. Nov. 2026", "Sonntag, 1. März 2026"},
		{"es", "miércoles, 18 de noviembre de 2026", "noviembre de 2026", "18 nov 2026", "domingo, 1 de marzo de 2026"},
		{"pt-BR", "quarta-feira, 18 de novembro de 2026", "novembro de 2026", "18 nov. 2026", "domingo, 1 de março de 2026"},
		{"it", "mercoledì 18 novembre 2026", "novembre 2026", "18 nov 2026", "domenica 1 marzo 2026"},
	}
	for _, tt := range tests {
		l := New(tt.lang, nil)
		if got := l.LongDate(d); got != tt.long {
			t.Errorf("%s long: %q, want %q", tt.lang, got, tt.long)
		}
		if got := l.MonthYear(d); got != tt.month {
			t.Errorf("%s month: %q, want %q", tt.lang, got, tt.month)
		}
		if got := l.ShortDate(d); got != tt.short {
			t.Errorf("%s short: %q, want %q", tt.lang, got, tt.short)
		}
		if got := l.LongDate(first); got != tt.first {
			t.Errorf("%s first: %q, want %q", tt.lang, got, tt.first)
		}
		if got := l.Clock(d); got != "07:05 UTC" {
			t.Errorf("%s clock: %q", tt.lang, got)
		}
	}
}

func TestCountsJoinsAndOverrides(t *testing.T) {
	fr, en, de := New("fr", nil), New("en-GB", nil), New("de", map[string]string{"n_articles": "{n} Meldung|{n} Meldungen", "nope": "x"})
	for _, c := range []struct{ got, want string }{
		{fr.Count("n_articles", 0), "0 article"},
		{en.Count("n_articles", 0), "0 articles"},
		{en.Count("n_articles", 1), "1 article"},
		{de.Count("n_articles", 3), "3 Meldungen"},
		{de.Join([]string{"A", "B", "C"}), "A, B und C"},
		{en.Text("page_of", "2", "5"), "Page 2 of 5"},
		{Capital("mercredi 18"), "Mercredi 18"},
		{Capital("édition"), "Édition"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
	if nl := New("nl", nil); nl.Known || nl.Lang != "en" {
		t.Errorf("nl: %+v", nl.Lang)
	}
	if Check("nope", "x") == "" || Check("months", "a|b") == "" || Check("n_articles", "x") == "" || Check("skip", "a|b") == "" {
		t.Error("Check passes a bad override")
	}
}
