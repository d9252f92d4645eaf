package generator

import (
	"bytes"
	"image"
	_ "image/jpeg" // the variants decoded
	_ "image/png"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

var mediaNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// mediaSite has a JPEG beside an entry (the lead story), a PNG under
// static/ narrower than the widest variant, and a remote picture.
func mediaSite(t *testing.T) string {
	dir := t.TempDir()
	rnd := rand.New(rand.NewPCG(3, 4))
	files := map[string]string{
		"digest.yaml": "title: Pictures\nbase_url: https://example.org/p/\nid_authority: example.org\n" +
			"topics:\n  harbour: {name: Harbour}\n",
		"content/2026/05/01/quay.md": "---\ntitle: The quay at dawn\ndate: 2026-05-01 09:00\ntopics: [harbour]\nfeatured: true\n" +
			"image:\n  url: quay.jpg\n  caption: Boats at the quay.\n---\nBody.\n",
		"content/2026/05/01/tide.md":  "---\ntitle: Tide tables\ndate: 2026-05-01 08:00\ntopics: [harbour]\nimage: {url: /pics/tide.png}\n---\nBody.\n",
		"content/2026/05/01/far.md":   "---\ntitle: Far away\ndate: 2026-05-01 07:00\nimage: {url: https://img.example/far.jpg}\n---\nBody.\n",
		"content/2026/05/01/quay.jpg": string(sized(rnd, ".jpg", 1600, 900)),
		"static/pics/tide.png":        string(sized(rnd, ".png", 640, 320)),
		"static/css/site.css":         "body{}\n",
	}
	writeFiles(t, dir, files)
	return dir
}

// sized draws a picture of exactly w x h pixels.
func sized(rnd *rand.Rand, ext string, w, h int) []byte {
	img, _, err := image.Decode(bytes.NewReader(drawImage(rnd, ext)))
	if err != nil {
		panic(err)
	}
	big := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			big.Set(x, y, img.At(x%img.Bounds().Dx(), y%img.Bounds().Dy()))
		}
	}
	return encodeTest(big, ext)
}

// imgs are the img elements of a page, as attribute maps.
func imgs(t *testing.T, file string) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var list []map[string]string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "meta") {
			m := map[string]string{"tag": n.Data}
			for _, a := range n.Attr {
				m[a.Key] = a.Val
			}
			list = append(list, m)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return list
}

