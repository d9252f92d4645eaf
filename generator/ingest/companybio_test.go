package ingest

import "testing"

func TestCompanyBio(t *testing.T) {
	body := []string{
		"Norland Ferries and the county announced on Monday that the crossing to Holm will reopen in June.",
		"The landing stage was closed two years ago after a storm damaged its pontoon.",
		"“We are glad to bring the route back,” said a spokesperson for [Norland Ferries](https://example.org).",
	}
	for p, want := range map[string]bool{
		"Norland Ferries is a regional provider of passenger services on the northern coast. Founded in 1962, Norland Ferries runs eleven routes. For more, visit www.example.org.": true,
		"Norland Ferries (OSE: NFE) is one of the largest operators in the region, headquartered in Holm; Norland Ferries has 900 employees.":                                       true,
		// A sentence of the story that says what the operator is.
		"Norland Ferries is a small operator, and the repairs cost it more than a year's profit.": false,
		// Said once, as a section of an encyclopedia's article may.
		"Norland Ferries is a company founded in 1962 whose mission was to link the islands.": false,
		"Norland Ferries are the main employers of the islands, with services to ten ports.":  false,
		// Boilerplate of someone the story does not name.
		"Baltic Lines is a global provider of logistics solutions; Baltic Lines has customers in 40 countries.": false,
		"The crossing is a lifeline for the island, whose 300 residents depend on its services.":                false,
	} {
		if got := companyBio(p, body); got != want {
			t.Errorf("companyBio(%q) = %v, want %v", p, got, want)
		}
	}
}
