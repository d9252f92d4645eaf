package images

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/draw"
)

// indexVersion changes when the index's format does; an index of another
// version is ignored.
const indexVersion = 1

type indexFile struct {
	Version int               `json:"version"`
	Sources map[string]record `json:"sources"`
}

func (p *Processor) variantDir() string {
	return filepath.Join(p.dir, "v"+strconv.Itoa(Version))
}

func (p *Processor) loadIndex() {
	if p.dir == "" {
		return
	}
	data, err := os.ReadFile(filepath.Join(p.dir, "index.json"))
	if err != nil {
		return
	}
	var f indexFile
	if json.Unmarshal(data, &f) == nil && f.Version == indexVersion && f.Sources != nil {
		p.index = f.Sources
	}
}

// Save writes the index when this build changed it. Sources no longer
// asked for stay: an image taken out of an entry and put back is not made
// again.
func (p *Processor) Save() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dir == "" || !p.changed {
		return nil
	}
	data, err := json.Marshal(indexFile{Version: indexVersion, Sources: p.index})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(p.dir, "index.json"), data); err != nil {
		return err
	}
	p.changed = false
	return nil
}

// cached is the length of a variant file already in the cache.
func (p *Processor) cached(name string) (int64, bool) {
	if p.dir == "" {
		return 0, false
	}
	info, err := os.Stat(filepath.Join(p.variantDir(), name))
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return 0, false
	}
	return info.Size(), true
}

func (p *Processor) store(name string, data []byte) error {
	if p.dir == "" {
		p.mu.Lock()
		p.mem[name] = data
		p.mu.Unlock()
		return nil
	}
	return writeFile(filepath.Join(p.variantDir(), name), data)
}

// Read is the bytes of a variant of im. A variant file gone from the cache,
// or of another length than recorded, is made again from src, the source.
func (p *Processor) Read(src string, im *Image, v Variant) ([]byte, error) {
	if p.dir == "" {
		p.mu.Lock()
		data, ok := p.mem[v.Name]
		p.mu.Unlock()
		if ok {
			return data, nil
		}
	} else if data, err := os.ReadFile(filepath.Join(p.variantDir(), v.Name)); err == nil && int64(len(data)) == v.Length {
		return data, nil
	}
	source, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(source))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	data, err := encode(scale(img, v.Width, v.Height), im.Format)
	if err != nil {
		return nil, err
	}
	p.Scaled.Add(1)
	if int64(len(data)) != v.Length {
		return nil, fmt.Errorf("%s changed during the build", src)
	}
	return data, p.store(v.Name, data)
}

// scale draws img at w x h with Catmull-Rom, which keeps edges crisp when
// shrinking; an image already that size is kept as it is.
func scale(img image.Image, w, h int) image.Image {
	if b := img.Bounds(); b.Dx() == w && b.Dy() == h {
		return img
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// writeFile writes beside the final name and renames, so that a reader
// never sees half a file and two builds writing the same variant agree.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
