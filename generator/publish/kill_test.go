//go:build unix

package publish

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The kill tests run a commit in a copy of the test binary (helperEnv names
// its mode) and SIGKILL it, either where it stops at a named point of the
// commit or after a delay.
const (
	helperEnv   = "DIGEST_PUBLISH_HELPER" // update, flush or write
	helperOut   = "DIGEST_PUBLISH_OUT"
	helperStop  = "DIGEST_PUBLISH_STOP" // point:count, where the helper waits to be killed
	helperNoXch = "DIGEST_PUBLISH_NO_EXCHANGE"
	killPages   = 300
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		start := time.Now()
		if err := commitHelper(mode, os.Getenv(helperOut), &start); err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println("done", time.Since(start).Nanoseconds())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// commitHelper publishes testSite's change of out, the way mode says; it
// sets start when it is ready to.
func commitHelper(mode, out string, start *time.Time) error {
	p := probe{noExchange: os.Getenv(helperNoXch) != ""}
	if stop := os.Getenv(helperStop); stop != "" {
		point, count, _ := strings.Cut(stop, ":")
		want, _ := strconv.Atoi(count)
		seen := 0
		p.reached = func(reached string) {
			if reached == point {
				if seen++; seen == want {
					fmt.Println("stop")
					time.Sleep(time.Minute) // the test kills it meanwhile
					os.Exit(3)
				}
			}
		}
	}
	s := testSite(killPages)
	files := s.changes()
	switch mode {
	case "write":
		w, err := NewWriter(out)
		if err != nil {
			return err
		}
		w.probe = p
		fmt.Println("ready")
		*start = time.Now()
		for _, f := range files {
			if _, err := w.Write(f.Path, f.Data); err != nil {
				return err
			}
		}
		next := s.next()
		for _, name := range slices.Sorted(maps.Keys(next)) {
			if _, changed := s.pages[name]; !changed && s.feeds[name] == "" {
				if _, err := w.Write(name, []byte(next[name])); err != nil {
					return err
				}
			}
		}
		_, err = w.Commit()
		return err
	case "update", "flush":
		u := NewUpdater(out)
		u.probe = p
		n := len(files)
		if mode == "flush" {
			n = len(s.pages)
		}
		for _, f := range files[:n] {
			if _, _, err := u.Put(f.Path, f.Data); err != nil {
				return err
			}
		}
		fmt.Println("ready")
		*start = time.Now()
		if mode == "flush" {
			if _, err := u.Flush(); err != nil {
				return err
			}
			for _, f := range files[n:] {
				if _, _, err := u.Put(f.Path, f.Data); err != nil {
					return err
				}
			}
		}
		_, _, err := u.Commit(s.stale)
		return err
	}
	return fmt.Errorf("unknown mode %q", mode)
}

// killed runs the helper on out; with stop set it kills the helper where it
// stops, else delay after it is ready. It reports whether the helper had
// finished, and then how long its commit took.
func killed(t *testing.T, mode, out, stop string, delay time.Duration, noExchange bool) (bool, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperOut+"="+out, helperStop+"="+stop)
	if noExchange {
		cmd.Env = append(cmd.Env, helperNoXch+"=1")
	}
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := func() string {
		select {
		case line, ok := <-lines:
			if !ok {
				return "exit"
			}
			return line
		case <-ctx.Done():
			return "timeout"
		}
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	if line := next(); line != "ready" {
		t.Fatalf("helper said %q, want ready", line)
	}
	if stop != "" {
		if line := next(); line != "stop" {
			t.Fatalf("helper said %q, want stop at %s", line, stop)
		}
	} else {
		select {
		case <-time.After(delay):
		case line := <-lines:
			return finished(t, line)
		case <-ctx.Done():
			t.Fatal("the helper timed out")
		}
	}
	// A helper that finished meanwhile is past the signal: its last line says so.
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	for line := range lines {
		return finished(t, line)
	}
	return false, 0
}

// finished reads the helper's last line.
func finished(t *testing.T, line string) (bool, time.Duration) {
	t.Helper()
	ns, ok := strings.CutPrefix(line, "done ")
	took, err := strconv.ParseInt(ns, 10, 64)
	if !ok || err != nil {
		t.Fatalf("helper said %q, want done", line)
	}
	return true, time.Duration(took)
}

// outcome checks out after a kill and after the next build's cleanup: each
// time exactly one of the given trees. Before the cleanup an in-place update
// may be part done, but only with a decided journal that finishes it.
func outcome(t *testing.T, out string, writer bool, trees map[string]map[string]string) string {
	t.Helper()
	// Folders an undecided commit made stay, empty, until the cleanup.
	before, exists := snap(t, out, true)
	whole := ""
	for name, files := range trees {
		if maps.Equal(before.files, files) {
			whole = name
		}
	}
	switch {
	case !exists && writer && exchangeOffInTest:
	case !exists:
		t.Fatal("the output folder is gone")
	case whole == "" && writer:
		t.Errorf("after the kill the output is none of %v", treeNames(trees))
	case whole == "" && !decidedJournal(out):
		t.Errorf("after the kill the output is none of %v, and no journal finishes it", treeNames(trees))
	}
	decided := decidedJournal(out)
	if writer {
		removeLeftovers(filepath.Clean(out))
	} else if u := NewUpdater(out); u.err != nil {
		t.Fatal(u.err)
	}
	after, _ := snap(t, out, false)
	for name, files := range trees {
		if after.is(files) {
			if whole != "" && whole != name && !decided {
				t.Errorf("cleanup changed a whole %s output to %s", whole, name)
			}
			besideOnly(t, out)
			return name
		}
	}
	t.Errorf("after cleanup the output is none of %v: against the old, %s", treeNames(trees), after.diff(trees["old"]))
	return ""
}

// exchangeOffInTest says the Writer runs without exchange, when the output
// is missing between its two renames.
var exchangeOffInTest bool

func treeNames(trees map[string]map[string]string) []string {
	var names []string
	for name := range maps.Keys(trees) {
		names = append(names, name)
	}
	return names
}

func decidedJournal(out string) bool {
	for _, stage := range withPrefix(out, stagePrefix) {
		if _, ok := readJournal(stage); ok {
			return true
		}
	}
	return false
}

func oldOut(t *testing.T, s site) string {
	out := filepath.Join(t.TempDir(), "public")
	writeTree(t, out, s.old)
	return out
}

// freshOut is a new output folder holding the files of old.
func freshOut(t *testing.T, old string) string {
	out := filepath.Join(t.TempDir(), "public")
	linkTree(t, old, out)
	return out
}

func TestKillAtPoints(t *testing.T) {
	s := testSite(killPages)
	all := map[string]map[string]string{"old": s.old, "flushed": s.flushed(), "new": s.next()}
	old := oldOut(t, s)
	tests := []struct {
		mode, stop string
		noExchange bool
		want       string
	}{
		{"update", "wrote:1", false, "old"},
		{"update", fmt.Sprintf("wrote:%d", len(s.pages)/2), false, "old"},
		{"update", "made:1", false, "old"},
		{"update", "staged:1", false, "old"},
		{"update", "decided:1", false, "new"},
		{"update", "put:1", false, "new"},
		{"update", fmt.Sprintf("put:%d", len(s.pages)/2), false, "new"},
		{"update", "del:1", false, "new"},
		{"update", "done:1", false, "new"},
		{"flush", "put:1", false, "flushed"},
		{"flush", "done:1", false, "flushed"},
		{"flush", "wrote:" + strconv.Itoa(len(s.pages)+1), false, "flushed"},
		{"flush", "staged:2", false, "flushed"},
		{"flush", "put:" + strconv.Itoa(len(s.pages)+1), false, "new"},
		{"flush", "del:1", false, "new"},
		{"write", "exchanged:1", false, "new"},
		{"write", "aside:1", true, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.mode+"-"+strings.ReplaceAll(tt.stop, ":", "-"), func(t *testing.T) {
			out := freshOut(t, old)
			exchangeOffInTest = tt.noExchange
			defer func() { exchangeOffInTest = false }()
			if done, _ := killed(t, tt.mode, out, tt.stop, 0, tt.noExchange); done {
				t.Fatal("the helper finished before it was killed")
			}
			if got := outcome(t, out, tt.mode == "write", all); got != tt.want {
				t.Errorf("output is the %s tree, want the %s", got, tt.want)
			}
		})
	}
}

// TestKillAnywhere kills commits after delays spread over how long one takes.
func TestKillAnywhere(t *testing.T) {
	s := testSite(killPages)
	all := map[string]map[string]string{"old": s.old, "flushed": s.flushed(), "new": s.next()}
	old := oldOut(t, s)
	kills := 16
	if testing.Short() {
		kills = 6
	}
	for _, mode := range []struct {
		name       string
		noExchange bool
	}{{"update", false}, {"flush", false}, {"write", false}, {"write", true}} {
		t.Run(fmt.Sprintf("%s-exchange=%v", mode.name, !mode.noExchange), func(t *testing.T) {
			exchangeOffInTest = mode.noExchange
			defer func() { exchangeOffInTest = false }()
			out := freshOut(t, old)
			// A delay past the commit lets it finish: the measure of its length.
			done, took := killed(t, mode.name, out, "", 10*time.Second, mode.noExchange)
			if !done {
				t.Fatal("an unkilled commit did not finish")
			}
			outcome(t, out, mode.name == "write", all)
			seed := time.Now().UnixNano()
			r := rand.New(rand.NewPCG(uint64(seed), 0))
			seen := map[string]int{}
			for range kills {
				out := freshOut(t, old)
				// Past the end too: a commit's length varies with the load.
				delay := time.Duration(r.Int64N(int64(took) * 3 / 2))
				killed(t, mode.name, out, "", delay, mode.noExchange)
				seen[outcome(t, out, mode.name == "write", all)]++
			}
			t.Logf("commit %v; outcomes of %d kills (seed %d): %v", took, kills, seed, seen)
		})
	}
}
