package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// An in-place commit must leave the output folder wholly old or wholly new,
// yet cost about as much as the files it changes: a sibling folder of hard
// links costs a link and an unlink for every file of the site. So it writes
// the changed files into a stage folder inside the output folder (the same
// file system, so a rename moves them), then a journal of where each goes,
// then renames them into place and removes the stale files. Until the
// journal is renamed into the stage folder nothing visible has changed and
// a failure deletes the stage; once it is there the commit is decided, and
// a commit cut short is finished by the next build (recoverCommits).

// stagePrefix begins the name of a stage folder inside the output folder.
const stagePrefix = ".digest-commit-"

const (
	journalName   = "journal"
	journalHeader = "digest-commit 1"
	journalEnd    = "end"
	dirsName      = "dirs" // the folders the commit creates, for undoing them
)

// probe lets a test see a commit reach its named points (to kill the
// process exactly there) and take the way a file system without exchange
// takes. Production leaves it zero.
type probe struct {
	reached    func(point string)
	noExchange bool
}

func (p probe) at(point string) {
	if p.reached != nil {
		p.reached(point)
	}
}

// change is one file an in-place commit writes.
type change struct {
	name string // slash path under the output folder
	data []byte
}

// journal is what a decided commit does: stage file i becomes puts[i], then
// every name in dels is removed.
type journal struct {
	when       int64 // when it was written, to finish several in order
	puts, dels []string
}

// commitInPlace writes puts and removes dels under out as one change, and
// returns the stamps of the files written.
func commitInPlace(out string, puts []change, dels []string, p probe) (map[string]Stamp, error) {
	if len(puts) == 0 && len(dels) == 0 {
		return map[string]Stamp{}, nil
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(out, stagePrefix)
	if err != nil {
		return nil, err
	}
	stamps, created, err := prepare(out, stage, puts, p)
	if err == nil {
		p.at("staged")
		j := journal{when: time.Now().UnixNano(), dels: dels}
		for _, c := range puts {
			j.puts = append(j.puts, c.name)
		}
		err = writeJournal(stage, &j)
		if err == nil {
			p.at("decided")
			if err := j.apply(out, stage, false, p); err != nil {
				return nil, fmt.Errorf("publishing the changed files (the next build finishes it): %w", err)
			}
			return stamps, nil
		}
	}
	undo(stage, created)
	return nil, err
}

// prepare writes the changed files into the stage folder and makes the
// folders they go to, checking that each can be renamed into place.
func prepare(out, stage string, puts []change, p probe) (map[string]Stamp, []string, error) {
	stamps := make(map[string]Stamp, len(puts))
	parents := map[string]bool{}
	for i, c := range puts {
		st, err := writeFile(filepath.Join(stage, strconv.Itoa(i)), c.data)
		if err != nil {
			return nil, nil, err
		}
		stamps[c.name] = st
		p.at("wrote")
		dst := filepath.Join(out, filepath.FromSlash(c.name))
		if info, err := os.Lstat(dst); err == nil && info.IsDir() {
			return nil, nil, fmt.Errorf("cannot replace folder %s with a file", dst)
		}
		parents[filepath.Dir(dst)] = true
	}
	missing, err := missingDirs(out, parents)
	if err != nil || len(missing) == 0 {
		return stamps, nil, err
	}
	// Listed before they are made, so a commit killed meanwhile is undone whole.
	var list bytes.Buffer
	for _, dir := range missing {
		rel, _ := filepath.Rel(out, dir)
		list.WriteString(strconv.Quote(filepath.ToSlash(rel)) + "\n")
	}
	if _, err := writeFile(filepath.Join(stage, dirsName), list.Bytes()); err != nil {
		return nil, nil, err
	}
	for i, dir := range missing {
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, missing[:i], err
		}
	}
	p.at("made")
	return stamps, missing, nil
}

// missingDirs are the folders, parents first, to make under out so that
// every folder of parents exists.
func missingDirs(out string, parents map[string]bool) ([]string, error) {
	var missing []string
	seen := map[string]bool{out: true}
	for dir := range parents {
		for ; !seen[dir]; dir = filepath.Dir(dir) {
			seen[dir] = true
			info, err := os.Lstat(dir)
			if err == nil {
				if !info.IsDir() {
					return nil, fmt.Errorf("cannot make folder %s: a file is in the way", dir)
				}
				break
			}
			if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
			missing = append(missing, dir)
		}
	}
	sort.Strings(missing) // a parent is a prefix of its children
	return missing, nil
}

// undo removes an undecided commit: its stage and the folders it made.
func undo(stage string, created []string) {
	for i := len(created) - 1; i >= 0; i-- {
		os.Remove(created[i]) // only if still empty
	}
	os.RemoveAll(stage)
}

