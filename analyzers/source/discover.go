package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// DefaultMaxBytes is the default size cap: larger files are skipped with a notice.
const DefaultMaxBytes = 5 << 20

// SkippedDirs are never descended into: vendored code, virtual environments, VCS metadata.
var SkippedDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, ".venv": true, "venv": true,
	"site-packages": true, "__pycache__": true, ".tox": true, ".mypy_cache": true, ".ruff_cache": true,
	".pytest_cache": true, ".terraform": true, "vendor": true,
}

// DiscoverOptions control which files a scan visits.
type DiscoverOptions struct {
	Include  []string // doublestar globs on base-relative paths; empty means every classified file
	Exclude  []string // doublestar globs; a matching directory is pruned
	MaxBytes int64    // files above are skipped; 0 means DefaultMaxBytes
	NoIgnore bool     // disregard .gitignore files
}

// Candidate is a file discovery chose to scan.
type Candidate struct {
	Abs  string // path on disk
	Path string // slash path relative to the base, reported to users
	Size int64
}

// Skip is a file or directory discovery passed over, with the reason; large files and symlinks
// leaving the root become notices.
type Skip struct {
	Path   string
	Reason string
}

// Discover walks the roots and calls yield for every file to scan, in lexical order. Paths are
// made relative to base. Explicitly named files are always visited unless excluded (so
// pre-commit's file lists still honour config excludes); directories are walked honouring
// .gitignore, SkippedDirs and the exclude globs. Symlinked directories are never followed;
// symlinked files are read only when their target stays inside the root they were found under.
func Discover(base string, roots []string, opt DiscoverOptions, yield func(Candidate), skip func(Skip)) error {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	for _, p := range append(opt.Include, opt.Exclude...) {
		if !doublestar.ValidatePattern(p) {
			return fmt.Errorf("invalid glob pattern %q", p)
		}
	}
	d := &discoverer{base: base, opt: opt, yield: yield, skip: skip, seen: map[string]bool{}}
	for _, root := range roots {
		if err := d.root(root); err != nil {
			return err
		}
	}
	return nil
}

type discoverer struct {
	base  string
	opt   DiscoverOptions
	yield func(Candidate)
	skip  func(Skip)
	seen  map[string]bool
}

// Rel returns the slash path of abs relative to base, or abs itself when it lies outside.
func Rel(base, abs string) string {
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

func (d *discoverer) excluded(rel string, dir bool) bool {
	for _, p := range d.opt.Exclude {
		if doublestar.MatchUnvalidated(p, rel) || (dir && doublestar.MatchUnvalidated(p, rel+"/")) {
			return true
		}
	}
	return false
}

func (d *discoverer) included(rel string) bool {
	if len(d.opt.Include) == 0 {
		return true
	}
	for _, p := range d.opt.Include {
		if doublestar.MatchUnvalidated(p, rel) {
			return true
		}
	}
	return false
}

func (d *discoverer) root(root string) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	info, err := os.Lstat(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("path %s does not exist", root)
		}
		return err
	}
	if !info.IsDir() {
		// a named file: symlinks are resolved, and it is scanned whatever its ignore status
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := os.Stat(abs)
			if err != nil {
				return fmt.Errorf("path %s is a broken symlink", root)
			}
			if target.IsDir() {
				return d.walk(abs, abs)
			}
			info = target
		}
		d.file(abs, info)
		return nil
	}
	return d.walk(abs, abs)
}

func (d *discoverer) file(abs string, info fs.FileInfo) {
	rel := Rel(d.base, abs)
	if d.seen[abs] || d.excluded(rel, false) || !d.included(rel) {
		return
	}
	d.seen[abs] = true
	if !info.Mode().IsRegular() {
		return
	}
	if info.Size() > d.opt.MaxBytes {
		d.skip(Skip{Path: rel, Reason: fmt.Sprintf("file is %d bytes, over the %d-byte size cap", info.Size(), d.opt.MaxBytes)})
		return
	}
	d.yield(Candidate{Abs: abs, Path: rel, Size: info.Size()})
}

// walk descends one root, keeping a stack of .gitignore patterns as go-git's matcher expects.
func (d *discoverer) walk(root, dir string) error {
	var patterns []gitignore.Pattern
	if !d.opt.NoIgnore {
		patterns = append(patterns, readIgnoreFile(filepath.Join(root, ".git", "info", "exclude"), nil)...)
	}
	return d.walkDir(root, dir, nil, patterns)
}

func (d *discoverer) walkDir(root, dir string, domain []string, patterns []gitignore.Pattern) error {
	if !d.opt.NoIgnore {
		patterns = append(patterns, readIgnoreFile(filepath.Join(dir, ".gitignore"), domain)...)
	}
	matcher := gitignore.NewMatcher(patterns)
	entries, err := os.ReadDir(dir)
	if err != nil {
		d.skip(Skip{Path: Rel(d.base, dir), Reason: "directory cannot be read: " + errString(err)})
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		abs := filepath.Join(dir, name)
		parts := append(append([]string{}, domain...), name)
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(abs)
			if err != nil {
				continue // broken link: nothing to read
			}
			if !within(root, target) {
				d.skip(Skip{Path: Rel(d.base, abs), Reason: "symlink points outside the scan root; not followed"})
				continue
			}
			st, err := os.Stat(target)
			if err != nil || st.IsDir() {
				continue // symlinked directories are never followed: no loops, no duplicates
			}
			if !d.opt.NoIgnore && matcher.Match(parts, false) {
				continue
			}
			d.file(abs, st)
			continue
		}
		if isDir {
			if SkippedDirs[name] || d.excluded(Rel(d.base, abs), true) {
				continue
			}
			if !d.opt.NoIgnore && matcher.Match(parts, true) {
				continue
			}
			if err := d.walkDir(root, abs, parts, patterns); err != nil {
				return err
			}
			continue
		}
		if !d.opt.NoIgnore && matcher.Match(parts, false) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		d.file(abs, info)
	}
	return nil
}

func readIgnoreFile(path string, domain []string) []gitignore.Pattern {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var ps []gitignore.Pattern
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

func within(root, target string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		r = root
	}
	rel, err := filepath.Rel(r, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func errString(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