func TestPicturesOnPages(t *testing.T) {
	out := build(t, BuildOptions{Site: mediaSite(t), Now: mediaNow})
	for _, page := range []string{"index.html", "2026/05/01/index.html", "topics/harbour/index.html", "2026/05/01/quay/index.html"} {
		var lead map[string]string
		for _, m := range imgs(t, filepath.Join(out, page)) {
			if m["tag"] == "img" && strings.Contains(m["src"], "/p/media/") && strings.HasSuffix(m["src"], ".jpg") {
				lead = m
			}
		}
		if lead == nil {
			t.Errorf("%s shows no picture of the lead story", page)
			continue
		}
		if lead["loading"] != "" || lead["decoding"] != "async" || lead["fetchpriority"] != "high" {
			t.Errorf("%s: the lead picture, above the fold, loads %q, decodes %q, fetch priority %q", page, lead["loading"], lead["decoding"], lead["fetchpriority"])
		}
		if lead["width"] != "1200" || lead["height"] != "675" || lead["sizes"] == "" {
			t.Errorf("%s: width %q height %q sizes %q", page, lead["width"], lead["height"], lead["sizes"])
		}
		// Every srcset candidate is published, at the width it claims.
		for _, c := range strings.Split(lead["srcset"], ", ") {
			url, w, _ := strings.Cut(c, " ")
			img := decodeOutput(t, out, url)
			if got := strconv.Itoa(img.Bounds().Dx()) + "w"; got != w {
				t.Errorf("%s: %s is %s wide, srcset says %s", page, url, got, w)
			}
		}
		if n := len(strings.Split(lead["srcset"], ", ")); n != 3 {
			t.Errorf("%s: srcset %q, want 480, 800 and 1200", page, lead["srcset"])
		}
	}
	meta := map[string]string{}
	for _, m := range imgs(t, filepath.Join(out, "2026/05/01/quay/index.html")) {
		if m["tag"] == "meta" && strings.HasPrefix(m["property"], "og:image") {
			meta[m["property"]] = m["content"]
		}
	}
	if !strings.HasPrefix(meta["og:image"], "https://example.org/p/media/") || meta["og:image:width"] != "1200" ||
		meta["og:image:height"] != "675" || meta["og:image:type"] != "image/jpeg" {
		t.Errorf("og:image %v", meta)
	}
	// Below the fold, pictures load when scrolled to.
	lazy := 0
	for _, m := range imgs(t, filepath.Join(out, "topics/harbour/index.html")) {
		if m["tag"] == "img" && strings.HasSuffix(m["src"], ".png") {
			if m["loading"] != "lazy" || m["decoding"] != "async" || m["width"] != "640" || m["height"] != "320" {
				t.Errorf("topic page, second row: %v", m)
			}
			lazy++
		}
	}
	if lazy != 1 {
		t.Errorf("topic page: %d pictures of its second row", lazy)
	}
	// A picture under static/ narrower than 1200: never scaled up.
	tide := imgs(t, filepath.Join(out, "2026/05/01/tide/index.html"))
	for _, m := range tide {
		if m["tag"] == "img" && (m["width"] != "640" || !strings.HasSuffix(m["srcset"], "-640.png 640w") || strings.Contains(m["srcset"], "800w")) {
			t.Errorf("static PNG: %v", m)
		}
	}
	if img := decodeOutput(t, out, "/p/pics/tide.png"); img.Bounds().Dx() != 640 {
		t.Errorf("static/pics/tide.png is not published as it is")
	}
}

// decodeOutput decodes the published file at a site path under /p/.
func decodeOutput(t *testing.T, out, url string) image.Image {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/p/"))))
	if err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || "."+format != map[string]string{".jpg": ".jpeg", ".png": ".png"}[path.Ext(url)] {
		t.Fatalf("%s: %s, %v", url, format, err)
	}
	return img
}

func TestPicturesInFeeds(t *testing.T) {
	out := build(t, BuildOptions{Site: mediaSite(t), Now: mediaNow})
	size := func(url string) string {
		info, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "https://example.org/p/"))))
		if err != nil {
			t.Fatal(err)
		}
		return strconv.FormatInt(info.Size(), 10)
	}
	for _, name := range []string{"feed.xml", "atom.xml", "feed.json"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := gofeed.NewParser().ParseString(string(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[string]*gofeed.Item{}
		for _, it := range f.Items {
			got[it.Title] = it
		}
		quay, far := got["The quay at dawn"], got["Far away"]
		if quay == nil || far == nil {
			t.Fatalf("%s: items %v", name, got)
		}
		if name == "feed.json" {
			if quay.Image == nil || !strings.HasSuffix(quay.Image.URL, "-1200.jpg") || far.Image == nil || far.Image.URL != "https://img.example/far.jpg" {
				t.Errorf("%s: images %+v %+v", name, quay.Image, far.Image)
			}
			continue
		}
		if len(quay.Enclosures) != 1 {
			t.Fatalf("%s: enclosures %+v", name, quay.Enclosures)
		}
		enc := quay.Enclosures[0]
		if enc.Type != "image/jpeg" || enc.Length != size(enc.URL) {
			t.Errorf("%s: enclosure %+v, the file has %s bytes", name, enc, size(enc.URL))
		}
		if len(far.Enclosures) != 0 && name == "feed.xml" {
			t.Errorf("%s: a remote picture, of unknown length, as an enclosure: %+v", name, far.Enclosures)
		}
		if name == "feed.xml" {
			media := quay.Extensions["media"]["content"]
			if len(media) != 1 || media[0].Attrs["url"] != enc.URL || media[0].Attrs["width"] != "1200" || media[0].Attrs["medium"] != "image" {
				t.Errorf("media:content %+v", media)
			}
		}
	}
}

func TestPictureErrors(t *testing.T) {
	tests := []struct{ name, entry, file, want string }{
		{"missing", "image:\n  caption: A.\n  url: gone.jpg\n", "", "content/2026/05/01/a.md:7: image url \"gone.jpg\" names content/2026/05/01/gone.jpg, which does not exist"},
		{"not a picture", "image: {url: a.png}\n", "not a picture", "content/2026/05/01/a.md:5: image url \"a.png\" names content/2026/05/01/a.png, which cannot be used: not a JPEG or PNG image"},
		{"outside", "image: {url: ../../../../../x.png}\n", "", "a.md:5: image url \"../../../../../x.png\" leads outside the site folder"},
		{"static", "image: {url: /gone.svg}\n", "", "a.md:5: image url \"/gone.svg\" names static/gone.svg, which does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, data string) { writeFile(t, dir, name, data) }
			write("digest.yaml", "title: T\nbase_url: https://example.org/\n")
			write("content/2026/05/01/a.md", "---\ntitle: A\ndate: 2026-05-01\ntopics: [x]\n"+tt.entry+"---\nBody.\n")
			write("content/2026/05/01/b.md", "---\ntitle: B\ndate: 2026-05-01\nimage: {url: gone-too.png}\n---\nBody.\n")
			if tt.file != "" {
				write("content/2026/05/01/a.png", tt.file)
			}
			_, err := Build(BuildOptions{Site: dir, Out: filepath.Join(t.TempDir(), "out"), Now: mediaNow})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "content/2026/05/01/b.md:4: image url \"gone-too.png\"") {
				t.Errorf("the other entry's missing picture is not reported at once: %v", err)
			}
		})
	}
}

