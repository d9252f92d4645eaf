package ingest

import "testing"

// creditTail must not change what gluedCredit finds in the whole paragraph.
func TestCreditTailKeepsMatch(t *testing.T) {
	for _, p := range []string{
		"Firefighters stand outside a store in Ohio.Jane Roe/Reuters",
		"A ferry waits at the landing stage in the morning fog.“Nora Field/AP",
		"Short.Reuters", "no credit here at all", "", "É.Ab", "x!Ab Cd Ef Gh/Ij Kl mn",
		"The council met on Monday to vote.Ab Cd/Ef\xff", "\xe2\x80a.Bc/De",
		"ends with a digit 2024.Jane Roe/Reuters1",
	} {
		want := gluedCredit().FindStringSubmatchIndex(p)
		at := creditTail(p)
		got := gluedCredit().FindStringSubmatchIndex(p[at:])
		if (want == nil) != (got == nil) || want != nil && (got[0]+at != want[0] || got[2]+at != want[2]) {
			t.Errorf("%q: match %v from %d, want %v", p, got, at, want)
		}
	}
}
