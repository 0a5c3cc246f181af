package python

// Tokenizer for goParse. It reproduces the token stream tree-sitter-python's lexer and external
// scanner (src/scanner.c, v0.25.0) produce for valid Python 3, and bails out (errBail) wherever
// the two could disagree. Tokens are scanned on the fly with one token of lookahead; the zero-width
// layout tokens (NEWLINE, INDENT, DEDENT) sit at the end of the last token or extra before them,
// as tree-sitter places them.

type tokKind uint8

const (
	tEOF tokKind = iota
	tNewline
	tIndent
	tDedent
	tName     // identifier, including soft keywords (print, exec, match, case, type)
	tOp       // punctuation or reserved keyword; token.op says which
	tInt      // integer
	tFloat    // float
	tString   // string_start: prefix and opening quote(s); lexer.str describes the string
	tTypeConv // !r, !s, !a inside an interpolation
)

type token struct {
	kind       tokKind
	op         op
	start, end int
}

// op identifies punctuation and reserved keywords; opSym maps it to tree-sitter's anonymous kind.
type op uint8

const (
	opNone op = iota
	opLParen
	opRParen
	opLBrack
	opRBrack
	opLBrace
	opRBrace
	opComma
	opColon
	opSemi
	opDot
	opEllipsis
	opAssign
	opWalrus
	opArrow
	opAt
	opPlus
	opMinus
	opStar
	opPow
	opSlash
	opFloorDiv
	opPercent
	opLShift
	opRShift
	opAmp
	opPipe
	opCaret
	opTilde
	opLt
	opGt
	opLe
	opGe
	opEq
	opNe
	opPlusEq
	opMinusEq
	opStarEq
	opSlashEq
	opAtEq
	opFloorDivEq
	opPercentEq
	opPowEq
	opRShiftEq
	opLShiftEq
	opAmpEq
	opCaretEq
	opPipeEq
	kwFalse
	kwNone
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield
	opCount
)

var opText = [opCount]string{
	opLParen: "(", opRParen: ")", opLBrack: "[", opRBrack: "]", opLBrace: "{", opRBrace: "}",
	opComma: ",", opColon: ":", opSemi: ";", opDot: ".", opEllipsis: "...", opAssign: "=",
	opWalrus: ":=", opArrow: "->", opAt: "@", opPlus: "+", opMinus: "-", opStar: "*", opPow: "**",
	opSlash: "/", opFloorDiv: "//", opPercent: "%", opLShift: "<<", opRShift: ">>", opAmp: "&",
	opPipe: "|", opCaret: "^", opTilde: "~", opLt: "<", opGt: ">", opLe: "<=", opGe: ">=",
	opEq: "==", opNe: "!=", opPlusEq: "+=", opMinusEq: "-=", opStarEq: "*=", opSlashEq: "/=",
	opAtEq: "@=", opFloorDivEq: "//=", opPercentEq: "%=", opPowEq: "**=", opRShiftEq: ">>=",
	opLShiftEq: "<<=", opAmpEq: "&=", opCaretEq: "^=", opPipeEq: "|=",
	kwFalse: "False", kwNone: "None", kwTrue: "True", kwAnd: "and", kwAs: "as", kwAssert: "assert",
	kwAsync: "async", kwAwait: "await", kwBreak: "break", kwClass: "class", kwContinue: "continue",
	kwDef: "def", kwDel: "del", kwElif: "elif", kwElse: "else", kwExcept: "except",
	kwFinally: "finally", kwFor: "for", kwFrom: "from", kwGlobal: "global", kwIf: "if",
	kwImport: "import", kwIn: "in", kwIs: "is", kwLambda: "lambda", kwNonlocal: "nonlocal",
	kwNot: "not", kwOr: "or", kwPass: "pass", kwRaise: "raise", kwReturn: "return", kwTry: "try",
	kwWhile: "while", kwWith: "with", kwYield: "yield",
}

func isAugAssign(o op) bool { return o >= opPlusEq && o <= opPipeEq }

