package images

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// picture writes a w x h picture in format to a file of dir.
func picture(t *testing.T, dir, name, format string, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if format == "png" {
		png.Encode(&b, img)
	} else {
		jpeg.Encode(&b, img, nil)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVariants(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		format string
		w, h   int
		widths []int
	}{
		{"jpeg", 1600, 900, []int{480, 800, 1200}},
		{"png", 640, 480, []int{480, 640}}, // never scaled up: its own width last
		{"png", 300, 100, []int{300}},
		{"jpeg", 1200, 600, []int{480, 800, 1200}},
	}
	p := Open(filepath.Join(dir, "cache"))
	for _, tt := range tests {
		src := picture(t, dir, tt.format+"-"+string(rune('a'+tt.w/100)), tt.format, tt.w, tt.h)
		im, err := p.Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if im.Format != tt.format || im.Width != tt.w || im.Height != tt.h {
			t.Errorf("%s: %+v", src, im)
		}
		if len(im.Variants) != len(tt.widths) {
			t.Fatalf("%dx%d: variants %+v, want widths %v", tt.w, tt.h, im.Variants, tt.widths)
		}
		for i, v := range im.Variants {
			data, err := p.Read(src, im, v)
			if err != nil {
				t.Fatal(err)
			}
			img, format, err := image.Decode(bytes.NewReader(data))
			if err != nil || format != tt.format {
				t.Fatalf("variant %s: %s, %v", v.Name, format, err)
			}
			wantH := (tt.h*tt.widths[i] + tt.w/2) / tt.w
			if b := img.Bounds(); b.Dx() != tt.widths[i] || b.Dy() != wantH || v.Height != wantH || int64(len(data)) != v.Length {
				t.Errorf("variant %s is %dx%d (%d bytes), recorded %dx%d (%d), want %dx%d", v.Name, b.Dx(), b.Dy(), len(data), v.Width, v.Height, v.Length, tt.widths[i], wantH)
			}
		}
	}
}

// TestCache: a second build reads no picture and scales none; new bytes
// under the same name are scaled again, under new names; a variant lost
// from the cache is made again when read.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	src := picture(t, dir, "a.jpg", "jpeg", 1000, 500)
	first := Open(cache)
	im, err := first.Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	if first.Scaled.Load() != 3 {
		t.Errorf("first build scaled %d, want 3", first.Scaled.Load())
	}
	again := Open(cache)
	im2, err := again.Prepare(src)
	if err != nil || again.Scaled.Load() != 0 || im2.Hash != im.Hash {
		t.Errorf("warm: %d scaled, %v", again.Scaled.Load(), err)
	}
	os.Remove(filepath.Join(cache, "v1", im.Variants[0].Name))
	if _, err := again.Read(src, im2, im2.Variants[0]); err != nil || again.Scaled.Load() != 1 {
		t.Errorf("a lost variant: %v, %d scaled", err, again.Scaled.Load())
	}
	picture(t, dir, "a.jpg", "jpeg", 900, 500)
	later := time.Now().Add(time.Second)
	os.Chtimes(src, later, later)
	edited := Open(cache)
	im3, err := edited.Prepare(src)
	if err != nil || im3.Hash == im.Hash || im3.Variants[len(im3.Variants)-1].Width != 900 || edited.Scaled.Load() != 3 {
		t.Errorf("edited: %+v, %d scaled, %v", im3, edited.Scaled.Load(), err)
	}
}

func TestNotAPicture(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.png")
	os.WriteFile(src, []byte("GIF89a not really"), 0o644)
	if _, err := Open("").Prepare(src); err == nil || err.Error() != "not a JPEG or PNG image" {
		t.Errorf("error %v", err)
	}
	if _, err := Open("").Prepare(filepath.Join(dir, "none.png")); err == nil {
		t.Error("a missing file prepared")
	}
}
