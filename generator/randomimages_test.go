package generator

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path"
	"regexp"
	"strings"
)

// imageRe is an entry's image key with the lines it holds.
var imageRe = regexp.MustCompile(`(?m)^image:.*\n(  .*\n)*`)

// editImage gives an entry a local picture of its own (a new file, or new
// pixels in the one it has), or takes the picture and its file away, or
// only the entry's mention of it.
func (e *editor) editImage(list []string) (string, []string) {
	e.n++
	rel := e.pick(list)
	data := e.read(rel)
	name := strings.TrimSuffix(path.Base(rel), ".md") + []string{".png", ".jpg"}[e.rnd.IntN(2)]
	file := path.Join(path.Dir(rel), name)
	if m := regexp.MustCompile(`(?m)^image: \{url: (\S+)\}\n`).FindStringSubmatch(data); m != nil {
		file = path.Join(path.Dir(rel), m[1])
		switch e.rnd.IntN(3) {
		case 0: // the same file, other pixels and maybe another size
			e.write(file, string(drawImage(e.rnd, path.Ext(file))))
			return "repaint " + file, []string{file}
		case 1:
			os.Remove(e.path(file))
			e.write(rel, imageRe.ReplaceAllString(data, ""))
			return "unpicture " + rel, []string{rel, file}
		}
		e.write(rel, imageRe.ReplaceAllString(data, ""))
		return "unmention " + file, []string{rel}
	}
	e.write(file, string(drawImage(e.rnd, path.Ext(file))))
	data = imageRe.ReplaceAllString(data, "")
	e.write(rel, strings.Replace(data, "\n", "\nimage: {url: "+name+"}\n", 1))
	return "picture " + file, []string{rel, path.Dir(file), file}
}

// drawImage is a small picture in the format of ext, from 100 to 900
// pixels wide: some narrower than the narrowest variant, some wider.
func drawImage(rnd *rand.Rand, ext string) []byte {
	w, h := 100+rnd.IntN(800), 60+rnd.IntN(400)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c := color.RGBA{uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), 255}
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{c.R + uint8(x), c.G + uint8(y), c.B, 255})
		}
	}
	return encodeTest(img, ext)
}

func encodeTest(img image.Image, ext string) []byte {
	var b bytes.Buffer
	var err error
	if ext == ".png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		panic(fmt.Sprint("drawing a test image: ", err))
	}
	return b.Bytes()
}
