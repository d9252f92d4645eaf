package generator

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// TestStatsShowTimeAndMemory: --stats prints every stage of the recipe,
// and on unix each wall-clock stage's live heap and peak RSS, which never
// fall from one stage to the next.
func TestStatsShowTimeAndMemory(t *testing.T) {
	var log bytes.Buffer
	res, err := Build(BuildOptions{Site: sampleSite, Out: t.TempDir() + "/public", Stats: true, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"load", "model", "keys", "pages", "feeds", "commit", "total"} {
		if !strings.Contains(log.String(), "\n"+name+" ") && !strings.HasPrefix(log.String(), name+" ") {
			t.Errorf("no %s line in:\n%s", name, log.String())
		}
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return
	}
	var last uint64
	for _, s := range res.Stages {
		if s.Workers {
			continue
		}
		if s.PeakRSS == 0 || s.PeakRSS < last {
			t.Errorf("stage %s: peak RSS %d after %d", s.Name, s.PeakRSS, last)
		}
		last = s.PeakRSS
	}
	if !strings.Contains(log.String(), "peak RSS") {
		t.Errorf("no memory figures in:\n%s", log.String())
	}
}
