package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestEmbedSignature(t *testing.T) {
	for s, want := range map[string]bool{
		"— Harbour Ferries (@harbourferry) March 3, 2024":     true,
		"- Jo Bloggs 🌊 (@jo_b) 12 May 2023":                   true,
		"— Harbour Ferries (@harbourferry)":                   false, // no day
		"March 3, 2024":                                       false,
		"Posted by Harbour Ferries on March 3, 2024":          false,
		"— a reply to (@harbourferry) that says nothing else": false,
	} {
		if got := embedSignature(s); got != want {
			t.Errorf("embedSignature(%q) = %v, want %v", s, got, want)
		}
	}
	// The signature of a post quoted in the article, even as its last
	// block, stays with the post.
	post := "Queues at the slipway this morning, first crossing in two years https://t.co/abc123"
	sign := "— Harbour Ferries (@harbourferry) March 3, 2024"
	for _, raw := range []string{
		dump("Home", "Ferry crossing reopens", proseA, post, sign, proseB, proseC, "Most read"),
		dump("Home", "Ferry crossing reopens", proseA, proseB, proseC, post, sign, "Subscribe to our channel for the latest videos", "Menu"),
	} {
		a := CleanText(raw, time.UTC)
		body := a.Body()
		if !strings.Contains(body, "(@harbourferry) March 3, 2024") {
			t.Errorf("signature dropped:\n%s", body)
		}
	}
}
