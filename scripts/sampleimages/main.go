// Command sampleimages draws the lead pictures of the sample digest
// (content/ at the repository root): flat illustrations made of shapes, so
// the sample ships pictures of its own making, small enough for the
// repository, and large enough (1600 px) that a build makes every width.
// Run from the repository root: go run ./scripts/sampleimages
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
)

const w, h = 1600, 900

// canvas is a picture being drawn.
type canvas struct{ *image.RGBA }

func newCanvas(top, bottom color.RGBA) canvas {
	c := canvas{image.NewRGBA(image.Rect(0, 0, w, h))}
	for y := range h {
		col := mix(top, bottom, float64(y)/h)
		for x := range w {
			c.SetRGBA(x, y, col)
		}
	}
	return c
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

func rgb(s string) color.RGBA {
	var r, g, b uint8
	fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b)
	return color.RGBA{r, g, b, 255}
}

// fill paints the points inside, a test on pixel coordinates.
func (c canvas) fill(col color.RGBA, inside func(x, y float64) bool) {
	for y := range h {
		for x := range w {
			if inside(float64(x), float64(y)) {
				c.SetRGBA(x, y, col)
			}
		}
	}
}

func (c canvas) rect(x0, y0, x1, y1 float64, col color.RGBA) {
	c.fill(col, func(x, y float64) bool { return x >= x0 && x < x1 && y >= y0 && y < y1 })
}

func (c canvas) circle(cx, cy, r float64, col color.RGBA) {
	c.fill(col, func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r })
}

// sea paints water below level with waves of the given height.
func (c canvas) sea(level, wave float64, col color.RGBA) {
	c.fill(col, func(x, y float64) bool { return y > level+wave*math.Sin(x/70) })
}

