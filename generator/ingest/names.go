package ingest

import (
	"strings"
	"unicode"
)

// legalForms end the names of companies and associations, which a page
// may declare as its author; they credit no one in particular.
var legalForms = [...]string{" gmbh", " ag", " e.v", " e. v", " inc", " ltd", " llc", " s.a", " s.l", " sarl",
	" s.r.l", " spa", " kg", " ohg", " ug", " plc", " corp"}

// orgName: a name that ends with a legal form, or has one inside.
func orgName(n string) bool {
	l := strings.ToLower(strings.TrimRight(n, ". "))
	for _, f := range legalForms {
		if strings.HasSuffix(l, f) || strings.Contains(l, f+" ") {
			return true
		}
	}
	return false
}

// readableLogin writes a login name made of lowercase words joined by
// dots or underscores ("jana.roth", "jana_roth") as the name it stands
// for ("Jana Roth"); any other name is returned as it is.
func readableLogin(n string) string {
	if strings.ContainsAny(n, " -") || !strings.ContainsAny(n, "._") {
		return n
	}
	parts := strings.FieldsFunc(n, func(r rune) bool { return r == '.' || r == '_' })
	if len(parts) < 2 || len(parts) > 4 || parts[0] == "www" || strings.Contains(n, ".") && hostEnds[parts[len(parts)-1]] {
		return n // a host: "example.de", "www.example.com"
	}
	for i, p := range parts {
		if len(p) < 2 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			return n
		}
		r := []rune(p)
		parts[i] = string(unicode.ToUpper(r[0])) + string(r[1:])
	}
	return strings.Join(parts, " ")
}

// hostEnds are the ends of host names that a login name does not have:
// the generic top-level domains; two letters end a country's.
var hostEnds = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields("com net org info biz gov edu io eu app blog news online") {
		m[t] = true
	}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			m[string([]rune{a, b})] = true
		}
	}
	return m
}()
