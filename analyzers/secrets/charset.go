package secrets

import (
	"regexp/syntax"
	"strings"
	"unicode"

	"github.com/zricethezav/gitleaks/v8/config"
)

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

// runBack returns the start of the run of chars bytes that ends at off, looking back at most
// limit bytes.
func runBack(raw string, off int, chars *[256]bool, limit int) int {
	stop := max(off-limit, 0)
	for off > stop && chars[raw[off-1]] {
		off--
	}
	return off
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
