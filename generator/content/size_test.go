package content

import (
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"1048576", 1 << 20, false},
		{"4MiB", 4 << 20, false},
		{"4 mib", 4 << 20, false},
		{"500KB", 500_000, false},
		{"2 MB", 2_000_000, false},
		{"16M", 16 << 20, false},
		{"1G", 1 << 30, false},
		{"12b", 12, false},
		{"", 0, true},
		{"MiB", 0, true},
		{"-1", 0, true},
		{"1.5MB", 0, true},
		{"4 TB", 0, true},
		{"99999999999999GiB", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{12, "12 bytes"}, {4 << 20, "4 MiB"}, {500_000, "500 KB"}, {6 << 30, "6 GiB"},
		{3<<20 + 34, "3.0 MiB"}, {1536, "1.5 KiB"}, {5_100_000_000, "5100 MB"}, {5_100_000_001, "4.7 GiB"},
	}
	for _, tt := range tests {
		if got := FormatSize(tt.in); got != tt.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConfigMaxEntrySize(t *testing.T) {
	tests := []struct {
		src  string
		want int64
		err  string
	}{
		{"", DefaultMaxEntrySize, ""},
		{"max_entry_size: 1048576\n", 1 << 20, ""},
		{"max_entry_size: 8MiB\n", 8 << 20, ""},
		{"max_entry_size: 500 KB\n", 500_000, ""},
		{"max_entry_size: lots\n", 0, `digest.yaml:3: max_entry_size "lots" is not a size; write bytes`},
		{"max_entry_size: 0\n", 0, "digest.yaml:3: max_entry_size 0 is outside 1 KiB to 256 MiB"},
		{"max_entry_size: 1GiB\n", 0, "digest.yaml:3: max_entry_size 1GiB is outside"},
		{"max_entry_size: [1]\n", 0, "digest.yaml:3:"},
	}
	for _, tt := range tests {
		cfg, err := ParseConfig([]byte(siteConfig + tt.src))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case tt.err == "" && cfg.EntryLimit != tt.want:
			t.Errorf("%q: limit %d, want %d", tt.src, cfg.EntryLimit, tt.want)
		case tt.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.err)):
			t.Errorf("%q: error %v, want prefix %q", tt.src, err, tt.err)
		}
	}
	if got := (&Config{}).entryLimit(); got != DefaultMaxEntrySize {
		t.Errorf("limit of a Config made by hand = %d", got)
	}
}
