package publish

import (
	"bytes"
	"path"
	"strings"
	"testing"
)

// libraryMinify minifies data with the library alone, without the rewrite.
func libraryMinify(mediaType string, data []byte) (string, error) {
	var out bytes.Buffer
	err := minifier.MinifyMimetype([]byte(mediaType), &out, bytes.NewBuffer(bytes.Clone(data)), nil)
	return out.String(), err
}

func checkRewrite(t *testing.T, mediaType string, rewrite func([]byte) []byte, data []byte) {
	t.Helper()
	want, wantErr := libraryMinify(mediaType, data)
	got, gotErr := libraryMinify(mediaType, rewrite(bytes.Clone(data)))
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%q: error %v, library alone %v", data, gotErr, wantErr)
	}
	if wantErr == nil && got != want {
		t.Fatalf("%q:\n got %q\nwant %q", data, got, want)
	}
}

var rewriteSeeds = []string{
	"<p>&quot;a&quot; &amp; b &amp;c &lt;&gt; &ldquo;q&rdquo;&hellip; &amp;&amp;x &amp;;</p>",
	"<p>&#34;&#39;&#x9;&#xA;&#xD;&#32;&#x20; x&#9;y &#60;&#x3c;&#62;&#38;&#x26;a &#128;&#x80;&#xFFFF; &#1234567;</p>",
	"<p>&fjlig;&nvlt;&NewLine;&Tab;&bne;&amp&quot &#x;&#; &;&a;&zz; &AMP;&#97;mp; &amp;&#97;mp; &#x41;&#x4&quot;</p>",
	"<pre>&quot; &ldquo;</pre><p>&quot;</p><textarea>&quot;</textarea><title>&ldquo;</title><script>a&quot;</script><style>&quot;</style>",
	"<svg><text>&quot;</text></svg><math>&quot;</math>&quot;<pre><pre></pre>&quot;</pre>&quot;<!-- &quot; -->",
	"<p a=\"&quot;\">  &quot;  \n\t &ldquo;  </p> <div> &rdquo; </div>",
	"<?xml version=\"1.0\"?>\n<rss a=\"&#34;\">\n  <d>&lt;p&gt;&#34;a&#34; &amp;ldquo;&#xA;&#x9;&#39;x&#39;&lt;/p&gt;&#xA;</d>\n<![CDATA[&#34;]]> <e> &#34; </e></rss>\n",
	"<x>&apos;&quot;&#x27;&#x22;&#10;&#9;&#13;&#x9;&#xa;&#xA;&#xd; &amp; &#38;&#x26;#1; </x>",
	"&quot;\x00&quot;",
}

func TestRewriteMatchesLibrary(t *testing.T) {
	for _, s := range rewriteSeeds {
		checkRewrite(t, "text/html", rewriteHTML, []byte(s))
		checkRewrite(t, "text/xml", rewriteXML, []byte(s))
	}
}

// TestRewriteChangesText: the rewrite does its work, else the test above proves little.
func TestRewriteChangesText(t *testing.T) {
	if got := string(rewriteHTML([]byte("<p>&quot;&laquo;&ldquo;</p><pre>&quot;</pre>"))); got != "<p>\"&#171;&ldquo;</p><pre>&quot;</pre>" {
		t.Errorf("html: %q", got)
	}
	if got := string(rewriteXML([]byte("<d>&#34;&#xA;&#x9;</d>"))); got != "<d>\"&#10;&#9;</d>" {
		t.Errorf("xml: %q", got)
	}
}

// TestMinifyToRewritesLargeText: large escaped text goes through the rewrite
// and still minifies as the library alone would.
func TestMinifyToRewritesLargeText(t *testing.T) {
	for name, data := range map[string]string{
		"a.html": "<!doctype html><html><body><p>" + strings.Repeat("&ldquo;a&rdquo; &quot; ", 20_000) + "</p></body></html>",
		"a.xml":  "<?xml version=\"1.0\"?><rss><d>" + strings.Repeat("&lt;p&gt;&#34;a&#34;&lt;/p&gt;&#xA;&#x9;", 20_000) + "</d></rss>",
	} {
		if !needsRewrite([]byte(data)) {
			t.Fatalf("%s is not large enough to be rewritten", name)
		}
		var dst bytes.Buffer
		if err := MinifyTo(&dst, name, bytes.NewBufferString(data)); err != nil {
			t.Fatal(err)
		}
		want, err := libraryMinify(mediaTypes[path.Ext(name)], []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if dst.String() != want {
			t.Errorf("%s: MinifyTo differs from the library alone", name)
		}
	}
}

func FuzzRewriteHTML(f *testing.F) {
	for _, s := range rewriteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRewrite(t, "text/html", rewriteHTML, []byte(s)) })
}

func FuzzRewriteXML(f *testing.F) {
	for _, s := range rewriteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRewrite(t, "text/xml", rewriteXML, []byte(s)) })
}
