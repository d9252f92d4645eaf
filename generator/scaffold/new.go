package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/ingest"
)

// Entry is what New needs to start an entry.
type Entry struct {
	Title   string
	Topics  []string
	Summary string
	Body    []byte
	Now     time.Time // the entry's date; zero means the current time
	Live    bool      // published at once (the welcome entry of init), not a draft
}

// maxSlug is the longest slug New writes, suffix included.
const maxSlug = 80

// New writes a new entry into the site in dir, dated now in the site's
// timezone, and returns the path of the file it wrote. The entry is a
// draft: a stub pushed by accident does not go live.
func New(dir string, e Entry) (string, error) {
	site := os.DirFS(dir)
	cfg, err := content.LoadConfig(site)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(e.Title) == "" {
		return "", errors.New("the entry needs a title: digest new \"The headline\"")
	}
	if err := checkTopics(cfg, e.Topics); err != nil {
		return "", err
	}
	now := e.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(cfg.Location).Truncate(time.Minute)
	taken, err := takenSlugs(site, cfg, now.Format("2006/01/02"))
	if err != nil {
		return "", err
	}
	slug := uniqueSlug(ingest.Slug(e.Title), taken)
	fm := content.FrontMatter{
		Title:   strings.TrimSpace(e.Title),
		Date:    now.Format("2006-01-02 15:04"),
		Topics:  e.Topics,
		Summary: e.Summary,
		ID:      MintID(cfg, now, slug),
		Draft:   !e.Live,
	}
	if cfg.Author != "" {
		fm.Authors = []string{cfg.Author}
	}
	data, err := content.Format(fm, e.Body)
	if err != nil {
		return "", err
	}
	rel := path.Join(content.Dir, now.Format("2006/01/02"), slug+".md")
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", err
	}
	return name, writeNew(name, data)
}

// MintID is the id a build derives for an entry without one: a tag: URI
// (RFC 4151) of the id authority (else base_url's host), the day and the slug.
func MintID(cfg *content.Config, date time.Time, slug string) string {
	return cfg.TagID(date.Format("2006-01-02"), slug)
}

func checkTopics(cfg *content.Config, topics []string) error {
	for _, t := range topics {
		if len(cfg.Topics) == 0 {
			if ingest.Slug(t) != t {
				return fmt.Errorf("topic %q is not a slug: use lowercase letters, digits and hyphens", t)
			}
			continue
		}
		if _, ok := cfg.Topics[t]; !ok {
			return fmt.Errorf("unknown topic %q: use one of %s, or declare it under topics in %s",
				t, strings.Join(cfg.TopicSlugs(), ", "), content.ConfigFile)
		}
	}
	return nil
}

// takenSlugs are the slugs of entries published on day (YYYY/MM/DD), plus the
// file names in that day's folder.
func takenSlugs(site fs.FS, cfg *content.Config, day string) (map[string]bool, error) {
	taken := map[string]bool{}
	files, err := content.EntryFiles(site)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if path.Dir(f) == path.Join(content.Dir, day) {
			taken[strings.TrimSuffix(path.Base(f), ".md")] = true
		}
		data, err := fs.ReadFile(site, f)
		if err != nil {
			return nil, err
		}
		if e, _ := content.ParseEntry(f, data, cfg); e != nil && !e.Date.IsZero() && e.Day() == day {
			taken[e.Slug] = true
		}
	}
	return taken, nil
}

// uniqueSlug is slug, or slug-2, slug-3... for the first one not taken,
// always at most maxSlug bytes.
func uniqueSlug(slug string, taken map[string]bool) string {
	for n := 1; ; n++ {
		suffix := ""
		if n > 1 {
			suffix = "-" + strconv.Itoa(n)
		}
		base := slug
		if len(base)+len(suffix) > maxSlug {
			base = strings.TrimRight(base[:maxSlug-len(suffix)], "-")
		}
		if !taken[base+suffix] {
			return base + suffix
		}
	}
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
