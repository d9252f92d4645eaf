package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/check"
	"github.com/digest-news/digest/generator/content"
)

// The records digest ping works from, in <site>/.digest-cache/ (ignored by
// git; the Pages workflow keeps the folder between runs). Each is named by
// the output folder it is about, as a site may be built into several:
//
//   - websub-<out>.json: written by every build with websub_hub set, the
//     live feeds it published (output path and absolute URL, with the base
//     URL of that build) and the hub they name;
//   - pinged-<out>.json: written by digest ping, the hub and the SHA-256 of
//     each feed's bytes when the hub last accepted it.
//
// JSON, as these are a few lines a site, read once a command.

// feedRecord is what a build published that a hub should know of.
type feedRecord struct {
	Hub   string      `json:"hub"`
	Feeds []feedEntry `json:"feeds"`
}

type feedEntry struct {
	Path string `json:"path"` // in the output folder
	URL  string `json:"url"`
}

// pingRecord is what the hub was told.
type pingRecord struct {
	Hub  string            `json:"hub"`
	Sent map[string]string `json:"sent"` // feed URL -> hex SHA-256 of the bytes it was pinged with
}

// recordName is the name of a record of kind about the output folder out.
func recordName(site, kind, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(site, cache.Dir, kind+"-"+hex.EncodeToString(sum[:8])+".json")
}

// recordFeeds keeps the live feeds of a finished build for digest ping. A
// build that cannot write it still succeeds: ping then says there is no
// record.
func (b *builder) recordFeeds() {
	hub := b.site.Config.WebSubHub
	if hub == "" || b.store == nil || b.opts.Preview != nil || b.opts.noRecord {
		return
	}
	rec := feedRecord{Hub: hub}
	for _, l := range b.site.Feeds {
		rec.Feeds = append(rec.Feeds, feedEntry{Path: l.Path, URL: l.URL})
	}
	for _, t := range b.site.Topics {
		for _, l := range t.Feeds {
			rec.Feeds = append(rec.Feeds, feedEntry{Path: l.Path, URL: l.URL})
		}
	}
	writeJSON(recordName(b.opts.Site, "websub", b.out), rec)
}

// writeJSON writes v to name through a temporary file, so that a reader
// never sees half a record.
func writeJSON(name string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// readJSON reads a record; false when there is none.
func readJSON(name string, v any) (bool, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, errors.New(name + ": " + err.Error() + " (delete it: the next build or ping writes it again)")
	}
	return true, nil
}

// Pinged reports whether digest ping ever told a hub of the feeds built
// into out.
func Pinged(site, out string) bool {
	var rec pingRecord
	ok, err := readJSON(recordName(site, "pinged", out), &rec)
	return ok && err == nil
}

// hubFinding warns of a hub that digest ping never told of the feeds in
// <site>/public: subscribers relying on it never hear of new entries.
func hubFinding(site, hub string) *check.Finding {
	if hub == "" || Pinged(site, filepath.Join(site, "public")) {
		return nil
	}
	line := 0
	if data, err := os.ReadFile(filepath.Join(site, content.ConfigFile)); err == nil {
		for i, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "websub_hub:") {
				line = i + 1
			}
		}
	}
	return &check.Finding{Severity: check.Warning, File: content.ConfigFile, Line: line,
		Message: "websub_hub " + hub + " is set but digest ping never told it of the feeds in public/: run digest ping after each deploy (the Pages workflow does)"}
}
