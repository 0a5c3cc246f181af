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
// match contains one (factors) and ends with one (suffixes), nil where unknown; unknown is set
// when some regex has neither.
type pathFilter struct {
	factors, suffixes [][]string
	unknown           bool
}

var pathFilters sync.Map // *config.Allowlist -> *pathFilter; allowlists live as long as the process

func pathFilterOf(a *config.Allowlist) *pathFilter {
	if f, ok := pathFilters.Load(a); ok {
		return f.(*pathFilter)
	}
	f := &pathFilter{}
	for _, re := range a.Paths {
		var fs, ss []string
		if re != nil {
			if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
				fs, _ = requiredFactor(t.Simplify())
				ss, _ = suffixFactor(t.Simplify())
			}
		}
		f.unknown = f.unknown || fs == nil && ss == nil
		f.factors = append(f.factors, fs)
		f.suffixes = append(f.suffixes, ss)
	}
	v, _ := pathFilters.LoadOrStore(a, f)
	return v.(*pathFilter)
}

// excludes reports whether no regex of the allowlist can match path.
func (f *pathFilter) excludes(path string) bool {
	if f.unknown || !isASCII(path) || strings.Contains(path, "\n") {
		return false
	}
	lower := strings.ToLower(path)
	for i := range f.factors {
		if (f.factors[i] == nil || holdsAny(lower, f.factors[i], strings.Contains)) &&
			(f.suffixes[i] == nil || holdsAny(lower, f.suffixes[i], strings.HasSuffix)) {
			return false // this regex may match
		}
	}
	return true
}

func holdsAny(s string, subs []string, holds func(s, sub string) bool) bool {
	for _, sub := range subs {
		if holds(s, sub) {
			return true
		}
	}
	return false
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

// suffixFactor returns lower-cased ASCII strings of which every match of re ends with one, when
// re ends at the end of the text: a file-type allowlist, (?i)\.(?:docx?|pdf|...)$, holds "doc",
// which every docs/ directory holds too, but ends the path with "doc". (A (?m) that gitleaks'
// joined alternation lets reach this regex could make $ match before a '\n': paths with one
// are not filtered.)
func suffixFactor(re *syntax.Regexp) ([]string, bool) {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil, false
	}
	if end := re.Sub[len(re.Sub)-1].Op; end != syntax.OpEndText && end != syntax.OpEndLine {
		return nil, false
	}
	l, ok := litMemo{}.tails(re.Sub[:len(re.Sub)-1])
	if !ok || len(l) == 0 || !nonEmptyASCII(l) {
		return nil, false
	}
	return l, true
}

// tails returns lower-cased strings of which every match of the concatenation subs ends with
// one: the literal elements at its end, and before them the tails of an alternation's branches.
func (lm litMemo) tails(subs []*syntax.Regexp) ([]string, bool) {
	acc := []string{""}
	for k := len(subs) - 1; k >= 0; k-- {
		l, ok := lm.literals(subs[k])
		if !ok && subs[k].Op == syntax.OpAlternate {
			l, ok = nil, true
			for _, b := range subs[k].Sub {
				els := []*syntax.Regexp{b}
				if b.Op == syntax.OpConcat {
					els = b.Sub
				}
				bl, bok := lm.tails(els)
				l, ok = append(l, bl...), ok && bok
			}
			if !ok {
				return acc, true
			}
			acc = crossProduct(l, acc, litLimit)
			return acc, acc != nil
		}
		if !ok {
			return acc, true
		}
		if acc = crossProduct(l, acc, litLimit); acc == nil {
			return nil, false
		}
	}
	return acc, true
}

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
