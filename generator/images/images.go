package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
)

// Version names the way variants are made; it is part of the variant files'
// folder (see the package doc).
const Version = 1

// Widths are the variants' widths by default, in CSS pixels of a one-column
// page on phones, tablets and wide screens.
var Widths = []int{480, 800, 1200}

// maxPixels bounds the images decoded: a small file can claim a huge canvas
// (a decompression bomb), and every core decoding one at once must fit.
const maxPixels = 40 << 20

// jpegQuality keeps photos sharp at a third of the bytes of quality 100.
const jpegQuality = 82

// Image is a local image and its variants.
type Image struct {
	Hash          string // hex SHA-256 of the source's bytes
	Format        string // "jpeg" or "png"
	Size          int64  // bytes of the source
	Width, Height int
	Variants      []Variant // narrowest first; the last is the widest
}

// Type is the image's MIME type.
func (im *Image) Type() string { return "image/" + im.Format }

// Variant is one published size of an image.
type Variant struct {
	Name          string // file name: <hash>-<width>.<ext>, the hash cut to 80 bits
	Width, Height int
	Length        int64 // bytes
}

// Processor prepares images for one build; safe for concurrent use.
type Processor struct {
	dir string // the cache folder; "" keeps variants in memory only

	mu      sync.Mutex
	index   map[string]record // by source path
	changed bool
	mem     map[string][]byte // variants made this build, by name, when dir is ""

	// Scaled counts the variants made (not taken from the cache) by this
	// Processor: a warm build with nothing changed makes none.
	Scaled atomic.Int64
}

// record is a source as the index keeps it.
type record struct {
	Size  int64 `json:"size"`
	MTime int64 `json:"mtime"`
	Image Image `json:"image"`
}

// Open is a Processor whose cache is in dir ("" for none).
func Open(dir string) *Processor {
	p := &Processor{dir: dir, index: map[string]record{}, mem: map[string][]byte{}}
	p.loadIndex()
	return p
}

// Prepare is the image at path, with its variants made or found in the
// cache. The error names what is wrong with the file, not where it is used.
func (p *Processor) Prepare(path string) (*Image, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, errors.Unwrap(err) // the caller names the path
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	p.mu.Lock()
	r, ok := p.index[path]
	p.mu.Unlock()
	if ok && r.Size == info.Size() && r.MTime == info.ModTime().UnixNano() && p.dir != "" {
		im := r.Image
		return &im, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	im, err := p.make(data)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.index[path] = record{Size: info.Size(), MTime: info.ModTime().UnixNano(), Image: *im}
	p.changed = true
	p.mu.Unlock()
	return im, nil
}

// make works out an image's variants from its bytes and writes those not
// in the cache.
func (p *Processor) make(data []byte) (*Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "jpeg" && format != "png") {
		return nil, errors.New("not a JPEG or PNG image")
	}
	if cfg.Width < 1 || cfg.Height < 1 || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, fmt.Errorf("%dx%d pixels is not a size this build decodes (at most %d megapixels)", cfg.Width, cfg.Height, maxPixels>>20)
	}
	sum := sha256.Sum256(data)
	im := &Image{Hash: hex.EncodeToString(sum[:]), Format: format, Size: int64(len(data)), Width: cfg.Width, Height: cfg.Height}
	var src image.Image // decoded when a variant must be made
	for _, w := range widths(cfg.Width) {
		v := Variant{Name: im.Hash[:20] + "-" + strconv.Itoa(w) + ext(format), Width: w, Height: scaledHeight(cfg, w)}
		if n, ok := p.cached(v.Name); ok {
			v.Length = n
			im.Variants = append(im.Variants, v)
			continue
		}
		if src == nil {
			if src, _, err = image.Decode(bytes.NewReader(data)); err != nil {
				return nil, errors.New("not a JPEG or PNG image: " + err.Error())
			}
		}
		out, err := encode(scale(src, v.Width, v.Height), format)
		if err != nil {
			return nil, err
		}
		p.Scaled.Add(1)
		v.Length = int64(len(out))
		if err := p.store(v.Name, out); err != nil {
			return nil, err
		}
		im.Variants = append(im.Variants, v)
	}
	return im, nil
}

// widths are the variants' widths for a source w pixels wide: each of
// Widths narrower than it, then its own when under the widest.
func widths(w int) []int {
	var list []int
	for _, x := range Widths {
		if x < w {
			list = append(list, x)
		}
	}
	if len(list) < len(Widths) {
		list = append(list, w)
	}
	return list
}

func scaledHeight(cfg image.Config, w int) int {
	return max(1, (cfg.Height*w+cfg.Width/2)/cfg.Width)
}

func ext(format string) string {
	if format == "jpeg" {
		return ".jpg"
	}
	return ".png"
}

func encode(img image.Image, format string) ([]byte, error) {
	var b bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: jpegQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
	}
	return b.Bytes(), err
}
