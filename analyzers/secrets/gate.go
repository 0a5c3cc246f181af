package secrets

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	"github.com/zricethezav/gitleaks/v8/config"
)

// keywordGate returns a regex that must match at the start of a keyword hit for a match of the
// rule to have its keyword element there, or nil when the rule's shape gives none.
//
// Most keyword hits can never be part of a match: generic-api-key's keywords are everywhere in
// code (api_key = os.environ[...], token_count, auth.login(), and its windows cost the NFA more
// than every other rule together. When the regex is a concatenation whose keyword element (the
// first element that always holds a keyword, as for the window bounds) always starts with one
// of the rule's keywords, the gate is that element and everything after it, anchored:
// ^(?:KEYWORD ELEMENT)(?:REST). It is necessary for a match whose keyword element starts at the
// hit: that match's text from the hit on matches it. The elements before the keyword element
// are left out, which only makes the gate weaker.
//
// The scanner evaluates it on raw[hit start:window end]; the match lies in the window of its own
// hit (lead and reach bounds), so the slice holds the part the gate needs. The slice ends may
// answer end-of-text assertions ($) differently from the whole text, but only by matching where
// the whole text would not, which keeps the gate necessary; word-boundary and start assertions
// in the gated part could answer either way, so a rule with one there gets no gate.
//
// The keyword element starts at a keyword hit only when its first characters are the keyword in
// ASCII: under (?i), k and s also match U+212A (Kelvin sign) and U+017F (long s), which the
// ASCII-lowercased copy the keyword automaton walks does not map to k and s. The scanner
// therefore applies gates only to text free of those characters (foldsToASCII).
func keywordGate(r config.Rule) *regexp.Regexp {
	subs, i, lm, ok := keywordElement(r)
	if !ok {
		return nil
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: subs[i:]}
	if !lm.startsWithKeyword(subs[i], r.Keywords) || looksBehind(rest) {
		return nil
	}
	gate, err := regexp.Compile(`^(?:` + regexSource(rest) + `)`)
	if err != nil {
		return nil
	}
	return gate
}

// startsWithKeyword reports whether every match of re starts with one of the keywords
// (compared lower-cased, as literals gives them).
func (lm litMemo) startsWithKeyword(re *syntax.Regexp, kws []string) bool {
	leads, ok := lm.leads(re)
	if !ok || len(leads) == 0 {
		return false
	}
	for _, l := range leads {
		found := false
		for _, k := range kws {
			found = found || strings.HasPrefix(l, strings.ToLower(k))
		}
		if !found {
			return false
		}
	}
	return true
}

