package ingest

import (
	"strings"
	"time"
)

// footAfter is how far under the article's last paragraph a printed date
// may stand, in bytes of visible text: a sign-off, a name, the date.
const footAfter = 160

// footDate is the date printed in a short line right under the article's
// last paragraph, as blogs sign a post off ("Jana\n10. September 2017"),
// for pages that declare none and print none by the headline.
func (v *visText) footDate(paras []string, loc *time.Location) (time.Time, bool) {
	// The last paragraph of some length: the sign-off's name may be one.
	last := ""
	for i := len(paras) - 1; i >= 0 && len(last) < 40; i-- {
		last = strings.Join(strings.Fields(strings.ReplaceAll(plain(paras[i]), `\`, "")), " ")
	}
	if len(last) < 40 {
		return time.Time{}, false
	}
	tail := last[len(last)-40:]
	text := v.b.String()
	i := strings.Index(text, tail)
	if i < 0 {
		return time.Time{}, false
	}
	end := i + len(tail)
	if d := v.linesDates(text, end, min(len(text), end+footAfter), loc); len(d) > 0 && !d[0].change {
		return d[0].t, true
	}
	return time.Time{}, false
}
