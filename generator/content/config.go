package content

import (
	"errors"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/locale"
)

// ConfigFile is the name of the site configuration at the root of a site.
const ConfigFile = "digest.yaml"

// PlaceholderHost is the host digest init writes into base_url and
// id_authority until the site's own is known; check warns while it stays.
const PlaceholderHost = "example.github.io"

// Config is digest.yaml.
type Config struct {
	Title       string           `yaml:"title"`
	Description string           `yaml:"description"`
	BaseURL     string           `yaml:"base_url"`
	Language    string           `yaml:"language"`
	Timezone    string           `yaml:"timezone"`
	Author      string           `yaml:"author"`
	PerPage     int              `yaml:"per_page"`
	FeedItems   int              `yaml:"feed_items"`
	IDAuthority string           `yaml:"id_authority"` // tag: URI authority, e.g. "example.org,2026"
	CNAME       string           `yaml:"cname"`
	Topics      map[string]Topic `yaml:"topics"`
	// MaxEntrySize is the largest entry file read, as written: bytes, or a
	// number with a unit (512KB, 4MiB; see ParseSize). Default 4MiB.
	MaxEntrySize string `yaml:"max_entry_size"`
	// MaxImageSize is the size of a local lead image over which the build
	// warns (readers on phones pay for it), written like MaxEntrySize.
	// Default 1MB.
	MaxImageSize string `yaml:"max_image_size"`
	// Strings replace texts of the theme's table for Language (see package
	// locale): key: text.
	Strings map[string]string `yaml:"strings"`
	// WebSubHub is the WebSub hub every feed names (rel="hub"), which
	// digest ping tells of changed feeds.
	WebSubHub string `yaml:"websub_hub"`

	Location   *time.Location `yaml:"-"`
	EntryLimit int64          `yaml:"-"` // MaxEntrySize in bytes, defaulted
	ImageLimit int64          `yaml:"-"` // MaxImageSize in bytes, defaulted

	host string // BaseURL's hostname, set with it: TagID asks once per entry
}

// Topic is one declared topic; entries name it by its slug.
type Topic struct {
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Keywords    []string `yaml:"keywords"`
}

