// Package changes finds the lines a pull request adds or changes, so `scan --diff-base REF`
// reports only findings a reviewer can act on in that change.
package changes

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/bluekeyes/go-gitdiff/gitdiff"
)

// Set holds the changed lines per file, with paths relative to the repository root.
type Set struct {
	lines map[string]map[int]bool
	whole map[string]bool // new files: every line counts
}

// Since runs `git diff --merge-base REF` in repo (the working tree against the merge base of REF
// and HEAD, so commits on the base branch since the fork are not counted) and collects added
// lines. Renamed files keep only their edited lines.
func Since(repo, ref string) (*Set, error) {
	cmd := exec.Command("git", "-C", repo, "diff", "--no-color", "--no-ext-diff", "-U0", "-M", "--merge-base", ref, "--")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("--diff-base %s: git diff failed: %s", ref, firstLine(msg))
	}
	set, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("--diff-base %s: %v", ref, err)
	}
	if err := set.addUntracked(repo); err != nil {
		return nil, err
	}
	return set, nil
}

// Parse reads a unified diff.
func Parse(diff []byte) (*Set, error) {
	files, _, err := gitdiff.Parse(bytes.NewReader(diff))
	if err != nil {
		return nil, err
	}
	s := &Set{lines: map[string]map[int]bool{}, whole: map[string]bool{}}
	for _, f := range files {
		if f.IsDelete {
			continue
		}
		if f.IsNew {
			s.whole[f.NewName] = true
			continue
		}
		for _, frag := range f.TextFragments {
			n := int(frag.NewPosition)
			for _, l := range frag.Lines {
				switch l.Op {
				case gitdiff.OpAdd:
					if s.lines[f.NewName] == nil {
						s.lines[f.NewName] = map[int]bool{}
					}
					s.lines[f.NewName][n] = true
					n++
				case gitdiff.OpContext:
					n++
				}
			}
		}
	}
	return s, nil
}

// addUntracked counts files git does not track yet as new: in pre-commit and local use they are
// part of the change.
func (s *Set) addUntracked(repo string) error {
	out, err := exec.Command("git", "-C", repo, "ls-files", "--others", "--exclude-standard", "-z").Output()
	if err != nil {
		return nil // not fatal: the diff is still right for committed work
	}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			s.whole[filepath.ToSlash(p)] = true
		}
	}
	return nil
}

// Contains reports whether line of path (relative to the repository root) was added or changed.
func (s *Set) Contains(path string, line int) bool {
	return s.whole[path] || s.lines[path][line]
}

// Touches reports whether the file changed at all (for findings about a whole file).
func (s *Set) Touches(path string) bool { return s.whole[path] || len(s.lines[path]) > 0 }

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