func TestPictureOverLimitWarns(t *testing.T) {
	dir := mediaSite(t)
	cfg := filepath.Join(dir, "digest.yaml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, "max_image_size: 1KB\n"...), 0o644)
	var log bytes.Buffer
	if _, err := Build(BuildOptions{Site: dir, Out: filepath.Join(t.TempDir(), "out"), Now: mediaNow, Log: &log}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "warning: content/2026/05/01/quay.jpg: ") || !strings.Contains(log.String(), "over max_image_size (1 KB)") {
		t.Errorf("log:\n%s", log.String())
	}
}

// TestPicturesWarm: a warm build with nothing changed scales nothing and
// writes nothing; new pixels in a picture remake what shows it, at new
// addresses, and the old variants leave the output; warm equals cold.
func TestPicturesWarm(t *testing.T) {
	dir := mediaSite(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := BuildOptions{Site: dir, Out: out, Now: mediaNow}
	first, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Scaled != 5 { // 480, 800, 1200 of the JPEG; 480, 640 of the PNG
		t.Errorf("cold build scaled %d variants, want 5", first.Scaled)
	}
	warm, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if warm.Scaled != 0 || warm.Rendered != 0 || warm.Written != 0 {
		t.Errorf("warm build with nothing changed: %d scaled, %d rendered, %d changed", warm.Scaled, warm.Rendered, warm.Written)
	}
	old := mediaFiles(t, out)
	pic := filepath.Join(dir, "content/2026/05/01/quay.jpg")
	os.WriteFile(pic, sized(rand.New(rand.NewPCG(9, 9)), ".jpg", 1000, 500), 0o644)
	edited, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if edited.Scaled != 3 { // 480, 800 and its own 1000
		t.Errorf("after an edit of one picture, %d variants scaled, want 3", edited.Scaled)
	}
	if !strings.Contains(strings.Join(edited.RenderedPages, " "), "2026/05/01/quay/index.html") {
		t.Errorf("the article showing the edited picture is not remade: %v", edited.RenderedPages)
	}
	now := mediaFiles(t, out)
	for name := range old {
		if now[name] && strings.HasSuffix(name, ".jpg") {
			t.Errorf("%s, of the old picture, is still published", name)
		}
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: mediaNow, NoCache: true}))
}

func mediaFiles(t *testing.T, out string) map[string]bool {
	entries, err := os.ReadDir(filepath.Join(out, "media"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	return names
}