// TopicSlugs lists the declared topics in a stable order.
func (c *Config) TopicSlugs() []string {
	slugs := make([]string, 0, len(c.Topics))
	for s := range c.Topics {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	return slugs
}

// LoadConfig reads and checks digest.yaml at the root of fsys.
func LoadConfig(fsys fs.FS) (*Config, error) {
	if _, ok := fsys.(dirFS); !ok {
		// Open itself would block on a FIFO: only DirFS opens without waiting.
		if info, err := fs.Stat(fsys, ConfigFile); err == nil && !info.Mode().IsRegular() {
			return nil, readError(ConfigFile, ErrNotRegular, "")
		}
	}
	data, err := readLimited(fsys, ConfigFile, maxConfigSize)
	var big *TooLargeError
	if errors.Is(err, ErrNotRegular) || errors.As(err, &big) {
		return nil, readError(ConfigFile, err, "")
	}
	if err != nil {
		return nil, &Error{File: ConfigFile, Msg: "cannot read the site configuration: " + err.Error(),
			Hint: "run digest in the folder holding digest.yaml, or pass --site DIR"}
	}
	return ParseConfig(data)
}

// ParseConfig checks a digest.yaml and fills in defaults.
func ParseConfig(data []byte) (*Config, error) {
	var c Config
	if e := decode(ConfigFile, 0, data, &c); e != nil {
		return nil, e
	}
	var errs []*Error
	bad := func(key, msg, hint string) {
		errs = append(errs, &Error{File: ConfigFile, Line: keyLine(data, 0, key), Msg: msg, Hint: hint})
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "title is missing", "add title: Your Digest's Name")
	}
	if c.BaseURL == "" {
		bad("base_url", "base_url is missing", "add base_url: https://user.github.io/repo/")
	} else if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("base_url", "base_url "+c.BaseURL+" is not an absolute http(s) URL", "write it like https://user.github.io/repo/")
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") + "/"
	if u, err := url.Parse(c.BaseURL); err == nil {
		c.host = u.Hostname()
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Timezone == "" {
		c.Timezone = "UTC"
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		bad("timezone", "unknown timezone "+c.Timezone, "use an IANA name such as Europe/London or UTC")
		loc = time.UTC
	}
	c.Location = loc
	if c.PerPage == 0 {
		c.PerPage = 20
	}
	if c.PerPage < 1 {
		bad("per_page", "per_page must be positive", "set per_page: 20")
	}
	if c.FeedItems == 0 {
		c.FeedItems = 50
	}
	if c.FeedItems < 1 {
		bad("feed_items", "feed_items must be positive", "set feed_items: 50")
	}
	if strings.ContainsAny(c.IDAuthority, ",:/ ") {
		bad("id_authority", "id_authority "+c.IDAuthority+" is not a domain name or e-mail address",
			"write a name you own, like example.org (ids add the date themselves)")
	}
	c.EntryLimit = DefaultMaxEntrySize
	if c.MaxEntrySize != "" {
		n, err := ParseSize(c.MaxEntrySize)
		switch {
		case err != nil:
			bad("max_entry_size", "max_entry_size "+err.Error(), "write bytes or a number with a unit, like 4MiB or 500KB")
		case n < 1<<10 || n > MaxEntrySizeCeiling:
			bad("max_entry_size", "max_entry_size "+c.MaxEntrySize+" is outside 1 KiB to "+FormatSize(MaxEntrySizeCeiling),
				"choose a size in that range, like 4MiB")
		default:
			c.EntryLimit = n
		}
	}
	c.ImageLimit = DefaultMaxImageSize
	if c.MaxImageSize != "" {
		if n, err := ParseSize(c.MaxImageSize); err != nil {
			bad("max_image_size", "max_image_size "+err.Error(), "write bytes or a number with a unit, like 1MB or 500KB")
		} else {
			c.ImageLimit = n
		}
	}
	if c.WebSubHub != "" {
		if u, err := url.Parse(c.WebSubHub); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
			bad("websub_hub", "websub_hub "+c.WebSubHub+" is not an absolute http(s) URL", "write the hub's address, like https://pubsubhubbub.appspot.com/")
		}
	}
	for _, key := range sortedKeys(c.Strings) {
		if msg := locale.Check(key, c.Strings[key]); msg != "" {
			errs = append(errs, &Error{File: ConfigFile, Line: nestedKeyLine(data, "strings", key), Msg: "strings: " + msg,
				Hint: "see the English table in the README for the keys and their shapes"})
		}
	}
	for slug, t := range c.Topics {
		if !validSlug(slug) {
			bad("topics", "topic slug "+slug+" is not a slug", "use lowercase letters, digits and hyphens")
		}
		if t.Name == "" {
			t.Name = slug
			c.Topics[slug] = t
		}
	}
	return &c, joinSorted(errs)
}

// entryLimit is the size limit of an entry file, also for a Config made
// without ParseConfig.
func (c *Config) entryLimit() int64 {
	if c.EntryLimit > 0 {
		return c.EntryLimit
	}
	return DefaultMaxEntrySize
}

// TagID is the permanent id of something published on day (2006-01-02) under
// name: a tag: URI (RFC 4151) of id_authority, else of base_url's host name.
// With id_authority set, ids survive a move of the site.
func (c *Config) TagID(day, name string) string {
	authority := c.IDAuthority
	if authority == "" {
		authority = c.hostname()
	}
	return "tag:" + authority + "," + day + ":" + name
}

// hostname is the host of the base URL.
func (c *Config) hostname() string {
	if c.host != "" {
		return c.host
	}
	u, _ := url.Parse(c.BaseURL) // checked by ParseConfig
	return u.Hostname()
}

// SetBaseURL replaces the configured base URL (the --base-url flag).
func (c *Config) SetBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &Error{File: "--base-url", Msg: raw + " is not an absolute http(s) URL", Hint: "write it like https://user.github.io/repo/"}
	}
	c.BaseURL = strings.TrimSuffix(raw, "/") + "/"
	c.host = u.Hostname()
	return nil
}

// PreviewAt moves the site to origin (the preview's http://host:port),
// keeping base_url's path, and the ids of base_url's host unless
// id_authority names another.
func (c *Config) PreviewAt(origin string) error {
	if c.IDAuthority == "" {
		c.IDAuthority = c.hostname()
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return err
	}
	return c.SetBaseURL(strings.TrimSuffix(origin, "/") + u.Path)
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// nestedKeyLine is the line of key inside the top-level map parent.
func nestedKeyLine(data []byte, parent, key string) int {
	start := keyLine(data, 0, parent)
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if i+1 > start && (strings.HasPrefix(t, key+":") || strings.HasPrefix(t, `"`+key+`":`)) {
			return i + 1
		}
	}
	return start
}
