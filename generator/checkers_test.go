package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The real validators and feed clients of ../shared/checks (see its README),
// run on the sample digest built at a site root and under a project path.
// They skip when the checkers are not installed (see checkerDirs).
func TestExternalCheckers(t *testing.T) {
	checks, checkers := checkerDirs(t)
	for _, tc := range []struct{ base, path string }{
		{"https://example.org/", ""},
		{"https://example.github.io/digest/", "digest"},
	} {
		t.Run(tc.base, func(t *testing.T) {
			out := build(t, BuildOptions{Site: sampleSite, BaseURL: tc.base})
			rss, atom := feedFiles(t, out)
			feeds := append(append([]string{}, rss...), atom...)
			env := append(os.Environ(), "CHECKERS_DIR="+checkers, "NODE_PATH="+filepath.Join(checkers, "node", "node_modules"))
			runs := []struct {
				name string
				args []string
			}{
				{"feed_rules", append([]string{"python3", filepath.Join(checks, "feed_rules.py"), "--strict"}, feeds...)},
				{"atom_validate", append([]string{"bash", filepath.Join(checks, "atom_validate.sh")}, atom...)},
				{"feedparser", append([]string{"/usr/bin/python3", filepath.Join(checks, "feedparser_check.py")}, feeds...)},
				{"node_feed", append([]string{"node", filepath.Join(checks, "node_feed_check.js")}, feeds...)},
				{"gofeed", append([]string{"bash", filepath.Join(checks, "gocheck.sh"), "gofeedcheck"}, feeds...)},
				{"newsboat", append([]string{"bash", filepath.Join(checks, "newsboat_check.sh")}, feeds...)},
				{"html", []string{"bash", filepath.Join(checks, "html_check.sh"), out}},
				{"links", []string{"bash", filepath.Join(checks, "links_check.sh"), out, tc.path}},
			}
			for _, r := range runs {
				t.Run(r.name, func(t *testing.T) {
					cmd := exec.Command(r.args[0], r.args[1:]...)
					cmd.Env = env
					outp, err := cmd.CombinedOutput()
					if err != nil {
						t.Errorf("%s failed: %v\n%s", r.name, err, outp)
						return
					}
					t.Logf("%s: %s", r.name, lastLine(outp))
				})
			}
		})
	}
}

// feedFiles lists the RSS and Atom feeds of an output folder.
func feedFiles(t *testing.T, out string) (rss, atom []string) {
	t.Helper()
	for p := range readTree(t, out) {
		switch {
		case strings.HasSuffix(p, "atom.xml"):
			atom = append(atom, filepath.Join(out, p))
		case strings.HasSuffix(p, "feed.xml") || p == "editions.xml":
			rss = append(rss, filepath.Join(out, p))
		}
	}
	sort.Strings(rss)
	sort.Strings(atom)
	if len(rss) == 0 || len(atom) == 0 {
		t.Fatalf("no feeds in %s", out)
	}
	return rss, atom
}

// lastLine is the last line with text, without terminal colour codes.
func lastLine(b []byte) string {
	lines := strings.Split(string(b), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		line := strings.TrimSpace(ansi.ReplaceAllString(lines[i], ""))
		if line != "" {
			return line
		}
	}
	return ""
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)
