package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/images"
	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/site"
)

// mediaDir is the output folder of the images' variants. Their names carry
// the source's hash: an edited image gets new addresses, which no reader's
// cache holds under the old bytes.
const mediaDir = "media/"

// mediaFile is a variant to publish: which source it scales.
type mediaFile struct {
	src string // path on disk
	im  *images.Image
	v   images.Variant
}

// localImage is where an article's image file is, when it names one of
// the site: a path from the site's root is under static/, any other is
// beside the entry. remote reports an image of another host; passed, a
// file of static/ the build does not scale (SVG, GIF, WebP), which the
// static files publish as they are.
func localImage(a *site.Article) (rel string, remote, passed bool, problem string) {
	u, err := url.Parse(a.Image.URL)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", true, false, ""
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		rel = path.Join("static", p)
		switch strings.ToLower(path.Ext(p)) {
		case ".jpg", ".jpeg", ".png":
		default:
			return rel, false, true, ""
		}
	} else {
		rel = path.Join(path.Dir(a.Entry.File), p)
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false, false, "leads outside the site folder"
	}
	return rel, false, false, ""
}

// pictures works out every article's picture before any key or page:
// remote images as written; local ones scaled, each file once and in
// parallel, or found in the image cache. A missing or unreadable file is
// an error at the entry's image line; one over max_image_size a warning.
func (b *builder) pictures() error {
	if b.images == nil {
		dir := ""
		if !b.opts.NoCache {
			dir = filepath.Join(b.opts.Site, cache.Dir, "images")
		}
		b.images = images.Open(dir)
	}
	bySource := map[string][]*site.Article{}
	var sources []string
	var errs []error
	for _, a := range b.site.Articles {
		if a.Image == nil || a.Image.URL == "" {
			continue
		}
		rel, remote, passed, problem := localImage(a)
		switch {
		case remote: // shown as written, as site.New left it
		case problem != "":
			errs = append(errs, b.imageError(a, problem))
		case passed:
			if _, err := os.Stat(filepath.Join(b.opts.Site, filepath.FromSlash(rel))); err != nil {
				errs = append(errs, b.imageError(a, "names "+rel+", which "+fileProblem(err)))
			}
			a.Picture = &site.Picture{URL: b.site.BasePath + strings.TrimPrefix(rel, "static/")}
		default:
			if bySource[rel] == nil {
				sources = append(sources, rel)
			}
			bySource[rel] = append(bySource[rel], a)
		}
	}
	slices.Sort(sources)
	made := make([]*images.Image, len(sources))
	failed := make([]error, len(sources))
	parallel.Do(len(sources), func(i int) error {
		im, err := b.images.Prepare(filepath.Join(b.opts.Site, filepath.FromSlash(sources[i])))
		if err != nil {
			for _, a := range bySource[sources[i]] {
				failed[i] = errors.Join(failed[i], b.imageError(a, "names "+sources[i]+", which "+fileProblem(err)))
			}
		}
		made[i] = im
		return nil
	})
	if err := joinSorted(append(errs, failed...)); err != nil {
		return err // every bad image at once
	}
	b.media = map[string]mediaFile{}
	for i, rel := range sources {
		im := made[i]
		if im.Size > b.site.Config.ImageLimit {
			b.warn.add("%s: %s, over max_image_size (%s): readers on phones pay for it; save it smaller or raise max_image_size in digest.yaml",
				rel, content.FormatSize(im.Size), content.FormatSize(b.site.Config.ImageLimit))
		}
		pic := b.picture(filepath.Join(b.opts.Site, filepath.FromSlash(rel)), im)
		for _, a := range bySource[rel] {
			a.Picture = pic
		}
	}
	b.res.Scaled = int(b.images.Scaled.Load())
	return b.images.Save()
}

// picture is the model's view of a prepared image; its src is the widest
// variant, the one link previews and feeds take.
func (b *builder) picture(src string, im *images.Image) *site.Picture {
	pic := &site.Picture{Type: im.Type(), Hash: im.Hash}
	for _, v := range im.Variants {
		p := mediaDir + v.Name
		pic.Variants = append(pic.Variants, site.PictureVariant{Path: p, URL: b.site.BasePath + p, Width: v.Width, Height: v.Height, Length: v.Length})
		b.media[p] = mediaFile{src: src, im: im, v: v}
	}
	w := pic.Variants[len(pic.Variants)-1]
	pic.URL, pic.Width, pic.Height, pic.Length = w.URL, w.Width, w.Height, w.Length
	return pic
}

func (b *builder) imageError(a *site.Article, problem string) error {
	line := 1
	if data, err := os.ReadFile(filepath.Join(b.opts.Site, filepath.FromSlash(a.Entry.File))); err == nil {
		line = content.FrontKeyLine(a.Entry.File, data, "image", "url")
	}
	return &content.Error{File: a.Entry.File, Line: line, Msg: fmt.Sprintf("image url %q %s", a.Image.URL, problem),
		Hint: "put a JPEG or PNG beside the entry (url: photo.jpg) or under static/ (url: /images/photo.jpg), or give an https:// URL"}
}

func fileProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read (permission denied)"
	}
	return "cannot be used: " + err.Error()
}

// publishMedia writes the variants whose files are not as the last build
// left them. A variant's key is its name, which holds its source's hash
// and its width, and the images package's version: the same name is the
// same bytes, so a kept one is not read at all.
func (b *builder) publishMedia() error {
	names := make([]string, 0, len(b.media))
	for p := range b.media {
		names = append(names, p)
	}
	slices.Sort(names)
	return parallel.Do(len(names), func(i int) error {
		m := b.media[names[i]]
		key := cache.FileKey(b.global, names[i], cache.NewHasher().Int(images.Version).String(m.v.Name).Sum())
		if b.keep(names[i], key) {
			return nil
		}
		data, err := b.images.Read(m.src, m.im, m.v)
		if err != nil {
			return err
		}
		return b.put(names[i], cache.Output{Key: key}, bytes.NewBuffer(data))
	})
}

// joinSorted joins errors in the order of their texts, which start with
// the entry's file and line.
func joinSorted(list []error) error {
	list = slices.DeleteFunc(list, func(err error) bool { return err == nil })
	slices.SortFunc(list, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(list...)
}
