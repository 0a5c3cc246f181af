package secrets

import (
	"regexp/syntax"
	"strings"
	"sync"

	"github.com/zricethezav/gitleaks/v8/config"
)

// pathAllowed is a.PathAllowed(path) with a prefilter: gitleaks' global allowlist alone runs 25
// path regexes on every file (a tenth of the secret scan on the real corpus), and nearly every
// one of them needs a literal (node_modules, .dist-info, gradlew) that most paths lack. When none
// of those literals occurs in the path, no regex can match; otherwise gitleaks' own check decides.
// (It must: gitleaks joins the regexes into one alternation, where a (?i) in one branch also
// makes the later branches case-insensitive, so the regexes one by one would answer otherwise.)
// An allowlist with a regex of unknown literals, or a non-ASCII path (case folding outside ASCII:
// ſ matches s under (?i)), always goes to gitleaks' check.
func pathAllowed(a *config.Allowlist, path string) bool {
	if a == nil || path == "" || len(a.Paths) == 0 {
		return a.PathAllowed(path)
	}
	if pathFilterOf(a).excludes(path) {
		return false
	}
	return a.PathAllowed(path)
}

// pathFilter holds, per path regex of an allowlist, lower-cased ASCII strings of which every
// match contains one; unknown is set when some regex has none.
type pathFilter struct {
	factors [][]string
	unknown bool
}

var pathFilters sync.Map // *config.Allowlist -> *pathFilter; allowlists live as long as the process

func pathFilterOf(a *config.Allowlist) *pathFilter {
	if f, ok := pathFilters.Load(a); ok {
		return f.(*pathFilter)
	}
	f := &pathFilter{}
	for _, re := range a.Paths {
		var fs []string
		if re != nil {
			if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
				fs, _ = requiredFactor(t.Simplify())
			}
		}
		f.unknown = f.unknown || fs == nil
		f.factors = append(f.factors, fs)
	}
	v, _ := pathFilters.LoadOrStore(a, f)
	return v.(*pathFilter)
}

// excludes reports whether no regex of the allowlist can match path.
func (f *pathFilter) excludes(path string) bool {
	if f.unknown || !isASCII(path) {
		return false
	}
	lower := strings.ToLower(path)
	for _, fs := range f.factors {
		for _, s := range fs {
			if strings.Contains(lower, s) {
				return false
			}
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// requiredFactor returns lower-cased ASCII strings of which every match of re contains at least
// one, or false when it cannot tell. Paths with non-ASCII bytes never reach the comparison, so
// folded letters are safe here.
func requiredFactor(re *syntax.Regexp) ([]string, bool) { return factorOf(re, true) }

func nonEmptyASCII(ss []string) bool {
	for _, s := range ss {
		if s == "" {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return false
			}
		}
	}
	return true
}
