package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dump writes a tree in full, to compare two.
func dump(w *strings.Builder, n *node, depth int) {
	fmt.Fprintf(w, "%*s%d {%s}%s", depth*2, "", n.line, n.name.Space, n.name.Local)
	for _, a := range n.attrs {
		fmt.Fprintf(w, " {%s}%s=%q", a.Name.Space, a.Name.Local, a.Value)
	}
	fmt.Fprintf(w, " text=%q\n", n.text.String())
	for _, c := range n.children {
		dump(w, c, depth+1)
	}
}

// sameAsDecoder fails t when parseFast reads doc and encoding/xml reads it
// otherwise; it reports whether parseFast read it.
func sameAsDecoder(t *testing.T, name string, doc []byte) bool {
	t.Helper()
	fast, ok := parseFast(doc)
	if !ok {
		return false
	}
	slow, err := decodeXML(doc)
	if err != nil {
		t.Errorf("%s: parseFast read what encoding/xml rejects: %v", name, err)
		return true
	}
	var got, want strings.Builder
	dump(&got, fast, 0)
	dump(&want, slow, 0)
	if got.String() != want.String() {
		t.Errorf("%s: parseFast read\n%s\nencoding/xml read\n%s", name, got.String(), want.String())
	}
	return true
}

// The feeds as the feed package writes them take the fast path, and give
// encoding/xml's tree.
func TestParseFastFeeds(t *testing.T) {
	paths, err := filepath.Glob("../feed/testdata/golden/*.xml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden feeds: %v", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !sameAsDecoder(t, p, data) {
			t.Errorf("%s: parseFast left it to encoding/xml", p)
		}
	}
	for _, doc := range []string{rss, atom} {
		if !sameAsDecoder(t, doc[:80], []byte(doc)) {
			t.Errorf("parseFast left the test feed to encoding/xml:\n%s", doc)
		}
	}
}

// xmlCases are documents on each side of what parseFast reads.
var xmlCases = []string{
	`<a>x</a>`,
	`<?xml version="1.0" encoding="UTF-8"?>` + "\n<a b=\"1\" c='2'>\n  <d/>\n  <e f=\"&lt;&amp;&#34;&#x9;&#xA;\">t&gt;&apos;&quot;&#39;</e>\n</a>\n",
	`<a>é ☃ 𝄞 &#233; &#x1D11E; &#xFFFD; �</a>`,
	`<a><![CDATA[<p>x</p> & ]]]]><![CDATA[>]]></a>`,
	`<a><![CDATA[x]]]></a>`,
	`<a><![CDATA[]]></a>`,
	`<a>x]]>y</a>`,
	`<a b="]]>">x]]&gt;y</a>`,
	`<a>&#0;</a>`, `<a>&#xD800;</a>`, `<a>&#xFFFE;</a>`, `<a>&#x110000;</a>`, `<a>&#13;</a>`,
	`<a>&#x;</a>`, `<a>&#;</a>`, `<a>&#X41;</a>`, `<a>&#0065;</a>`, `<a>&#1a;</a>`, `<a>&nbsp;</a>`, `<a>&amp</a>`, `<a>& b</a>`,
	"<a>\r\n</a>", "<a b=\"\r\"/>", "<a>\x01</a>", "<a>\xff</a>", "<a>\uFFFE</a>",
	`<a b="<"/>`, `<a b=c/>`, `<a b/>`, `<a  b="1"/>`, `<a b = "1"/>`, `<a b="1"c="2"/>`, `<a b="1" />`, "<a\nb=\"1\"/>",
	`<a></b>`, `<a><b></a></b>`, `<a>`, `</a>`, `<a/><b/>`, `<a/>x`, `x<a/>`, "  \n<a/>\n ", ``, `<?xml version="1.0"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, ` <?xml version="1.0" encoding="UTF-8"?><a/>`,
	`<!-- c --><a/>`, `<a><!-- c --></a>`, `<!DOCTYPE a><a/>`, `<a><?pi x?></a>`,
	`<a:b:c/>`, `<a:/>`, `<:a/>`, `<a.b-c_1/>`, `<1a/>`, `<é/>`, `<a></a >`,
	`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><entry xml:lang="fr"><link href="x"/></entry></feed>`,
	`<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="d"><atom:link rel="self"/><dc:creator>x</dc:creator><x:y/></rss>`,
	`<a xmlns:p="1"><p:b xmlns:p="2"/></a>`, `<a><b xmlns="2"/></a>`, `<xmlns:a/>`, `<a xmlns:xml="z" xml:b="1"/>`,
	`<a xmlns="1" xmlns="2"><b/></a>`, `<p:a xmlns:p="1" p:b="2" b="3"/>`,
}

func TestParseFastCases(t *testing.T) {
	for _, doc := range xmlCases {
		sameAsDecoder(t, fmt.Sprintf("%q", doc), []byte(doc))
	}
}

func FuzzParseFast(f *testing.F) {
	for _, doc := range append(xmlCases, rss, atom) {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) { sameAsDecoder(t, "input", doc) })
}
