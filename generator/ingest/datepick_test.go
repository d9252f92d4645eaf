package ingest

import (
	"strings"
	"testing"
)

// TestDatelineAgainstDeclared: the date printed under the headline against
// the declared one. Each case fails when its rule is off.
func TestDatelineAgainstDeclared(t *testing.T) {
	ld := func(date string) string {
		return `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Der Hafen wird tiefer",
		"datePublished":"` + date + `"}</script></head>`
	}
	body := `<body><nav>Start Hafen Wirtschaft</nav><h1>Der Hafen wird tiefer</h1>`
	prose := `<p>Die Bagger arbeiten seit dem Frühjahr in der Fahrrinne, und die Reedereien warten schon lange darauf, dass die großen Schiffe wieder voll beladen einlaufen können.</p></body>`
	cases := []struct{ name, page, want string }{
		{"a printed date that differs from the declared one",
			ld("2021-11-29T14:13:37+00:00") + body + `<div>Jana Roth · 12.01.2022</div>` + prose,
			"2022-01-12T00:00:00Z"},
		{"a printed time that gives the page's zone",
			ld("2022-05-04T00:44:52.000Z") + body + `<div>Por Ana Lima · 03/05/2022 21:44</div>` + prose,
			"2022-05-03T21:44:00-03:00"},
		{"a printed day and month read the other way round",
			ld("2020-10-12T12:29:10+00:00") + body + `<div>By Tom Gray | 12/10/2020</div>` + prose,
			"2020-10-12T12:29:00Z"},
		{"a date inside a sentence under the headline",
			ld("2022-01-11T09:50:00+01:00") + body + `<p>Der Termin steht fest: Am 21. Mai 2022 beginnen die Arbeiten am zweiten Becken, und bis zum Herbst soll die neue Kaimauer stehen, sagt die Behörde.</p>` + prose,
			"2022-01-11T09:50:00+01:00"},
		{"a date closing a long standfirst",
			ld("2020-01-03T09:48:24Z") + body + `<p>Die Stadt hat lange gestritten, nun ist die Entscheidung gefallen, und die Bagger rücken an, früher als die meisten erwartet hatten. Wer zahlt?<span>Montag, 6. Januar 2020</span></p>` + prose,
			"2020-01-06T00:00:00Z"},
		{"the date of an event the story announces",
			ld("2023-02-20T10:00:00+01:00") + body + `<div>Termin: 12. März 2023, 19:30 Uhr</div>` + prose,
			"2023-02-20T10:00:00+01:00"},
		{"a printed update never hides the declared publication",
			ld("2019-10-15T16:59:59.000Z") + body + `<div>Jana Roth Updated Mar 12, 2020 @ 10:42 am</div>` + prose,
			"2019-10-15T16:59:00Z"},
		{"Stand: is the story's time stamp",
			ld("2023-11-06T18:19+01:00") + body + `<div>Stand: 07.11.2023, 07:30 Uhr</div>` + prose,
			"2023-11-07T07:30:00Z"},
		{"a place and the date opening the first paragraph",
			ld("2021-11-09T10:00:00+01:00") + body + `<p>Frankfurt am Main | Offenbach, 11. November 2021 Die Bagger arbeiten seit dem Frühjahr in der Fahrrinne, und die Reedereien warten schon lange darauf, dass die großen Schiffe wieder voll beladen einlaufen können.</p></body>`,
			"2021-11-11T00:00:00Z"},
		{"two time elements side by side are two dates",
			body + `<div>Posted on <time>3. April 2016</time><time>9. Mai 2017</time></div>` + prose,
			"2016-04-03T00:00:00Z"},
		{"distances count the text, not the template's indentation",
			ld("2021-04-30T10:00:00+02:00") + body + strings.Repeat("\n\t\t\t\t", 150) + `<div>3. Mai 2021</div>` + prose,
			"2021-05-03T00:00:00Z"},
		{"a forum member's sign-up day is no date of the post",
			body + `<div>Jana Roth</div><div>Beiträge: 120</div><div>Registriert: 18.09.2008, 05:56</div><div>Beitrag von Jana Roth » 21.01.2009, 05:42</div>` + prose,
			"2009-01-21T05:42:00Z"},
		{"a no-break space inside the date",
			ld("2021-11-01T10:00:00+01:00") + body + "<div>Kiel, 4. November\u00a02021</div>" + prose,
			"2021-11-04T00:00:00Z"},
	}
	for _, c := range cases {
		a := metaOf(t, c.page, "")
		if got := a.Date.Format("2006-01-02T15:04:05Z07:00"); got != c.want {
			t.Errorf("%s: date %s, want %s", c.name, got, c.want)
		}
	}
}

// TestDatesNoDatelineFinds: where a page without a dateline gives its date.
func TestDatesNoDatelineFinds(t *testing.T) {
	far := `<body><h1>Kürbissuppe</h1><p>` + filler(800) + `</p>`
	cases := []struct{ name, page, want string }{
		{"a recipe's declared date",
			`<head><script type="application/ld+json">{"@type":"Recipe","name":"Kürbissuppe","datePublished":"2006-10-10"}</script></head>` + far + `</body>`,
			"2006-10-10"},
		{"a byline that goes on to the date",
			far + `<p>Eingereicht von mko am 3. März 2019 - 18:55</p></body>`, "2019-03-03"},
		{"a byline whose name holds a digit",
			far + `<p>Author: Ka2tze am 14.02.2011, 09:12 Uhr</p></body>`, "2011-02-14"},
		{"a note that the post was made on a day",
			far + `<p>Dieser Eintrag wurde am 8. Juni 2012 um 21:10 Uhr gepostet und unter Suppen abgelegt.</p></body>`, "2012-06-08"},
		{"a sentence with wurde am is no note of the post",
			far + `<p>Die Brücke wurde am 8. Juni 2012 um 21:10 Uhr eröffnet.</p></body>`, ""},
		{"a label that is a word of a title",
			far + `<p>Open Data meetup am 15.12.2016</p></body>`, ""},
		{"a blog's post under the blog's name, in an h2",
			`<head><title>Notes from the Shed</title></head><body><div>Start · Archive</div><h2><a href="/p/1">Sharpening a chisel</a></h2>
			<small>January 13, 2020 at 08:45 AM | categories: tools</small><p>` + filler(800) + `</p></body>`, "2020-01-13"},
		{"a headline in a table cell",
			`<head><title>Die Fähre fährt wieder</title></head><body><table><tr><td><font size="4">Die Fähre fährt wieder</font></td></tr>
			<tr><td>( 2012-06-04 09:20:26 )</td></tr><tr><td>` + filler(800) + `</td></tr></table></body>`, "2012-06-04"},
		{"any meta key that names a date, last",
			`<head><meta itemprop="dateUpdate" content="2020-02-14 10:47:36"></head>` + far + `</body>`, "2020-02-14"},
		{"a labelled publication over an unmarked time element",
			far + `<p>Veröffentlicht am 16.08.2019</p><div><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></div></body>`, "2019-08-16"},
	}
	for _, c := range cases {
		a := metaOf(t, c.page, "")
		got := ""
		if !a.Date.IsZero() {
			got = a.Date.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("%s: date %q, want %q", c.name, got, c.want)
		}
	}
}
