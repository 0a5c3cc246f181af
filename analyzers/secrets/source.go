package secrets

import (
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"
)

// regexSource writes a parsed regex back as a pattern that parses to the same program.
//
// NOTE: syntax.Regexp.String does the same but, since Go 1.22, first works out which flags to
// print by case-folding every character of every class (calcFlags); over gitleaks' rules that made
// building a Scanner six times slower. This printer needs no flags: classes are written as the
// ranges they already hold (case folding is expanded into them by the parser), literals keep their
// fold flag in a (?i:...) group, and every operand is grouped. TestRegexSourceCompilesAlike checks
// it against String on every rule.
func regexSource(re *syntax.Regexp) string {
	var b strings.Builder
	writeRegex(&b, re, ctxTop)
	return b.String()
}

// Where a regex is written: groups are added only where precedence needs them, so the pattern
// nests no deeper than the tree (the parser refuses patterns nested over 1,000 deep).
const (
	ctxTop    = iota
	ctxConcat // an element of a concatenation
	ctxAtom   // the operand of a repetition
)

func writeRegex(b *strings.Builder, re *syntax.Regexp, ctx int) {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		open, grouped := `(?:`, ctx == ctxAtom && len(re.Rune) > 1
		if re.Flags&syntax.FoldCase != 0 {
			open, grouped = `(?i:`, true
		}
		if grouped {
			b.WriteString(open)
		}
		for _, r := range re.Rune {
			writeRune(b, r)
		}
		if grouped {
			b.WriteString(`)`)
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			return
		}
		b.WriteString(`[`)
		for i := 0; i+1 < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteString(`-`)
				writeRune(b, re.Rune[i+1])
			}
		}
		b.WriteString(`]`)
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString(`(`)
		writeRegex(b, re.Sub[0], ctxTop)
		b.WriteString(`)`)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if ctx == ctxAtom {
			b.WriteString(`(?:`)
		}
		writeRegex(b, re.Sub[0], ctxAtom)
		switch re.Op {
		case syntax.OpStar:
			b.WriteString(`*`)
		case syntax.OpPlus:
			b.WriteString(`+`)
		case syntax.OpQuest:
			b.WriteString(`?`)
		default:
			if re.Max == re.Min {
				fmt.Fprintf(b, `{%d}`, re.Min)
			} else if re.Max < 0 {
				fmt.Fprintf(b, `{%d,}`, re.Min)
			} else {
				fmt.Fprintf(b, `{%d,%d}`, re.Min, re.Max)
			}
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString(`?`)
		}
		if ctx == ctxAtom {
			b.WriteString(`)`)
		}
	case syntax.OpConcat:
		if ctx == ctxAtom {
			b.WriteString(`(?:`)
		}
		for _, sub := range re.Sub {
			writeRegex(b, sub, ctxConcat)
		}
		if ctx == ctxAtom {
			b.WriteString(`)`)
		}
	case syntax.OpAlternate:
		if ctx != ctxTop {
			b.WriteString(`(?:`)
		}
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteString(`|`)
			}
			writeRegex(b, sub, ctxTop)
		}
		if ctx != ctxTop {
			b.WriteString(`)`)
		}
	default:
		// an op this printer does not know: the slow printer is always right
		b.WriteString(`(?:` + re.String() + `)`)
	}
}

// writeRune writes r as itself when it is a letter, digit or underscore (never syntax, inside
// or outside a class) and as a \x{...} escape otherwise.
func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf && (r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
		b.WriteByte(byte(r))
		return
	}
	var buf [16]byte
	b.WriteString(`\x{`)
	b.Write(strconv.AppendInt(buf[:0], int64(r), 16))
	b.WriteByte('}')
}
