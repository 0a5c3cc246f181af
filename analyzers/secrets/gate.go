package secrets

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"

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
	gate, err := regexp.Compile(`^(?:` + rest.String() + `)`)
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
// it is a concatenation.
func topConcat(r config.Rule) ([]*syntax.Regexp, bool) {
	if r.Regex == nil || len(r.Keywords) == 0 {
		return nil, false
	}
	re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
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

// keywordLeadChars returns the characters a match can hold before its keyword element, when the
// element always starts with a keyword and they are all ASCII (but for foldCharsASCII). In text
// without foldCharsASCII, a match whose keyword element starts at a hit then starts within the
// run of those characters that ends at the hit (runBack): generic-api-key's window around a hit
// in "self.api_key" starts at "self", not 60 characters back.
func keywordLeadChars(r config.Rule) *[256]bool {
	subs, i, lm, ok := keywordElement(r)
	set := &[256]bool{}
	if !ok || !lm.startsWithKeyword(subs[i], r.Keywords) || !allChars(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs[:i]}, set) {
		return nil
	}
	return set
}

// keywordTailChars returns the characters the elements after the bounded part (keywordReach)
// but the last can hold, and the width of the last, when those characters are ASCII (but for
// foldCharsASCII) and not '\n', and the last is bounded. In text without foldCharsASCII, a match
// whose keyword element starts at a hit then ends at most width characters after the run of
// those characters that holds or follows the end of the bounded part (runForward):
// generic-api-key's value, [\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3}, and one terminator.
func keywordTailChars(r config.Rule) (chars *[256]bool, width int) {
	subs, i, _, ok := keywordElement(r)
	if !ok {
		return nil, 0
	}
	j, last := boundedEnd(subs, i), len(subs)-1
	chars = &[256]bool{}
	if j >= last || !allChars(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs[j:last]}, chars) || chars['\n'] {
		return nil, 0
	}
	if width = maxRunes(subs[last]); width >= unbounded {
		return nil, 0
	}
	return chars, width
}

// runForward returns the end of the run of chars bytes that starts at off.
func runForward(raw string, off int, chars *[256]bool) int {
	for off < len(raw) && chars[raw[off]] {
		off++
	}
	return off
}

// keywordPrefix returns n when the rule's regex is C{0,n}? K REST: a lazy repeat of one
// character class, then its keyword element (generic-api-key and the other rules gitleaks
// generates from its semi-generic template open with [\w.-]{0,50}?); otherwise -1. Such a
// rule's matches follow from the hits where the gate matches (directMatches).
func keywordPrefix(r config.Rule) int {
	subs, i, _, ok := keywordElement(r)
	if !ok || i != 1 {
		return -1
	}
	re, err := syntax.Parse(r.Regex.String(), syntax.Perl) // unsimplified: the repeat is whole
	if err != nil {
		return -1
	}
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat || len(re.Sub) != len(subs) {
		return -1
	}
	p := re.Sub[0]
	if p.Op != syntax.OpRepeat || p.Min != 0 || p.Max < 0 || p.Flags&syntax.NonGreedy == 0 || p.Sub[0].Op != syntax.OpCharClass {
		return -1
	}
	return p.Max
}

// openEnd returns, for a keyword hit raw[start:end+1] of a rule with a prefix (keywordPrefix) in
// text free of foldCharsASCII, where the preferred match of its gate ends in the whole text,
// or -1 when the gate does not match there. Every match from the hit lies in the hit's window,
// where only the end-of-text assertion at the window's end can answer otherwise than in the
// whole text: a match ending there is looked for again in the rest of the text.
func (r *rule) openEnd(raw string, ls lines, start, end int) int {
	if r.follow != nil && !r.follow.opens(raw, end+1) {
		return -1
	}
	we := r.hitWindow(raw, ls, start, end, true).end
	m := r.gate.FindStringIndex(raw[start:we])
	if m != nil && start+m[1] == we && we < len(raw) {
		m = r.gate.FindStringIndex(raw[start:])
	}
	if m == nil {
		return -1
	}
	return start + m[1]
}

// directMatches returns the matches of a rule with a prefix C{0,n}? (keywordPrefix) in text free
// of foldCharsASCII, as FindAllStringIndex would, from its open hits (start, and the end of the
// gate's preferred match: openEnd), without running the regex. Every match has its keyword
// element at an open hit (keywordGate). From a search position, the leftmost match starts at
// the earliest position from which at most n characters of C reach an open hit: that of the
// first open hit h at or after it (a later hit's run of C either passes over h, and then starts
// no earlier, or starts after h). The lazy prefix then stops at the first open hit, h, and the
// match ends where the gate's preferred match from h ends; the search goes on from there.
func (r *rule) directMatches(raw string, open []span) []span {
	slices.SortFunc(open, func(a, b span) int { return a.start - b.start })
	var out []span
	pos := 0
	for _, h := range open {
		if h.start < pos {
			continue
		}
		out = append(out, span{max(pos, runBack(raw, h.start, r.leadChars, r.prefix)), h.end})
		pos = h.end
	}
	return out
}

// runBack returns the start of the run of chars bytes that ends at off, looking back at most
// limit bytes.
func runBack(raw string, off int, chars *[256]bool, limit int) int {
	stop := max(off-limit, 0)
	for off > stop && chars[raw[off-1]] {
		off--
	}
	return off
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

// nullable reports whether re matches the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
		return false
	}
	return true // star, quest, empty match, assertions
}

// allChars adds to set every character a match of re can hold; false when one can be
// non-ASCII (but for foldCharsASCII) or any character.
func allChars(re *syntax.Regexp, set *[256]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			if !addChar(c, re.Flags&syntax.FoldCase != 0, set) {
				return false
			}
		}
		return true
	case syntax.OpCharClass:
		return addClass(re.Rune, set)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	}
	for _, sub := range re.Sub {
		if !allChars(sub, set) {
			return false
		}
	}
	return true
}

// firstChars adds to set every character a match of re can start with (re matches no empty
// string); false as for allChars.
func firstChars(re *syntax.Regexp, set *[256]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) > 0 && addChar(re.Rune[0], re.Flags&syntax.FoldCase != 0, set)
	case syntax.OpCharClass:
		return addClass(re.Rune, set)
	case syntax.OpCapture, syntax.OpPlus, syntax.OpRepeat, syntax.OpStar, syntax.OpQuest:
		return firstChars(re.Sub[0], set)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !firstChars(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstChars(sub, set) {
				return false
			}
			if !nullable(sub) {
				return true
			}
		}
		return true
	}
	return re.Op != syntax.OpAnyChar && re.Op != syntax.OpAnyCharNotNL
}

// addChar adds c (and, folding, its other cases) to set.
func addChar(c rune, fold bool, set *[256]bool) bool {
	if c >= 0x80 {
		return strings.ContainsRune(foldCharsASCII, c)
	}
	set[c] = true
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				set[f] = true
			}
		}
	}
	return true
}

// addClass adds the characters of a class (pairs of range bounds) to set.
func addClass(ranges []rune, set *[256]bool) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for c := ranges[i]; c <= ranges[i+1]; c++ {
			if c >= 0x80 && !strings.ContainsRune(foldCharsASCII, c) {
				return false
			}
			if c < 0x80 {
				set[c] = true
			}
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
	lm = litMemo{}
	for i, sub := range subs {
		if lm.mustContain(sub, r.Keywords) {
			return subs, i, lm, true
		}
	}
	return nil, 0, nil, false
}
