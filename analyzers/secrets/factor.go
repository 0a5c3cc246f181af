package secrets

import (
	"bytes"
	"regexp/syntax"
	"strings"

	"github.com/zricethezav/gitleaks/v8/config"
)

// matchFactors returns lower-cased ASCII strings of which every match of the rule's regex holds
// one, or nil when it cannot tell. A window whose ASCII-lowercased text holds none of them cannot
// hold a match, so the regex need not run there: lob-api-key's windows open on every "test_" of
// a test suite, yet a match needs "lob".
func matchFactors(r config.Rule) [][]byte {
	if r.Regex == nil {
		return nil
	}
	re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	fs, _ := factorOf(re.Simplify(), false)
	var out [][]byte
	for _, f := range fs {
		out = append(out, []byte(f))
	}
	return out
}

// factorOf works on the parsed regex; comparing lower-cased text is sound for case-sensitive
// literals too. Under (?i), k and s also match non-ASCII letters (the Kelvin sign, the long s)
// that ASCII lowercasing leaves alone, so folded literals holding them give no factor, unless
// foldSafe says the text compared is ASCII only. Non-ASCII literals never give one.
func factorOf(re *syntax.Regexp, foldSafe bool) ([]string, bool) {
	// a finite set of whole matches (v(?:sidx|2) is vsidx or v2) beats any one part of them;
	// literals folds case itself, so this needs foldSafe
	if foldSafe {
		if l, ok := (litMemo{}).literals(re); ok && len(l) > 0 && nonEmptyASCII(l) {
			return l, true
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		for _, c := range re.Rune {
			if c >= 0x80 || fold && !foldSafe && strings.ContainsRune("kKsS", c) {
				return nil, false
			}
		}
		return []string{strings.ToLower(string(re.Rune))}, len(re.Rune) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return factorOf(re.Sub[0], foldSafe)
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return factorOf(re.Sub[0], foldSafe)
	case syntax.OpConcat:
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			fs, ok := factorOf(sub, foldSafe)
			if !ok {
				continue
			}
			shortest := len(fs[0])
			for _, s := range fs {
				shortest = min(shortest, len(s))
			}
			if shortest > bestLen {
				best, bestLen = fs, shortest
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			fs, ok := factorOf(sub, foldSafe)
			if !ok {
				return nil, false
			}
			all = append(all, fs...)
		}
		return all, len(all) > 0
	}
	return nil, false
}

// holdsFactor reports whether lower (ASCII-lowercased text) holds one of fs; nil fs: unknown.
func holdsFactor(lower []byte, fs [][]byte) bool {
	if fs == nil {
		return true
	}
	for _, f := range fs {
		if bytes.Contains(lower, f) {
			return true
		}
	}
	return false
}