// writeJournal decides the commit: the journal appears whole, by a rename.
func writeJournal(stage string, j *journal) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %d\n", journalHeader, j.when)
	for _, name := range j.puts {
		b.WriteString("p " + strconv.Quote(name) + "\n")
	}
	for _, name := range j.dels {
		b.WriteString("d " + strconv.Quote(name) + "\n")
	}
	b.WriteString(journalEnd + "\n")
	tmp := filepath.Join(stage, journalName+".tmp")
	if _, err := writeFile(tmp, b.Bytes()); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(stage, journalName))
}

// readJournal reads a stage folder's journal; ok is false when there is
// none, or none whole, so the commit was not decided.
func readJournal(stage string) (j journal, ok bool) {
	data, err := os.ReadFile(filepath.Join(stage, journalName))
	if err != nil {
		return journal{}, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	if !sc.Scan() {
		return journal{}, false
	}
	when, found := strings.CutPrefix(sc.Text(), journalHeader+" ")
	if j.when, err = strconv.ParseInt(when, 10, 64); !found || err != nil {
		return journal{}, false
	}
	for sc.Scan() {
		line := sc.Text()
		if line == journalEnd {
			return j, !sc.Scan()
		}
		kind, quoted, _ := strings.Cut(line, " ")
		name, err := strconv.Unquote(quoted)
		if err != nil || !filepath.IsLocal(filepath.FromSlash(name)) {
			return journal{}, false
		}
		switch kind {
		case "p":
			j.puts = append(j.puts, name)
		case "d":
			j.dels = append(j.dels, name)
		default:
			return journal{}, false
		}
	}
	return journal{}, false
}

// apply carries out a decided commit and removes its stage. Finishing one
// cut short, a stage file already gone was renamed into place before.
func (j *journal) apply(out, stage string, finishing bool, p probe) error {
	for i, name := range j.puts {
		src := filepath.Join(stage, strconv.Itoa(i))
		dst := filepath.Join(out, filepath.FromSlash(name))
		if finishing {
			if _, err := os.Lstat(src); errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
		}
		if err := os.Rename(src, dst); err != nil { // keeps the stamp
			return err
		}
		p.at("put")
	}
	for _, name := range j.dels {
		if err := removeStale(out, name); err != nil {
			return err
		}
		p.at("del")
	}
	if err := os.Remove(filepath.Join(stage, journalName)); err != nil {
		return err
	}
	p.at("done")
	return os.RemoveAll(stage)
}

// removeStale removes the file name under out and the folders that leaves
// empty.
func removeStale(out, name string) error {
	dst := filepath.Join(out, filepath.FromSlash(name))
	if err := os.Remove(dst); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for dir := filepath.Dir(dst); dir != out && len(dir) > len(out); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // not empty (or gone)
			break
		}
	}
	return nil
}

// recoverCommits finishes the decided commits a killed build left in out,
// oldest first, and removes the undecided ones.
func recoverCommits(out string) error {
	stages := withPrefix(out, stagePrefix)
	if len(stages) == 0 {
		return nil
	}
	type decided struct {
		stage string
		j     journal
	}
	var list []decided
	for _, stage := range stages {
		if j, ok := readJournal(stage); ok {
			list = append(list, decided{stage, j})
			continue
		}
		undo(stage, readDirs(out, stage))
	}
	sort.Slice(list, func(a, b int) bool { return list[a].j.when < list[b].j.when })
	for _, d := range list {
		if err := d.j.apply(out, d.stage, true, probe{}); err != nil {
			return fmt.Errorf("finishing an earlier build's update of %s: %w", out, err)
		}
	}
	return nil
}

// readDirs is the list of folders an undecided commit made, parents first.
func readDirs(out, stage string) []string {
	data, err := os.ReadFile(filepath.Join(stage, dirsName))
	if err != nil {
		return nil
	}
	var dirs []string
	for line := range strings.Lines(string(data)) {
		rel, err := strconv.Unquote(strings.TrimSuffix(line, "\n"))
		if err != nil || !strings.HasSuffix(line, "\n") || !filepath.IsLocal(filepath.FromSlash(rel)) {
			break // cut short while written: the rest were not made
		}
		dirs = append(dirs, filepath.Join(out, filepath.FromSlash(rel)))
	}
	return dirs
}

// withPrefix are the paths of the entries of dir whose names begin with
// prefix; a pattern for filepath.Glob would misread brackets in dir.
func withPrefix(dir, prefix string) []string {
	list, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var paths []string
	for _, e := range list {
		if strings.HasPrefix(e.Name(), prefix) {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return paths
}
