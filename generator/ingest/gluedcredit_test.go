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

func TestCutLabelledCredit(t *testing.T) {
	for _, c := range []struct{ in, caption, credit string }{
		{"Divers check the hull before the ferry sails. Credit Jane Roe/Harbour Press — Pool Images",
			"Divers check the hull before the ferry sails.", "Jane Roe/Harbour Press — Pool Images"},
		{"The new quay at dawn. Photograph: Sam Reed for the Coast Post", "The new quay at dawn.", "Sam Reed for the Coast Post"},
		{"Die neue Fähre im Hafen. Foto: Lena Berg", "Die neue Fähre im Hafen.", "Lena Berg"},
		{"She gave the Credit Union a loan", "", ""},   // no sentence ends before the word
		{"Ferry. Credit Jane Roe", "", ""},             // too short a caption to be one
		{"The quay was busy all day. Credit ", "", ""}, // a label with nothing after it
		// The credit in an element of its own, glued to the caption's full stop.
		{"A lizard basks on a warm rock by the shore.Photograph by Tom Hale, Island Trust",
			"A lizard basks on a warm rock by the shore.", "Tom Hale, Island Trust"},
		{"Die Fähre legt am Abend ab. Foto von Lena Berg", "Die Fähre legt am Abend ab.", "Lena Berg"},
		{"He spent the spring in the archive. Photo by photo, he rebuilt the album", "", ""}, // prose
	} {
		caption, credit, ok := cutLabelledCredit(c.in)
		if ok != (c.caption != "") || caption != c.caption || credit != c.credit {
			t.Errorf("cutLabelledCredit(%q) = %q, %q, %v; want %q, %q", c.in, caption, credit, ok, c.caption, c.credit)
		}
	}
}

// TestImageCaption: a block that opens with the link to a picture and goes
// on with a short text leaves the body as the picture's caption; a link to
// a page, or a picture before a paragraph of its own length, does not.
func TestImageCaption(t *testing.T) {
	caption := "[](https://img.example/ferry.jpg?w=800)The new ferry at the quay, photo: Lena Berg"
	story := "[](https://news.example/ferry)The new ferry at the quay, photo: Lena Berg"
	long := "[](https://img.example/quay.png)The harbour master walked the length of the new quay on Tuesday morning, " +
		"counting the bollards, testing the lights and talking to the crews who had worked through the winter to finish it. " +
		"He said the quay would open to the public at the end of the month, once the last railings were in place."
	a := Article{Paras: []string{proseA, caption, story, long, proseB}}
	finishNews(&a)
	if a.Image.Caption != "The new ferry at the quay, photo: Lena Berg" {
		t.Errorf("caption %q", a.Image.Caption)
	}
	if len(a.Paras) != 4 || a.Paras[1] != story || a.Paras[2] != long {
		t.Errorf("paragraphs: %q", a.Paras)
	}
}
