package ingest

import (
	"strings"
	"time"
)

// embedSign matches the line that closes an embedded post as social sites
// render it, "— Name (@handle) Month D, YYYY": an author, a handle in
// brackets, the day posted.
var embedSign = lazyRegexp(`^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+(.{4,40})$`)

// embedSignature reports whether s is the signature line of an embedded
// post. It belongs to the quoted post, which the article shows: it is no
// dateline of another story, and no stamp to drop.
func embedSignature(s string) bool {
	if len(s) > 160 || !strings.Contains(s, "(@") {
		return false
	}
	m := embedSign().FindStringSubmatch(s)
	if m == nil {
		return false
	}
	_, ok := findDate(m[1], time.UTC)
	return ok
}
