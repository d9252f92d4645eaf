package publish

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/markdown/pathological"
)

// pathologicalOutputs are the page and the RSS feed a build would minify for
// each generated worst case that converts; refused ones are left out.
func pathologicalOutputs(tb testing.TB) map[string][2][]byte {
	tb.Helper()
	c := markdown.New()
	outs := map[string][2][]byte{}
	for _, tc := range pathological.Cases() {
		page, feed, err := c.ConvertBoth(tc.Src, nil, nil)
		if err != nil {
			continue
		}
		outs[tc.Name] = [2][]byte{pageHTML(page.HTML), rssFeed(feed.HTML)}
	}
	return outs
}

func pageHTML(body string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n</head>\n<body>\n<main>\n<article>\n")
	b.WriteString(body)
	b.WriteString("</article>\n</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// rssFeed holds body escaped as encoding/xml escapes it, as the feed package's item
// descriptions and Atom contents are.
func rssFeed(body string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + "<rss version=\"2.0\">\n  <channel>\n    <title>T</title>\n    <item>\n      <title>x</title>\n      <description>")
	_ = xml.EscapeText(&b, []byte(body))
	b.WriteString("</description>\n      <content:encoded><![CDATA[")
	b.WriteString(body)
	b.WriteString("]]></content:encoded>\n    </item>\n  </channel>\n</rss>\n")
	return b.Bytes()
}

// BenchmarkMinifyPathological minifies each worst case's page and feed; the
// target is under 2 s and 500 MB each, with conversion.
func BenchmarkMinifyPathological(b *testing.B) {
	outs := pathologicalOutputs(b)
	for _, tc := range pathological.Cases() {
		out, ok := outs[tc.Name]
		if !ok {
			continue
		}
		for i, name := range []string{"page.html", "feed.xml"} {
			b.Run(tc.Name+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(out[i])))
				var dst, src bytes.Buffer
				for b.Loop() {
					dst.Reset()
					src.Reset()
					src.Write(out[i])
					if err := MinifyTo(&dst, name, &src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