// keyword returns the reserved keyword spelled by b, or opNone.
func keyword(b []byte) op {
	if len(b) < 2 || len(b) > 8 {
		return opNone
	}
	switch string(b) {
	case "False":
		return kwFalse
	case "None":
		return kwNone
	case "True":
		return kwTrue
	case "and":
		return kwAnd
	case "as":
		return kwAs
	case "assert":
		return kwAssert
	case "async":
		return kwAsync
	case "await":
		return kwAwait
	case "break":
		return kwBreak
	case "class":
		return kwClass
	case "continue":
		return kwContinue
	case "def":
		return kwDef
	case "del":
		return kwDel
	case "elif":
		return kwElif
	case "else":
		return kwElse
	case "except":
		return kwExcept
	case "finally":
		return kwFinally
	case "for":
		return kwFor
	case "from":
		return kwFrom
	case "global":
		return kwGlobal
	case "if":
		return kwIf
	case "import":
		return kwImport
	case "in":
		return kwIn
	case "is":
		return kwIs
	case "lambda":
		return kwLambda
	case "nonlocal":
		return kwNonlocal
	case "not":
		return kwNot
	case "or":
		return kwOr
	case "pass":
		return kwPass
	case "raise":
		return kwRaise
	case "return":
		return kwReturn
	case "try":
		return kwTry
	case "while":
		return kwWhile
	case "with":
		return kwWith
	case "yield":
		return kwYield
	}
	return opNone
}

// strInfo describes the string whose string_start is the current token.
type strInfo struct {
	quote                      byte
	raw, bytes, format, triple bool
}

// extra is a comment or line_continuation: tree-sitter puts it in the smallest node with tokens
// on both sides (see flatten).
type extra struct {
	start, end uint32
	kind       uint16
}

type lexer struct {
	src     []byte
	pos     int // next byte to scan
	lastEnd int // end of the last token or extra: where zero-width tokens go
	depth   int // bracket nesting: no NEWLINE inside brackets
	interp  int // nesting of f-string interpolations
	bol     bool
	indents []int
	tok     token
	str     strInfo
	extras  []extra
	// the indentation of the next code line, computed once per run of blank and comment lines
	nextIndent    int
	nextIndentFor int // pos of the code line nextIndent belongs to; -1 when not computed
}

func (lx *lexer) reset(src []byte) {
	lx.src = src
	lx.pos, lx.lastEnd, lx.depth, lx.interp = 0, 0, 0, 0
	lx.bol = true
	lx.indents = append(lx.indents[:0], 0)
	lx.extras = lx.extras[:0]
	lx.nextIndentFor = -1
}

func (lx *lexer) top() int { return lx.indents[len(lx.indents)-1] }

func (lx *lexer) set(k tokKind, o op, start, end int) {
	lx.tok = token{kind: k, op: o, start: start, end: end}
	if k != tNewline && k != tIndent && k != tDedent && k != tEOF {
		lx.lastEnd = end
	}
	lx.pos = end
}

func (lx *lexer) addExtra(kind uint16, start, end int) {
	lx.extras = append(lx.extras, extra{start: uint32(start), end: uint32(end), kind: kind})
	lx.lastEnd = end
}

// next scans the next token into lx.tok.
func (lx *lexer) next() {
	if lx.bol {
		lx.boundary()
		return
	}
	src := lx.src
	for {
		if lx.pos >= len(src) {
			if lx.depth > 0 {
				bail()
			}
			lx.tok = token{kind: tNewline, start: lx.lastEnd, end: lx.lastEnd}
			lx.bol = true
			return
		}
		c := src[lx.pos]
		switch c {
		case ' ', '\t':
			lx.pos++
			continue
		case '\n':
			if lx.depth == 0 {
				lx.tok = token{kind: tNewline, start: lx.lastEnd, end: lx.lastEnd}
				lx.bol = true
				return
			}
			if lx.interp > 0 {
				bail()
			}
			lx.pos++
			lx.checkBracketLine()
			continue
		case '#':
			if lx.interp > 0 {
				bail()
			}
			e := lx.pos
			for e < len(src) && src[e] != '\n' {
				e++
			}
			lx.addExtra(symComment, lx.pos, e)
			lx.pos = e
			continue
		case '\\':
			if lx.interp > 0 {
				bail()
			}
			lx.lineContinuation()
			continue
		}
		lx.scanToken(c)
		return
	}
}

