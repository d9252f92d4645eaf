package ingest

import "strings"

// stopwords are the commonest English function words; their density tells
// prose from menus, names and headlines.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during
	each few for from further had has have having he her here hers herself him himself his how i if in
	into is it its itself just me more most my myself no nor not now of off on once only or other our
	ours out over own same she should so some such than that the their theirs them then there these
	they this those through to too under until up very was we were what when where which while who
	whom why will with would you your yours said says one two its it's that's there's he's she's
	we're they're i'm don't didn't doesn't isn't wasn't weren't won't can't couldn't wouldn't
	shouldn't has been may might must shall since though although however still yet even much many
	well back last first new year years people told according`) {
		m[w] = true
	}
	return m
}()
