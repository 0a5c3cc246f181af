package secrets

import (
	"regexp/syntax"
	"slices"

	"github.com/zricethezav/gitleaks/v8/config"
)

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