// lineContinuation records "\\\n" as a line_continuation extra. A continuation followed by a
// blank line, a comment line or the end of the file confuses tree-sitter's scanner: bail.
func (lx *lexer) lineContinuation() {
	src := lx.src
	if lx.pos+1 >= len(src) || src[lx.pos+1] != '\n' {
		bail()
	}
	start := lx.pos
	lx.pos += 2
	i := lx.pos
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] == '\n' || src[i] == '#' || src[i] == '\\' {
		bail()
	}
	// Before a string the scanner skips the continuation as whitespace while it scans the
	// string_start, so no line_continuation node appears.
	j := i
	for j < len(src) && isIdentByte(src[j]) {
		j++
	}
	if j < len(src) && (src[j] == '\'' || src[j] == '"') && lx.stringPrefix(i, j) {
		return
	}
	lx.addExtra(symLineContinuation, start, start+2)
}

// checkBracketLine runs at the start of a line inside brackets. tree-sitter's scanner can emit a
// DEDENT there when the line is indented less than the enclosing block; such files are left to
// tree-sitter.
func (lx *lexer) checkBracketLine() {
	src := lx.src
	ind := 0
	i := lx.pos
	for i < len(src) {
		switch src[i] {
		case ' ':
			ind++
		case '\t':
			ind += 8
		case '\n':
			return
		default:
			if ind < lx.top() {
				bail()
			}
			return
		}
		i++
	}
}

// lineIndent measures the line starting at i: its indentation, where its first non-blank byte is,
// and whether it is blank.
func (lx *lexer) lineIndent(i int) (ind, first int, blank bool) {
	src := lx.src
	for i < len(src) {
		switch src[i] {
		case ' ':
			ind++
		case '\t':
			ind += 8
		case '\n':
			return ind, i, true
		case '\\':
			bail() // continuation at a line start: leave it to tree-sitter
		default:
			return ind, i, false
		}
		i++
	}
	return 0, i, true
}

// boundary runs between logical lines (after NEWLINE, INDENT or DEDENT), like the scanner: it
// emits a DEDENT when the next code line is indented less than the current block, unless a
// comment line at the block's indentation comes first (that comment stays in the block); comment
// lines in between are consumed as extras one at a time.
func (lx *lexer) boundary() {
	src := lx.src
	for {
		first, ind, isComment := lx.nextLine(lx.pos)
		ni := ind
		if isComment {
			ni = lx.codeIndent(first)
		}
		if ni < lx.top() && (!isComment || ind < lx.top()) {
			lx.indents = lx.indents[:len(lx.indents)-1]
			if ni > lx.top() {
				bail() // dedent to a level that was never opened
			}
			lx.tok = token{kind: tDedent, start: lx.lastEnd, end: lx.lastEnd}
			return
		}
		if isComment {
			e := first
			for e < len(src) && src[e] != '\n' {
				e++
			}
			lx.addExtra(symComment, first, e)
			lx.pos = e
			continue
		}
		if first >= len(src) {
			lx.pos = len(src)
			lx.tok = token{kind: tEOF, start: len(src), end: len(src)}
			return
		}
		if ni != lx.top() {
			bail() // unexpected indent
		}
		lx.bol = false
		lx.pos = first
		lx.scanToken(src[first])
		return
	}
}

// nextLine finds the first non-blank line at or after i (i is a line start or the newline ending
// the previous line): where its text starts, its indentation and whether it is a comment line.
// At the end of the file first is len(src) and ind 0.
func (lx *lexer) nextLine(i int) (first, ind int, isComment bool) {
	src := lx.src
	for {
		if i < len(src) && src[i] == '\n' {
			i++
		}
		ind, first, blank := lx.lineIndent(i)
		if first >= len(src) {
			return len(src), 0, false
		}
		if !blank {
			return first, ind, src[first] == '#'
		}
		i = first
	}
}

// codeIndent returns the indentation of the first code line after the comment line starting at
// c, caching it so a run of comment lines is scanned once.
func (lx *lexer) codeIndent(c int) int {
	if lx.nextIndentFor > c {
		return lx.nextIndent
	}
	src := lx.src
	i := c
	for {
		for i < len(src) && src[i] != '\n' {
			i++
		}
		first, ind, isComment := lx.nextLine(i)
		if !isComment {
			lx.nextIndent, lx.nextIndentFor = ind, first
			if first >= len(src) {
				lx.nextIndentFor = len(src) + 1
			}
			return ind
		}
		i = first
	}
}