// leads returns lower-cased strings of which every match of re starts with one: the whole match
// when re matches finitely many strings, else the literal parts its matches open with.
func (lm litMemo) leads(re *syntax.Regexp) ([]string, bool) {
	if l, ok := lm.literals(re); ok {
		return l, true
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return lm.leads(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return lm.leads(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l, ok := lm.leads(sub)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			l, ok := lm.literals(sub)
			if !ok {
				if l, ok = lm.leads(sub); !ok {
					return acc, true // the matches open with acc, then anything
				}
				acc = crossProduct(acc, l, litLimit)
				return acc, acc != nil
			}
			if acc = crossProduct(acc, l, litLimit); acc == nil {
				return nil, false
			}
		}
		return acc, true
	}
	return nil, false
}

// foldCharsASCII are the only non-ASCII characters that Unicode simple case folding maps to ASCII
// letters (TestFoldCharsASCII): U+017F (long s) and U+212A (Kelvin sign).
const foldCharsASCII = "\u017f\u212a"

// foldsToASCII reports whether s holds a character that (?i) matches with an ASCII letter.
func foldsToASCII(s string) bool {
	for _, c := range foldCharsASCII {
		if strings.ContainsRune(s, c) {
			return true
		}
	}
	return false
}

// topConcat returns the elements of the rule's regex (simplified, outer captures removed) when
// it is a concatenation. The elements are shared: callers must not modify them.
func topConcat(r config.Rule) ([]*syntax.Regexp, bool) {
	if r.Regex == nil || len(r.Keywords) == 0 {
		return nil, false
	}
	// NOTE: NewScanner asks for each rule's elements about ten times in a row (windows, gates,
	// follow tests, direct matches); parsing and simplifying once per rule instead of once per
	// question took a third off building a Scanner.
	lastConcat.Lock()
	defer lastConcat.Unlock()
	if lastConcat.re != r.Regex {
		lastConcat.re = r.Regex
		lastConcat.subs, lastConcat.ok = parseConcat(r.Regex)
	}
	return lastConcat.subs, lastConcat.ok
}

// lastConcat is topConcat's answer for the last regex it was asked about.
var lastConcat struct {
	sync.Mutex
	re   *regexp.Regexp
	subs []*syntax.Regexp
	ok   bool
}

func parseConcat(rx *regexp.Regexp) ([]*syntax.Regexp, bool) {
	re, err := syntax.Parse(rx.String(), syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		return nil, false
	}
	return re.Sub, true
}

// follow is a byte test that the keyword hit opening a match passes, cheaper than the gate
// regex it runs before: after the keyword comes a run of at most max bytes of skip, then a byte
// of next. generic-api-key's gets at most 23 of [ \t\w.-] and [\s'"], then one of =>:|?, and
// turns away about half of its hits (auth.login(, self.api_key)).
type follow struct {
	skip, next [256]bool
	max        int
}

// keywordFollow derives a rule's follow test when its keyword element matches only keywords
// (so a match's own hit ends where the element ends) and is followed by elements that can match
// nothing (skip: every character they can hold; max: their width) and then by one that cannot,
// whose first characters (next) are none of skip. The element after the keyword consumes a run
// of skip characters that a next character ends, so that run is the maximal one. Case-folded
// and class characters count in both cases; the only non-ASCII characters allowed are
// foldCharsASCII, which gated text never holds.
func keywordFollow(r config.Rule) *follow {
	subs, i, lm, ok := keywordElement(r)
	if !ok {
		return nil
	}
	kws := map[string]bool{}
	for _, k := range r.Keywords {
		kws[strings.ToLower(k)] = true
	}
	if l, ok := lm.literals(subs[i]); !ok || !allIn(l, kws) {
		return nil
	}
	f := &follow{}
	for _, el := range subs[i+1:] {
		if !nullable(el) {
			if !firstChars(el, &f.next) {
				return nil
			}
			for c := range f.next {
				if f.next[c] && f.skip[c] {
					return nil
				}
			}
			return f
		}
		if !allChars(el, &f.skip) {
			return nil
		}
		f.max = min(f.max+maxRunes(el), unbounded)
	}
	return nil
}

// opens reports whether raw[at:] (at: the end of a keyword hit) passes the test.
func (f *follow) opens(raw string, at int) bool {
	for n := 0; at < len(raw) && f.skip[raw[at]]; at++ {
		if n++; n > f.max {
			return false
		}
	}
	return at < len(raw) && f.next[raw[at]]
}

func allIn(l []string, set map[string]bool) bool {
	for _, s := range l {
		if !set[s] {
			return false
		}
	}
	return true
}

// keywordElement returns the elements of the rule's regex (topConcat), the index of its keyword
// element (the first that always holds one of the keywords), and the literal memo it used.
func keywordElement(r config.Rule) (subs []*syntax.Regexp, i int, lm litMemo, ok bool) {
	subs, ok = topConcat(r)
	if !ok {
		return nil, 0, nil, false
	}
	lastElement.Lock()
	defer lastElement.Unlock()
	if lastElement.re != r.Regex || !slices.Equal(lastElement.keywords, r.Keywords) {
		lastElement.re, lastElement.keywords = r.Regex, r.Keywords
		lastElement.i = -1
		lm := litMemo{}
		for i, sub := range subs {
			if lm.mustContain(sub, r.Keywords) {
				lastElement.i = i
				break
			}
		}
	}
	if lastElement.i < 0 {
		return nil, 0, nil, false
	}
	return subs, lastElement.i, litMemo{}, true
}

// lastElement is keywordElement's answer for the last rule it was asked about (see topConcat).
var lastElement struct {
	sync.Mutex
	re       *regexp.Regexp
	keywords []string
	i        int
}
