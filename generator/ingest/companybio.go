package ingest

import "strings"

// A press release closes with the boilerplate its issuer sets under every
// release ("Acme is a global provider of ... Founded in 1990, it employs
// ..."), often below a rule rather than under an "About Acme" heading the
// wall rules would see. It is no part of the story.

// companyOpening is a paragraph that opens by saying what an organisation
// is: "Acme is a ...", "Acme Corp. (NYSE: ACM) is the ...", "Acme, based in
// Ohio, is one of ...".
var companyOpening = lazyRegexp(`^(\p{Lu}[\p{L}\d&.\-]*(?:\s\p{Lu}[\p{L}\d&.\-]*){0,3})(?:\s\([^)]{1,40}\))?(?:,[^,]{1,100},)?\sis\s(?:a|an|the|one)\s`)

// companyWords are what such boilerplate says of its issuer.
var companyWords = [...]string{"headquartered", "headquarters", "founded", "employees", "listed on", "subsidiar",
	"mission", "vision", "provider", "solutions", "products", "services", "customers", "countries", "revenue",
	"www.", "company"}

// companyBio: a closing paragraph that opens with what an organisation the
// body names is, names it again, and speaks of it in at least two of
// companyWords. A section closing an encyclopedia's article may say as
// much of its subject, but seldom names it twice in the same words.
func companyBio(p string, body []string) bool {
	text := strings.TrimSpace(strings.Trim(plain(p), "*_> "))
	if len(text) > 1000 {
		return false
	}
	m := companyOpening().FindStringSubmatchIndex(text)
	if m == nil {
		return false
	}
	name := text[m[2]:m[3]]
	if !strings.Contains(text[m[1]:], name) {
		return false
	}
	l := strings.ToLower(text)
	n := 0
	for _, w := range companyWords {
		if strings.Contains(l, w) {
			n++
		}
	}
	if n < 2 {
		return false
	}
	for _, b := range body {
		if strings.Contains(plain(b), name) {
			return true
		}
	}
	return false
}