// scenes are the sample's pictures by file, each beside its entry.
var scenes = map[string]func() canvas{
	"content/2026/11/24/museum-loom-gallery.jpg": func() canvas {
		c := newCanvas(rgb("#e8dcc4"), rgb("#b89e78"))
		c.rect(0, 640, w, h, rgb("#6b4f34"))
		for i := range 5 {
			x := 180 + float64(i)*280
			c.rect(x, 220, x+180, 520, rgb("#f6efe1"))
			c.rect(x+20, 240, x+160, 500, mix(rgb("#8f1d1d"), rgb("#1d4f8f"), float64(i)/4))
		}
		c.rect(600, 520, 1000, 650, rgb("#3b2a1a"))
		return c
	},
	"content/2026/11/24/corona-fusion-chamber.png": func() canvas {
		c := newCanvas(rgb("#101828"), rgb("#1f2a44"))
		c.circle(800, 450, 330, rgb("#8892a6"))
		c.circle(800, 450, 250, rgb("#2b3550"))
		c.fill(rgb("#f2968a"), func(x, y float64) bool {
			d := math.Hypot(x-800, y-450)
			return d > 180 && d < 215
		})
		return c
	},
	"content/2026/11/23/kelp-lines-boat.jpg": func() canvas {
		c := newCanvas(rgb("#bcd7e6"), rgb("#eef4f7"))
		c.sea(430, 12, rgb("#2f6f7e"))
		for i := range 6 {
			y := 520 + float64(i)*60
			c.rect(0, y, w, y+5, rgb("#c9a227"))
		}
		c.fill(rgb("#8f1d1d"), func(x, y float64) bool { return y > 380 && y < 440 && x > 1000+(440-y) && x < 1350-(440-y)/2 })
		return c
	},
	"content/2026/11/19/battery-containers-aerial.png": func() canvas {
		c := newCanvas(rgb("#7d8b6a"), rgb("#5f6d4f"))
		for row := range 4 {
			for col := range 6 {
				x, y := 150+float64(col)*230, 130+float64(row)*170
				c.rect(x, y, x+200, y+120, rgb("#e9e6df"))
				c.rect(x+10, y+10, x+190, y+30, rgb("#1a56c4"))
			}
		}
		return c
	},
	"content/2026/11/19/national-bank-facade.jpg": func() canvas {
		c := newCanvas(rgb("#d9e4ec"), rgb("#f4f1ea"))
		c.rect(300, 330, 1300, 820, rgb("#e0d6c2"))
		c.fill(rgb("#cbbfa7"), func(x, y float64) bool { return y < 330 && y > 180 && math.Abs(x-800) < (y-180)*500/150 })
		for i := range 6 {
			x := 380 + float64(i)*160
			c.rect(x, 380, x+60, 780, rgb("#f7f3ea"))
		}
		c.rect(260, 820, 1340, 860, rgb("#a89b82"))
		return c
	},
	"content/2026/11/20/wax-cylinders-box.png": func() canvas {
		c := newCanvas(rgb("#3b2a1a"), rgb("#24190f"))
		c.rect(200, 250, 1400, 800, rgb("#8a6a44"))
		for row := range 2 {
			for col := range 6 {
				c.circle(330+float64(col)*190, 400+float64(row)*230, 80, rgb("#2a1d12"))
				c.circle(330+float64(col)*190, 400+float64(row)*230, 62, rgb("#b07a3c"))
			}
		}
		return c
	},
	"content/2026/11/18/comet-harrow-lisk-split.jpg": func() canvas {
		c := newCanvas(rgb("#05070d"), rgb("#141a2c"))
		for i := range 60 {
			c.circle(float64((i*379)%w), float64((i*211)%h), 2+float64(i%3), rgb("#e9e6df"))
		}
		c.fill(rgb("#8fb8ff"), func(x, y float64) bool { return math.Abs((y-300)-(x-500)*0.35) < (x-500)*0.08 && x > 500 && x < 1300 })
		c.circle(500, 300, 26, rgb("#ffffff"))
		c.circle(560, 350, 14, rgb("#ffffff"))
		return c
	},
	"content/2026/11/17/promenade-waves.jpg": func() canvas {
		c := newCanvas(rgb("#6c7a89"), rgb("#b7c2cc"))
		c.sea(500, 40, rgb("#30495c"))
		c.fill(rgb("#f4f1ea"), func(x, y float64) bool { return math.Abs(y-(500+40*math.Sin(x/70))) < 10 })
		c.rect(0, 700, w, h, rgb("#8c8577"))
		return c
	},
	"content/2026/11/16/container-quay-dawn.png": func() canvas {
		c := newCanvas(rgb("#f2b880"), rgb("#f7e3c4"))
		c.sea(620, 6, rgb("#35506b"))
		cols := []string{"#8f1d1d", "#1a56c4", "#c9a227", "#2f6f7e"}
		for i := range 12 {
			x, y := 200+float64(i%6)*180, 460+float64(i/6)*80
			c.rect(x, y, x+170, y+75, rgb(cols[i%4]))
		}
		c.rect(1250, 200, 1290, 620, rgb("#1c1b19"))
		c.rect(1050, 200, 1450, 230, rgb("#1c1b19"))
		return c
	},
	"content/2026/11/16/lighthouse-stairs.jpg": func() canvas {
		c := newCanvas(rgb("#1f2a44"), rgb("#4b5d7a"))
		c.sea(700, 10, rgb("#13202e"))
		c.fill(rgb("#f4f1ea"), func(x, y float64) bool { return y > 220 && y < 700 && math.Abs(x-800) < 60+(y-220)*0.12 })
		for i := range 4 {
			y := 300 + float64(i)*100
			c.rect(700, y, 900, y+30, rgb("#8f1d1d"))
		}
		c.circle(800, 200, 50, rgb("#fdf0c4"))
		return c
	},
}

func main() {
	for name, draw := range scenes {
		if err := write(name, draw()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func write(name string, c canvas) error {
	f, err := os.Create(filepath.FromSlash(name))
	if err != nil {
		return err
	}
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(f, c)
	} else {
		err = jpeg.Encode(f, c, &jpeg.Options{Quality: 80})
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