// expectIndent turns the NEWLINE after a compound statement's ':' into an INDENT (tree-sitter
// emits INDENT in place of that NEWLINE, at the same position). The next code line must be
// indented deeper.
func (lx *lexer) expectIndent() {
	if lx.tok.kind != tNewline {
		bail()
	}
	src := lx.src
	i := lx.pos
	for {
		if i < len(src) && src[i] == '\n' {
			i++
		}
		ind, first, blank := lx.lineIndent(i)
		if first >= len(src) {
			bail() // empty block at the end of the file
		}
		if blank || src[first] == '#' {
			for first < len(src) && src[first] != '\n' {
				first++
			}
			i = first
			continue
		}
		if ind <= lx.top() {
			bail()
		}
		lx.indents = append(lx.indents, ind)
		lx.tok = token{kind: tIndent, start: lx.lastEnd, end: lx.lastEnd}
		return
	}
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentByte(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanToken scans the token starting with c at lx.pos.
func (lx *lexer) scanToken(c byte) {
	src := lx.src
	s := lx.pos
	switch {
	case isIdentStart(c):
		e := s + 1
		for e < len(src) && isIdentByte(src[e]) {
			e++
		}
		if e < len(src) && (src[e] == '\'' || src[e] == '"') && lx.stringPrefix(s, e) {
			lx.stringStart(s, e)
			return
		}
		if e < len(src) && src[e] >= 0x80 {
			bail() // non-ASCII identifier
		}
		if k := keyword(src[s:e]); k != opNone {
			lx.set(tOp, k, s, e)
			return
		}
		lx.set(tName, opNone, s, e)
		return
	case isDigit(c) || c == '.' && s+1 < len(src) && isDigit(src[s+1]):
		lx.number(s)
		return
	case c == '\'' || c == '"':
		lx.stringStart(s, s)
		return
	}
	o, n := operator(src[s:])
	if o == opNone {
		if c == '!' && s+1 < len(src) && src[s+1] >= 'a' && src[s+1] <= 'z' && lx.interp > 0 {
			lx.set(tTypeConv, opNone, s, s+2)
			return
		}
		bail()
	}
	switch o {
	case opLParen, opLBrack, opLBrace:
		lx.depth++
	case opRParen, opRBrack, opRBrace:
		if lx.depth == 0 {
			bail()
		}
		lx.depth--
	}
	lx.set(tOp, o, s, s+n)
}

// stringPrefix reports whether src[s:e] is a string prefix tree-sitter's scanner accepts.
func (lx *lexer) stringPrefix(s, e int) bool {
	for _, c := range lx.src[s:e] {
		switch c {
		case 'f', 'F', 't', 'T', 'r', 'R', 'b', 'B', 'u', 'U':
		default:
			return false
		}
	}
	return true
}

// stringStart scans the prefix src[s:q] and the opening quote(s) at q.
func (lx *lexer) stringStart(s, q int) {
	src := lx.src
	st := strInfo{quote: src[q]}
	for _, c := range src[s:q] {
		switch c {
		case 'f', 'F', 't', 'T':
			st.format = true
		case 'r', 'R':
			st.raw = true
		case 'b', 'B':
			st.bytes = true
		}
	}
	e := q + 1
	if e+1 < len(src) && src[e] == st.quote && src[e+1] == st.quote {
		st.triple = true
		e += 2
	}
	lx.str = st
	lx.set(tString, opNone, s, e)
}

// number scans an integer or float the way tree-sitter's integer and float tokens do.
func (lx *lexer) number(s int) {
	src := lx.src
	e := s
	isFloat := false
	// digits consumes a run like tree-sitter's repeat1(/[0-9]+_?/) (or, after 0x/0o/0b,
	// repeat1(/_?[0-9a-f]+/)): an underscore only between digits.
	digits := func(ok func(byte) bool) {
		if e < len(src) && src[e] == '_' && e > s && src[e-1]|0x20 >= 'b' && src[e-1]|0x20 <= 'x' && !isDigit(src[e-1]) {
			if e+1 < len(src) && ok(src[e+1]) {
				e++ // 0x_1f
			}
		}
		if e >= len(src) || !ok(src[e]) {
			return
		}
		for e < len(src) {
			if ok(src[e]) {
				e++
			} else if src[e] == '_' && e+1 < len(src) && ok(src[e+1]) {
				e += 2
			} else {
				break
			}
		}
	}
	if src[s] == '0' && s+1 < len(src) && (src[s+1]|0x20 == 'x' || src[s+1]|0x20 == 'o' || src[s+1]|0x20 == 'b') {
		e = s + 2
		switch src[s+1] | 0x20 {
		case 'x':
			digits(func(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' })
		case 'o':
			digits(func(c byte) bool { return c >= '0' && c <= '7' })
		default:
			digits(func(c byte) bool { return c == '0' || c == '1' })
		}
		if e == s+2 {
			bail()
		}
	} else {
		digits(isDigit)
		if e < len(src) && src[e] == '.' {
			isFloat = true
			e++
			digits(isDigit)
		}
		if e < len(src) && src[e]|0x20 == 'e' {
			f := e + 1
			if f < len(src) && (src[f] == '+' || src[f] == '-') {
				f++
			}
			if f < len(src) && isDigit(src[f]) {
				isFloat = true
				e = f
				digits(isDigit)
			}
		}
		if e < len(src) && src[e]|0x20 == 'j' {
			e++
		}
	}
	if e < len(src) && (isIdentByte(src[e]) || src[e] == '.' || src[e] >= 0x80) {
		bail() // 1L, 1if, 1..x: leave the odd ones to tree-sitter
	}
	if src[e-1] == '_' {
		bail()
	}
	k := tInt
	if isFloat {
		k = tFloat
	}
	lx.set(k, opNone, s, e)
}

// operator returns the longest operator at the start of b and its length.
func operator(b []byte) (op, int) {
	c := b[0]
	var c1, c2 byte
	if len(b) > 1 {
		c1 = b[1]
	}
	if len(b) > 2 {
		c2 = b[2]
	}
	switch c {
	case '(':
		return opLParen, 1
	case ')':
		return opRParen, 1
	case '[':
		return opLBrack, 1
	case ']':
		return opRBrack, 1
	case '{':
		return opLBrace, 1
	case '}':
		return opRBrace, 1
	case ',':
		return opComma, 1
	case ';':
		return opSemi, 1
	case '~':
		return opTilde, 1
	case ':':
		if c1 == '=' {
			return opWalrus, 2
		}
		return opColon, 1
	case '.':
		if c1 == '.' && c2 == '.' {
			return opEllipsis, 3
		}
		return opDot, 1
	case '=':
		if c1 == '=' {
			return opEq, 2
		}
		return opAssign, 1
	case '!':
		if c1 == '=' {
			return opNe, 2
		}
	case '@':
		if c1 == '=' {
			return opAtEq, 2
		}
		return opAt, 1
	case '+':
		if c1 == '=' {
			return opPlusEq, 2
		}
		return opPlus, 1
	case '-':
		if c1 == '=' {
			return opMinusEq, 2
		}
		if c1 == '>' {
			return opArrow, 2
		}
		return opMinus, 1
	case '%':
		if c1 == '=' {
			return opPercentEq, 2
		}
		return opPercent, 1
	case '&':
		if c1 == '=' {
			return opAmpEq, 2
		}
		return opAmp, 1
	case '|':
		if c1 == '=' {
			return opPipeEq, 2
		}
		return opPipe, 1
	case '^':
		if c1 == '=' {
			return opCaretEq, 2
		}
		return opCaret, 1
	case '*':
		if c1 == '*' {
			if c2 == '=' {
				return opPowEq, 3
			}
			return opPow, 2
		}
		if c1 == '=' {
			return opStarEq, 2
		}
		return opStar, 1
	case '/':
		if c1 == '/' {
			if c2 == '=' {
				return opFloorDivEq, 3
			}
			return opFloorDiv, 2
		}
		if c1 == '=' {
			return opSlashEq, 2
		}
		return opSlash, 1
	case '<':
		if c1 == '<' {
			if c2 == '=' {
				return opLShiftEq, 3
			}
			return opLShift, 2
		}
		if c1 == '=' {
			return opLe, 2
		}
		if c1 == '>' {
			return opNone, 0 // Python 2 <>
		}
		return opLt, 1
	case '>':
		if c1 == '>' {
			if c2 == '=' {
				return opRShiftEq, 3
			}
			return opRShift, 2
		}
		if c1 == '=' {
			return opGe, 2
		}
		return opGt, 1
	}
	return opNone, 0
}
