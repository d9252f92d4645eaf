package render

import "testing"

// wordsOneByOne is countWords read as a plain state machine over every
// byte: the fast path must count as it does.
func wordsOneByOne(html string) int {
	n, inTag, inWord := 0, false, false
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch {
		case inTag:
			inTag = c != '>'
		case c == '<':
			inTag, inWord = true, false
		case isWordByte(c):
			if !inWord {
				n++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return n
}

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		html string
		want int
	}{
		{"", 0},
		{"<p>Two words</p>", 2},
		{"<p>It&rsquo;s a <em>long</em>-awaited vote.</p>", 5},
		{"<p>one</p><p>two</p>", 2},
		{`<a href="a b c d">link</a>`, 1},
		{"<p>Grüße aus Köln</p>", 3},
		{"<p>東京で会議</p>", 1},
		{"<p>cut <a href=", 1},
		{"3 > 2 and 1 < 2", 4},
	} {
		if got := countWords(c.html); got != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.html, got, c.want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"<p>Two words</p>", "a<b", "x>y<z>w", "<<>>a b", "東京 <i>x</i>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, html string) {
		if got, want := countWords(html), wordsOneByOne(html); got != want {
			t.Errorf("countWords(%q) = %d, one byte at a time %d", html, got, want)
		}
	})
}
