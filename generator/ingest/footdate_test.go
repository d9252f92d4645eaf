package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestFootDate: a post that prints its date only in its sign-off, under
// its last paragraph, is dated by it; a date far below it, in the page's
// footer, is not the post's.
func TestFootDate(t *testing.T) {
	body := `<p>` + proseA + `</p><p>` + proseB + `</p><p>` + proseC + `</p>`
	signed := `<html><body><nav>Home · Blog</nav><article><h1>Ferry crossing reopens</h1>` + body +
		`<p>Jana</p><p>10. September 2017</p></article><footer>Imprint</footer></body></html>`
	a, err := ExtractHTML([]byte(signed), "", time.UTC, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Date.Format("2006-01-02"); got != "2017-09-10" {
		t.Errorf("signed post: date %s, want 2017-09-10", got)
	}
	footer := `<html><body><article><h1>Ferry crossing reopens</h1>` + body + `</article><footer><p>` +
		strings.Repeat("Imprint · Contact · Privacy · Newsletter · Jobs · ", 5) + `</p><p>Site built 3 March 2015</p></footer></body></html>`
	a, _ = ExtractHTML([]byte(footer), "", time.UTC, nil)
	if !a.Date.IsZero() {
		t.Errorf("footer date taken: %s", a.Date)
	}
}
