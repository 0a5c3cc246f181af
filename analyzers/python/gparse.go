package python

import (
	"bytes"
	"sync"
	"unicode/utf8"
)

// goParse parses src with a hand-written Python 3 parser and returns the same flat node table
// tree-sitter-python would produce (kinds, fields, named flags, byte ranges, parents, pre-order,
// anonymous tokens and comment/line_continuation extras).
//
// Fallback contract: ok is false whenever the parser meets anything it is not sure tree-sitter
// parses the same way — a syntax error, Python 2, a construct it does not cover, nesting deeper
// than maxParseDepth — and the caller must then parse with tree-sitter. goParse never panics (internal
// panics are recovered into ok=false), never loops without consuming input, and runs in time
// linear in len(src). TestGoParseMatchesTreeSitter and FuzzGoParse hold it to that contract.
func goParse(src []byte) (nodes []rawNode, ok bool) {
	if len(src) == 0 || len(src) > 1<<30 || !plainSource(src) {
		return nil, false
	}
	p := parserPool.Get().(*gparser)
	defer parserPool.Put(p)
	defer func() {
		if r := recover(); r != nil {
			nodes, ok = nil, false
		}
	}()
	p.reset(src)
	if bailHook != nil {
		lastParser = p
	}
	root := p.module()
	return p.flatten(root), true
}

// plainSource rejects bytes the Go parser does not model: NUL (the scanner's end of input), CR,
// form feed, and invalid UTF-8.
func plainSource(src []byte) bool {
	if bytes.IndexByte(src, 0) >= 0 || bytes.IndexByte(src, '\r') >= 0 || bytes.IndexByte(src, '\f') >= 0 {
		return false
	}
	return utf8.Valid(src)
}

var parserPool = sync.Pool{New: func() any { return new(gparser) }}

// bailout is the panic value that abandons a parse; goParse recovers it into ok=false.
type bailout struct{}

func bail() {
	if bailHook != nil {
		bailHook()
	}
	panic(bailout{})
}

// bailHook, when set by a test, runs before each bail-out (to record where parses give up).
var bailHook func()

// lastParser is the parser in use, for bailHook's reports (tests only).
var lastParser *gparser

const maxParseDepth = 200

// gnode is a node of the parse tree under construction: children are a linked list, so wrapping
// an already parsed node (a + b wraps a) costs nothing.
type gnode struct {
	start, end        uint32
	first, last, next int32
	kind, field       uint16
	named             bool
}

type gparser struct {
	lexer
	nodes []gnode
	nest  int     // recursion depth, bounded by maxParseDepth
	stack []int32 // scratch for comma lists
	// notMatch says the "match" starting the current statement failed to parse as a match
	// statement (see matchStatement).
	notMatch bool
	// notType says the "type" starting the current statement failed to parse as a type alias.
	notType bool
	// pending is an already parsed primary (a splat's operand, see listSplat) that atom returns
	// next instead of reading one; -1 when none. splatChain says postfix must bail on .attr and
	// [subscript] trailers after it.
	pending    int32
	splatChain bool
}

func (p *gparser) reset(src []byte) {
	p.lexer.reset(src)
	p.nodes = p.nodes[:0]
	p.nest = 0
	p.stack = p.stack[:0]
	p.notMatch = false
	p.notType = false
	p.pending, p.splatChain = -1, false
}

// ---- tree building ----

const unset = ^uint32(0)

func (p *gparser) open(kind uint16) int32 {
	p.nodes = append(p.nodes, gnode{start: unset, first: -1, last: -1, next: -1, kind: kind, named: true})
	return int32(len(p.nodes) - 1)
}

func (p *gparser) leafAt(kind uint16, named bool, start, end int) int32 {
	p.nodes = append(p.nodes, gnode{start: uint32(start), end: uint32(end), first: -1, last: -1, next: -1, kind: kind, named: named})
	return int32(len(p.nodes) - 1)
}

func (p *gparser) add(parent, child int32) {
	pn, c := &p.nodes[parent], &p.nodes[child]
	if pn.start == unset {
		pn.start = c.start
	}
	if pn.first < 0 {
		pn.first = child
	} else {
		p.nodes[pn.last].next = child
	}
	pn.last = child
	pn.end = c.end
}

func (p *gparser) addF(parent, child int32, f uint16) {
	p.nodes[child].field = f
	p.add(parent, child)
}

// wrap makes a new node of kind whose first child is n (with field f).
func (p *gparser) wrap(kind uint16, n int32, f uint16) int32 {
	w := p.open(kind)
	p.addF(w, n, f)
	return w
}

func (p *gparser) kindOf(n int32) uint16 { return p.nodes[n].kind }

// ---- token helpers ----

func (p *gparser) is(o op) bool { return p.tok.kind == tOp && p.tok.op == o }

// take makes a leaf of the current token (anonymous for punctuation and keywords) and advances.
func (p *gparser) take() int32 {
	t := p.tok
	var n int32
	switch t.kind {
	case tOp:
		if opSym[t.op] == 0 {
			bail()
		}
		n = p.leafAt(opSym[t.op], false, t.start, t.end)
	case tName:
		n = p.leafAt(kIdentifier, true, t.start, t.end)
	default:
		bail()
	}
	p.next()
	return n
}

func (p *gparser) expect(o op) int32 {
	if !p.is(o) {
		bail()
	}
	return p.take()
}

func (p *gparser) ident() int32 {
	if p.tok.kind != tName {
		bail()
	}
	return p.take()
}

// peekByte returns the first byte after the current token that is not a space or tab (0 at the
// end), and the one after it.
func (p *gparser) peekBytes() (byte, byte) {
	i := p.tok.end
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	var a, b byte
	if i < len(p.src) {
		a = p.src[i]
	}
	if i+1 < len(p.src) {
		b = p.src[i+1]
	}
	return a, b
}

// sameLineName reports whether the token after the current one starts with a name that is not a
// reserved keyword (before the lexer has scanned it).
func (p *gparser) sameLineName() bool {
	i := p.tok.end
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	j := i
	for j < len(p.src) && (isIdentByte(p.src[j]) || p.src[j] >= 0x80) {
		j++
	}
	return j > i && !isDigit(p.src[i]) && keyword(p.src[i:j]) == opNone
}

func (p *gparser) tokText() string { return string(p.src[p.tok.start:p.tok.end]) }

func (p *gparser) enter() {
	p.nest++
	if p.nest > maxParseDepth {
		bail()
	}
}

func (p *gparser) leave() { p.nest-- }

// ---- statements ----

func (p *gparser) module() int32 {
	m := p.open(kModule)
	p.next()
	for p.tok.kind != tEOF {
		if p.tok.kind == tDedent || p.tok.kind == tIndent {
			bail()
		}
		p.statement(m)
	}
	if p.nodes[m].first < 0 {
		if len(p.extras) == 0 {
			bail() // nothing but whitespace
		}
		p.nodes[m].start = p.extras[0].start // flatten fixes the rest
	}
	return m
}

// statement parses one statement (a line of simple statements, or a compound statement) into
// parent.
func (p *gparser) statement(parent int32) {
	p.enter()
	defer p.leave()
	if p.tok.kind == tOp {
		switch p.tok.op {
		case kwDef:
			p.add(parent, p.funcDef(-1))
			return
		case kwClass:
			p.add(parent, p.classDef())
			return
		case opAt:
			p.add(parent, p.decorated())
			return
		case kwIf:
			p.add(parent, p.ifStatement())
			return
		case kwFor:
			p.add(parent, p.forStatement(-1))
			return
		case kwWhile:
			p.add(parent, p.whileStatement())
			return
		case kwTry:
			p.add(parent, p.tryStatement())
			return
		case kwWith:
			p.add(parent, p.withStatement(-1))
			return
		case kwAsync:
			a := p.take()
			switch {
			case p.is(kwDef):
				p.add(parent, p.funcDef(a))
			case p.is(kwFor):
				p.add(parent, p.forStatement(a))
			case p.is(kwWith):
				p.add(parent, p.withStatement(a))
			default:
				bail()
			}
			return
		}
	}
	if p.isMatchStart() {
		var s snapshot
		p.save(&s)
		if n, ok := p.attempt(p.matchStatement); ok {
			p.add(parent, n)
			return
		}
		p.restore(&s)
		p.notMatch = true // the line is ordinary code if it parses as such
	}
	p.simpleStatements(parent)
}

// simpleStatements parses `stmt (; stmt)* [;] NEWLINE` into parent (the statements and ';' are
// children of the enclosing block or module) and returns the NEWLINE's position.
func (p *gparser) simpleStatements(parent int32) int {
	for {
		p.add(parent, p.simpleStatement())
		if !p.is(opSemi) {
			break
		}
		p.add(parent, p.take())
		if p.tok.kind == tNewline {
			break
		}
	}
	if p.tok.kind != tNewline {
		bail()
	}
	nl := p.tok.start
	p.next()
	return nl
}

func (p *gparser) simpleStatement() int32 {
	if p.isTypeAliasStart() {
		return p.typeAliasOrExpr()
	}
	if p.tok.kind == tName {
		p.softKeywordStatement()
	}
	if p.tok.kind != tOp {
		return p.exprStatement()
	}
	switch p.tok.op {
	case kwPass:
		return p.wrap(kPassStatement, p.take(), 0)
	case kwBreak:
		return p.wrap(kBreakStatement, p.take(), 0)
	case kwContinue:
		return p.wrap(kContinueStatement, p.take(), 0)
	case kwReturn:
		n := p.wrap(kReturnStatement, p.take(), 0)
		if p.startsExpr() {
			p.add(n, p.expressions(false))
		}
		return n
	case kwRaise:
		n := p.wrap(kRaiseStatement, p.take(), 0)
		if p.startsExpr() {
			p.add(n, p.expressions(false))
		}
		if p.is(kwFrom) {
			p.add(n, p.take())
			p.addF(n, p.expr(), fCause)
		}
		return n
	case kwDel:
		n := p.wrap(kDeleteStatement, p.take(), 0)
		p.add(n, p.expressions(false))
		return n
	case kwAssert:
		n := p.wrap(kAssertStatement, p.take(), 0)
		p.add(n, p.expr())
		for p.is(opComma) {
			p.add(n, p.take())
			p.add(n, p.expr())
		}
		return n
	case kwGlobal, kwNonlocal:
		kind := kGlobalStatement
		if p.tok.op == kwNonlocal {
			kind = kNonlocalStatement
		}
		n := p.wrap(kind, p.take(), 0)
		p.add(n, p.ident())
		for p.is(opComma) {
			p.add(n, p.take())
			p.add(n, p.ident())
		}
		return n
	case kwImport:
		n := p.wrap(kImportStatement, p.take(), 0)
		p.importList(n)
		return n
	case kwFrom:
		return p.fromImport()
	}
	return p.exprStatement()
}

// softKeywordStatement bails out of statements that start with a soft keyword tree-sitter may
// read as a keyword (print/exec statements, match, case, type aliases). Only the forms that can
// only be ordinary names are kept.
func (p *gparser) softKeywordStatement() {
	a, b := p.peekBytes()
	switch p.tokText() {
	case "print", "exec":
		if a != '(' && !(a == '=' && b != '=') && a != '.' && a != ':' {
			bail()
		}
	case "match", "case", "type": // type(x).y = z is a type_alias_statement to tree-sitter
		if p.notMatch && p.tokText() == "match" {
			p.notMatch = false
			return
		}
		if p.notType && p.tokText() == "type" {
			p.notType = false
			return
		}
		if !(a == '=' && b != '=') && a != '.' && a != ':' {
			bail()
		}
	}
}

// isTypeAliasStart reports whether the current token is a "type" that may begin a
// type_alias_statement.
func (p *gparser) isTypeAliasStart() bool { return p.isSoftKeywordStart("type") }

// isSoftKeywordStart reports whether the current token is the soft keyword kw in a place where
// it may begin its statement: not `kw = …`, `kw.x`, `kw: T` or `kw)`, which only ordinary code
// can continue.
func (p *gparser) isSoftKeywordStart(kw string) bool {
	if p.tok.kind != tName || int(p.tok.end-p.tok.start) != len(kw) || p.tokText() != kw {
		return false
	}
	a, b := p.peekBytes()
	switch a {
	case '=':
		return b == '='
	case '.', ':', ',', ')', ']', '}', ';', '\n', '#', 0:
		return false
	}
	return true
}

// typeAliasOrExpr parses a statement starting with the soft keyword "type". tree-sitter forks
// between type_alias_statement (`type T = U`, where T and U are types) and ordinary code, and the
// alias has dynamic precedence 1, so it wins whenever both readings survive: type(x).y = z is a
// type alias whose left side is the type (x).y. goParse tries the alias first; when that fails it
// rewinds and reads the line as ordinary code, but only keeps that reading when it is not an
// assignment (an assignment might still have been an alias that goParse's types bail on).
func (p *gparser) typeAliasOrExpr() int32 {
	var s snapshot
	p.save(&s)
	if n, ok := p.attempt(p.typeAlias); ok {
		return n
	}
	p.restore(&s)
	p.notType = true
	n := p.exprStatement()
	p.notType = false
	if p.kindOf(n) != kExpressionStatement || p.kindOf(p.nodes[n].first) == kAssignment {
		bail()
	}
	return n
}

// typeAlias parses `type T = U` up to the end of the statement.
func (p *gparser) typeAlias() int32 {
	n := p.open(kTypeAliasStatement)
	p.add(n, p.leafAt(aType, false, p.tok.start, p.tok.end))
	p.next()
	p.addF(n, p.typeNode(), fLeft)
	p.add(n, p.expect(opAssign))
	p.addF(n, p.typeNode(), fRight)
	if p.tok.kind != tNewline && !p.is(opSemi) {
		bail()
	}
	return n
}

// importList parses `name (, name)* [,]` with the name field on each.
func (p *gparser) importList(parent int32) {
	for {
		d := p.dottedName()
		if p.is(kwAs) {
			a := p.open(kAliasedImport)
			p.addF(a, d, fName)
			p.add(a, p.take())
			p.addF(a, p.ident(), fAlias)
			d = a
		}
		p.addF(parent, d, fName)
		if !p.is(opComma) {
			return
		}
		p.add(parent, p.take())
		if p.tok.kind != tName {
			return
		}
	}
}

func (p *gparser) dottedName() int32 {
	d := p.wrap(kDottedName, p.ident(), 0)
	for p.is(opDot) {
		p.add(d, p.take())
		p.add(d, p.ident())
	}
	return d
}

func (p *gparser) fromImport() int32 {
	from := p.take()
	if p.tok.kind == tName && p.tokText() == "__future__" {
		n := p.wrap(kFutureImportStatement, from, 0)
		p.add(n, p.leafAt(aFuture, false, p.tok.start, p.tok.end))
		p.next()
		p.add(n, p.expect(kwImport))
		if p.is(opLParen) {
			bail()
		}
		p.importList(n)
		return n
	}
	n := p.wrap(kImportFromStatement, from, 0)
	if p.is(opDot) || p.is(opEllipsis) {
		rel := p.open(kRelativeImport)
		pre := p.open(kImportPrefix)
		for p.is(opDot) || p.is(opEllipsis) {
			if p.is(opDot) {
				p.add(pre, p.take())
				continue
			}
			// tree-sitter lexes "..." in an import prefix as three "." tokens
			s := p.tok.start
			for i := 0; i < 3; i++ {
				p.add(pre, p.leafAt(opSym[opDot], false, s+i, s+i+1))
			}
			p.next()
		}
		p.add(rel, pre)
		if p.tok.kind == tName {
			p.add(rel, p.dottedName())
		}
		p.addF(n, rel, fModuleName)
	} else {
		p.addF(n, p.dottedName(), fModuleName)
	}
	p.add(n, p.expect(kwImport))
	switch {
	case p.is(opStar):
		p.add(n, p.wrap(kWildcardImport, p.take(), 0))
	case p.is(opLParen):
		p.add(n, p.take())
		p.importList(n)
		p.add(n, p.expect(opRParen))
	default:
		p.importList(n)
	}
	return n
}

// exprStatement parses expression statements, assignments and augmented assignments.
func (p *gparser) exprStatement() int32 {
	st := p.open(kExpressionStatement)
	base := len(p.stack)
	first := p.listItem(true)
	p.stack = append(p.stack, first)
	trailingComma := false
	for p.is(opComma) {
		p.stack = append(p.stack, p.take())
		if !p.startsExpr() {
			trailingComma = true
			break
		}
		p.stack = append(p.stack, p.listItem(true))
	}
	items := p.stack[base:]
	switch {
	case p.is(opAssign) || p.is(opColon) || p.tok.kind == tOp && isAugAssign(p.tok.op):
		left := p.patternFromItems(items)
		p.stack = p.stack[:base]
		p.add(st, p.assignment(left))
	default:
		if trailingComma && p.tok.kind == tNewline && patternLike(p.kindOf(items[0])) {
			// a, b,<newline> could still be the targets of an assignment, and tree-sitter reads on
			// into the next line looking for the = (a,\nb = 1 is one statement to it)
			bail()
		}
		for _, it := range items {
			p.add(st, it)
		}
		p.stack = p.stack[:base]
	}
	return st
}

// patternLike reports whether an expression of kind k could also be an assignment target.
func patternLike(k uint16) bool {
	switch k {
	case kIdentifier, kAttribute, kSubscript, kList, kTuple, kListSplat, kParenthesized:
		return true
	}
	return false
}

// assignment parses what follows a left-hand side: = rhs, : type [= rhs], or op= rhs.
func (p *gparser) assignment(left int32) int32 {
	if p.tok.kind == tOp && isAugAssign(p.tok.op) {
		a := p.open(kAugmentedAssignment)
		p.addF(a, left, fLeft)
		p.addF(a, p.take(), fOperator)
		p.addF(a, p.rhs(), fRight)
		return a
	}
	a := p.open(kAssignment)
	p.addF(a, left, fLeft)
	if p.is(opColon) {
		if p.kindOf(left) == kPatternList {
			bail()
		}
		p.add(a, p.take())
		p.addF(a, p.typeNode(), fType)
		if !p.is(opAssign) {
			return a
		}
	}
	p.add(a, p.expect(opAssign))
	p.addF(a, p.rhs(), fRight)
	return a
}

// rhs parses a right-hand side: an expression, an expression list, a yield, or a chained
// assignment.
func (p *gparser) rhs() int32 {
	if p.is(kwYield) {
		return p.yield()
	}
	base := len(p.stack)
	p.stack = append(p.stack, p.listItem(false))
	for p.is(opComma) {
		p.stack = append(p.stack, p.take())
		if !p.startsExpr() {
			break
		}
		p.stack = append(p.stack, p.listItem(false))
	}
	items := p.stack[base:]
	if p.is(opAssign) || p.tok.kind == tOp && isAugAssign(p.tok.op) {
		left := p.patternFromItems(items)
		p.stack = p.stack[:base]
		if p.is(opColon) {
			bail()
		}
		return p.assignment(left)
	}
	n := p.listFromItems(items, kExpressionList)
	p.stack = p.stack[:base]
	return n
}

// listFromItems returns the single item, or a node of kind holding items and commas.
func (p *gparser) listFromItems(items []int32, kind uint16) int32 {
	if len(items) == 1 {
		return items[0]
	}
	n := p.open(kind)
	for _, it := range items {
		p.add(n, it)
	}
	return n
}

// patternFromItems converts a parsed left-hand side (items and commas) into tree-sitter's pattern
// nodes.
func (p *gparser) patternFromItems(items []int32) int32 {
	if len(items) == 1 {
		p.toPattern(items[0])
		return items[0]
	}
	n := p.open(kPatternList)
	for _, it := range items {
		if p.nodes[it].named {
			p.toPattern(it)
		}
		p.add(n, it)
	}
	return n
}

// toPattern renames an expression parsed in a target position to its pattern kind; anything
// that is not a valid target bails.
func (p *gparser) toPattern(n int32) {
	nd := &p.nodes[n]
	switch nd.kind {
	case kIdentifier, kAttribute, kSubscript:
		return
	case kTuple:
		nd.kind = kTuplePattern
	case kList:
		nd.kind = kListPattern
	case kListSplat:
		nd.kind = kListSplatPattern
		c := p.nodes[nd.first].next
		switch p.nodes[c].kind {
		case kIdentifier, kAttribute, kSubscript:
		default:
			bail()
		}
		return
	default:
		bail()
	}
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].named {
			p.toPattern(c)
		}
	}
}

// listItem parses one element of an expression list: an expression or a *splat.
func (p *gparser) listItem(allowYield bool) int32 {
	if p.is(opStar) {
		return p.listSplat(splatBare)
	}
	if p.is(kwYield) {
		if !allowYield {
			bail()
		}
		return p.yield()
	}
	return p.expr()
}

// Where a splat stands decides how much of it tree-sitter's GLR is sure of (listSplat).
const (
	splatBare  = iota // outside brackets and argument lists: only *name is valid
	splatFirst        // the first element of a list, tuple or set display
	splatElem         // a later element of a display
	splatArg          // a call argument
)

// listSplat parses *operand. Outside brackets and argument lists only tree-sitter's primary
// splat is valid: *name (the list_splat_pattern alias) as a primary expression.
//
// *name followed by more (*name.attr, *name(...), *name + x) has two readings in tree-sitter's
// grammar: a list_splat of the whole expression, or the primary splat *name inside a larger
// expression, (*name)(...). In argument lists and in displays with more than one element
// tree-sitter settles on the list_splat of the whole expression. The sole element of a list or
// set display gets the primary reading; there a .attr or [subscript] right after the name has yet
// another reading (a splat pattern of the attribute), so those bail. Bare contexts (statements,
// f-string interpolations) bail too.
func (p *gparser) listSplat(ctx int) int32 {
	n := p.wrap(kListSplat, p.take(), 0)
	if p.tok.kind != tName {
		if ctx == splatBare {
			bail()
		}
		p.add(n, p.binary(minBinaryPrec))
		p.afterSplat()
		return n
	}
	id := p.take()
	if p.splatEnds() {
		p.add(n, id)
		return n
	}
	if ctx == splatBare {
		// a statement or f-string starting *name(...): invalid Python, and tree-sitter's reading
		// can run on into the next line (*a()\n(0).b is one expression statement to it)
		bail()
	}
	var s snapshot
	if ctx == splatFirst {
		p.save(&s)
	}
	p.pending = id
	op := p.binary(minBinaryPrec)
	p.afterSplat()
	if ctx == splatFirst && !p.is(opComma) {
		// the sole element: rewind and read it as an expression around the primary splat
		p.restore(&s)
		p.nodes[id].field, p.nodes[id].next = 0, -1
		p.add(n, id)
		return p.primarySplat(n)
	}
	p.add(n, op)
	return n
}

// splatEnds reports whether the token after *name ends the splat.
func (p *gparser) splatEnds() bool {
	if p.tok.kind != tOp {
		return p.tok.kind == tNewline
	}
	switch p.tok.op {
	case opComma, opRParen, opRBrack, opRBrace, opAssign, opColon, opSemi:
		return true
	}
	return isAugAssign(p.tok.op)
}

// primarySplat parses the expression that starts with the primary splat n (*name): calls and
// operators around it. A .attr or [subscript] after the name bails (see listSplat).
func (p *gparser) primarySplat(n int32) int32 {
	if p.is(opDot) || p.is(opLBrack) || !p.is(opLParen) && !(p.tok.kind == tOp && binaryPrec(p.tok.op) >= 0) {
		bail()
	}
	p.pending = n
	p.splatChain = true
	e := p.expr()
	if p.pending >= 0 {
		bail()
	}
	return e
}

// afterSplat bails when a splat's operand is followed by an operator tree-sitter would fold
// into it differently.
func (p *gparser) afterSplat() {
	if p.tok.kind != tOp {
		return
	}
	switch p.tok.op {
	case opComma, opRParen, opRBrack, opRBrace, opAssign, opColon:
		return
	}
	if isAugAssign(p.tok.op) {
		return
	}
	bail()
}

func (p *gparser) yield() int32 {
	n := p.wrap(kYield, p.take(), 0)
	if p.is(kwFrom) {
		p.add(n, p.take())
		p.add(n, p.expr())
		return n
	}
	if p.startsExpr() {
		p.add(n, p.expressions(false))
	}
	return n
}

// expressions parses `expr` or an expression_list `expr, expr [,]`.
func (p *gparser) expressions(allowStar bool) int32 {
	base := len(p.stack)
	item := func() int32 {
		if p.is(opStar) {
			if !allowStar {
				bail()
			}
			return p.listSplat(splatBare)
		}
		return p.expr()
	}
	p.stack = append(p.stack, item())
	for p.is(opComma) {
		p.stack = append(p.stack, p.take())
		if !p.startsExpr() {
			break
		}
		p.stack = append(p.stack, item())
	}
	n := p.listFromItems(p.stack[base:], kExpressionList)
	p.stack = p.stack[:base]
	return n
}

// startsExpr reports whether the current token can start an expression.
func (p *gparser) startsExpr() bool {
	switch p.tok.kind {
	case tName, tInt, tFloat, tString:
		return true
	case tOp:
		switch p.tok.op {
		case opLParen, opLBrack, opLBrace, opMinus, opPlus, opTilde, opStar, opEllipsis,
			kwNot, kwLambda, kwAwait, kwTrue, kwFalse, kwNone:
			return true
		}
	}
	return false
}

// ---- compound statements ----

// suite parses the body after a compound statement's ':' into a block node: an indented block,
// or simple statements on the same line.
func (p *gparser) suite() int32 {
	b := p.open(kBlock)
	if p.tok.kind != tNewline {
		nl := p.simpleStatements(b)
		p.nodes[b].end = uint32(nl)
		return b
	}
	p.expectIndent()
	p.next()
	for p.tok.kind != tDedent {
		if p.tok.kind == tEOF || p.tok.kind == tIndent {
			bail()
		}
		p.statement(b)
	}
	if p.nodes[b].first < 0 {
		bail()
	}
	p.nodes[b].end = uint32(p.tok.start)
	p.next()
	return b
}

func (p *gparser) funcDef(async int32) int32 {
	n := p.open(kFunctionDefinition)
	if async >= 0 {
		p.add(n, async)
	}
	p.add(n, p.expect(kwDef))
	p.addF(n, p.ident(), fName)
	if !p.is(opLParen) {
		bail() // type parameters or an error
	}
	params := p.wrap(kParameters, p.take(), 0)
	p.parameters(params, opRParen)
	p.add(params, p.expect(opRParen))
	p.addF(n, params, fParameters)
	if p.is(opArrow) {
		p.add(n, p.take())
		p.addF(n, p.typeNode(), fReturnType)
		if p.is(opColon) {
			if a, _ := p.peekBytes(); a == '*' || p.sameLineName() {
				// -> T: Name... or -> T: *... on one line: tree-sitter may read T: Name... as a
				// constrained_type, or fail (-> A: *a: 0); stubs (-> T: ...) and keywords are fine
				bail()
			}
		}
	}
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	return n
}

// parameters parses a parameter list up to (not including) the closing token.
func (p *gparser) parameters(parent int32, closing op) {
	lambda := closing == opColon
	for !p.is(closing) {
		p.add(parent, p.parameter(lambda))
		if !p.is(opComma) {
			break
		}
		p.add(parent, p.take())
	}
}

func (p *gparser) parameter(lambda bool) int32 {
	switch {
	case p.is(opSlash):
		return p.wrap(kPositionalSeparator, p.take(), 0)
	case p.is(opStar) || p.is(opPow):
		kind := kListSplatPattern
		if p.is(opPow) {
			kind = kDictSplatPattern
		}
		s := p.take()
		if p.tok.kind != tName {
			if kind == kDictSplatPattern {
				bail()
			}
			return p.wrap(kKeywordSeparator, s, 0) // a bare *
		}
		n := p.wrap(kind, s, 0)
		p.add(n, p.ident())
		if p.is(opColon) && !lambda {
			t := p.wrap(kTypedParameter, n, 0)
			p.add(t, p.take())
			p.addF(t, p.typeNode(), fType)
			return t
		}
		return n
	}
	id := p.ident()
	switch {
	case p.is(opColon) && !lambda:
		colon := p.take()
		typ := p.typeNode()
		if p.is(opAssign) {
			n := p.open(kTypedDefaultParameter)
			p.addF(n, id, fName)
			p.add(n, colon)
			p.addF(n, typ, fType)
			p.add(n, p.take())
			p.addF(n, p.expr(), fValue)
			return n
		}
		n := p.wrap(kTypedParameter, id, 0)
		p.add(n, colon)
		p.addF(n, typ, fType)
		return n
	case p.is(opAssign):
		n := p.wrap(kDefaultParameter, id, fName)
		p.add(n, p.take())
		p.addF(n, p.expr(), fValue)
		return n
	}
	return id
}

// typeNode parses an annotation into a type node. In tree-sitter's grammar Name[...] is a
// generic_type, and a type that starts with one continues as a left-associative union_type:
// each further operand is a generic_type when it starts with Name[ and otherwise an expression,
// which takes the rest of the '|' chain (a[b] | c | d[e] is a union of a[b] and the
// binary_operator c | d[e]). A type that does not start with Name[ is a plain expression
// (a | b[c] is a binary_operator). Anything after that could make the parse ambiguous bails.
func (p *gparser) typeNode() int32 {
	if p.genericStart() {
		t := p.genericType()
		for p.is(opPipe) || p.is(opDot) {
			if p.is(opDot) {
				// a[b].c and a[b] | c[d].e: member_type, left-associative with union_type
				m := p.wrap(kMemberType, t, 0)
				p.add(m, p.take())
				p.add(m, p.ident())
				t = p.wrap(kType, m, 0)
				continue
			}
			u := p.wrap(kUnionType, t, 0)
			p.add(u, p.take())
			if p.genericStart() {
				p.add(u, p.genericType())
				t = p.wrap(kType, u, 0)
				continue
			}
			if p.is(opStar) || p.is(opPow) {
				bail()
			}
			e := p.expr()
			switch p.kindOf(e) {
			case kConditional, kLambda, kNamedExpression:
				bail()
			}
			p.add(u, p.wrap(kType, e, 0))
			t = p.wrap(kType, u, 0)
			break
		}
		p.typeEnd()
		return t
	}
	if p.is(opStar) || p.is(opPow) {
		// *Ts and **P are splat_types when nothing but the end of the type follows the name
		sp := p.wrap(kSplatType, p.take(), 0)
		p.add(sp, p.ident())
		switch {
		case p.tok.kind == tNewline, p.is(opComma), p.is(opRBrack), p.is(opRParen), p.is(opAssign):
		default:
			bail()
		}
		return p.wrap(kType, sp, 0)
	}
	t := p.open(kType)
	p.add(t, p.expr())
	p.typeEnd()
	return t
}

// genericStart reports whether the current token is a name directly followed by '['.
func (p *gparser) genericStart() bool {
	if p.tok.kind != tName {
		return false
	}
	a, _ := p.peekBytes()
	if a == '\n' || a == '\r' || a == '#' || a == '\\' {
		// the name ends its line: a '[' on a later line may still open a generic_type (tree-sitter
		// reads A\n[0] inside brackets as one) or start something new; too rare to get right
		if p.nextSignificant() == '[' {
			bail()
		}
		return false
	}
	return a == '['
}

// nextSignificant returns the first byte after the current token that is not whitespace, a line
// break, a comment or a line continuation (0 at the end of the file).
func (p *gparser) nextSignificant() byte {
	for i := p.tok.end; i < len(p.src); i++ {
		switch c := p.src[i]; c {
		case ' ', '\t', '\n', '\r', '\f', '\\':
		case '#':
			for i < len(p.src) && p.src[i] != '\n' {
				i++
			}
		default:
			return c
		}
	}
	return 0
}

// genericType parses Name[type, ...] into type(generic_type(identifier, type_parameter)).
func (p *gparser) genericType() int32 {
	g := p.wrap(kGenericType, p.ident(), 0)
	tp := p.wrap(kTypeParameter, p.expect(opLBrack), 0)
	for {
		p.add(tp, p.typeNode())
		if !p.is(opComma) {
			break
		}
		p.add(tp, p.take())
		if p.is(opRBrack) {
			break
		}
	}
	p.add(tp, p.expect(opRBrack))
	p.add(g, tp)
	return p.wrap(kType, g, 0)
}

// typeEnd bails unless the annotation is followed by a token that ends it.
func (p *gparser) typeEnd() {
	switch p.tok.kind {
	case tNewline:
		return
	case tOp:
		switch p.tok.op {
		case opComma, opRParen, opRBrack, opAssign, opColon, opSemi:
			return
		}
	}
	bail()
}

func (p *gparser) classDef() int32 {
	n := p.wrap(kClassDefinition, p.take(), 0)
	p.addF(n, p.ident(), fName)
	if p.is(opLBrack) {
		bail()
	}
	if p.is(opLParen) {
		p.addF(n, p.argumentList(), fSuperclasses)
	}
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	return n
}

func (p *gparser) decorated() int32 {
	n := p.open(kDecoratedDefinition)
	for p.is(opAt) {
		d := p.wrap(kDecorator, p.take(), 0)
		p.add(d, p.expr())
		if p.tok.kind != tNewline {
			bail()
		}
		p.nodes[d].end = uint32(p.tok.start) // the decorator ends with its NEWLINE
		p.add(n, d)
		p.next()
		if p.tok.kind != tOp {
			bail()
		}
	}
	switch {
	case p.is(kwDef):
		p.addF(n, p.funcDef(-1), fDefinition)
	case p.is(kwClass):
		p.addF(n, p.classDef(), fDefinition)
	case p.is(kwAsync):
		a := p.take()
		if !p.is(kwDef) {
			bail()
		}
		p.addF(n, p.funcDef(a), fDefinition)
	default:
		bail()
	}
	return n
}

func (p *gparser) ifStatement() int32 {
	n := p.wrap(kIfStatement, p.take(), 0)
	p.addF(n, p.expr(), fCondition)
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fConsequence)
	for p.is(kwElif) {
		e := p.wrap(kElifClause, p.take(), 0)
		p.addF(e, p.expr(), fCondition)
		p.add(e, p.expect(opColon))
		p.addF(e, p.suite(), fConsequence)
		p.addF(n, e, fAlternative)
	}
	if p.is(kwElse) {
		p.addF(n, p.elseClause(), fAlternative)
	}
	return n
}

func (p *gparser) elseClause() int32 {
	e := p.wrap(kElseClause, p.take(), 0)
	p.add(e, p.expect(opColon))
	p.addF(e, p.suite(), fBody)
	return e
}

func (p *gparser) forStatement(async int32) int32 {
	n := p.open(kForStatement)
	if async >= 0 {
		p.add(n, async)
	}
	p.add(n, p.expect(kwFor))
	p.addF(n, p.targets(), fLeft)
	p.add(n, p.expect(kwIn))
	p.addF(n, p.expressions(false), fRight)
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	if p.is(kwElse) {
		p.addF(n, p.elseClause(), fAlternative)
	}
	return n
}

func (p *gparser) whileStatement() int32 {
	n := p.wrap(kWhileStatement, p.take(), 0)
	p.addF(n, p.expr(), fCondition)
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	if p.is(kwElse) {
		p.addF(n, p.elseClause(), fAlternative)
	}
	return n
}

func (p *gparser) tryStatement() int32 {
	n := p.wrap(kTryStatement, p.take(), 0)
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	for p.is(kwExcept) {
		e := p.wrap(kExceptClause, p.take(), 0)
		if p.is(opStar) {
			bail() // except*
		}
		if !p.is(opColon) {
			v := p.expr()
			if p.is(kwAs) {
				if !withAsBindsWhole(p.kindOf(v)) {
					bail() // as in with items
				}
				v = p.asPattern(v)
			}
			p.addF(e, v, fValue)
		}
		p.add(e, p.expect(opColon))
		p.add(e, p.suite())
		p.add(n, e)
	}
	if p.is(kwElse) {
		p.add(n, p.elseClause())
	}
	if p.is(kwFinally) {
		f := p.wrap(kFinallyClause, p.take(), 0)
		p.add(f, p.expect(opColon))
		p.add(f, p.suite())
		p.add(n, f)
	}
	return n
}

// asPattern wraps v in `v as target`; the target (an expression to tree-sitter) must be a
// plain name, attribute, subscript, call, tuple, list or parenthesized expression.
func (p *gparser) asPattern(v int32) int32 {
	a := p.wrap(kAsPattern, v, 0)
	p.add(a, p.take())
	t := p.postfix()
	switch p.kindOf(t) {
	case kIdentifier, kAttribute, kSubscript, kCall, kTuple, kList, kParenthesized:
	default:
		bail()
	}
	p.addF(a, p.wrap(kAsPatternTarget, t, 0), fAlias)
	return a
}

func (p *gparser) withStatement(async int32) int32 {
	n := p.open(kWithStatement)
	if async >= 0 {
		p.add(n, async)
	}
	p.add(n, p.expect(kwWith))
	c := p.open(kWithClause)
	if p.is(opLParen) {
		var s snapshot
		p.save(&s)
		saved := p.nodes[c]
		if !p.parenWithItems(c) {
			// `with (a or b).c() as d:`, `with (a, b) as c:`: the ')' is not followed by
			// ':', so the with_clause cannot be parenthesized and the parentheses open the
			// first item's expression (the only reading left to tree-sitter too)
			p.restore(&s)
			p.nodes[c] = saved
			p.withItems(c, opColon)
		}
	} else {
		p.withItems(c, opColon)
	}
	p.add(n, c)
	p.add(n, p.expect(opColon))
	p.addF(n, p.suite(), fBody)
	return n
}

// withAsBindsWhole reports whether `x as y` in a with item takes all of x, as tree-sitter reads
// it, for an x of kind k. as_pattern is prec.left(0): operators of higher precedence (await,
// unary, binary, comparison, not, and/or) are reduced first, so `await a() as b` and
// `a >> b as c` are as_patterns of the whole; a conditional_expression (-1) or lambda (-2) gives
// `as` to its last operand instead (found on the full Dagster tree: `with A() if c else B() as d:`).
// A named_expression (no precedence) stays with tree-sitter.
func withAsBindsWhole(k uint16) bool {
	switch k {
	case kConditional, kLambda, kNamedExpression:
		return false
	}
	return true
}

// withItems parses `item (, item)* [,]` up to closing into the with_clause c.
func (p *gparser) withItems(c int32, closing op) {
	for {
		v := p.expr()
		if p.is(kwAs) {
			if !withAsBindsWhole(p.kindOf(v)) {
				// tree-sitter binds `as` to the innermost operand: `a if b else c as d` is a
				// conditional_expression whose else branch is `c as d`
				bail()
			}
			v = p.asPattern(v)
		}
		p.add(c, p.wrap(kWithItem, v, fValue))
		if !p.is(opComma) {
			return
		}
		p.add(c, p.take())
		if p.is(closing) {
			return
		}
	}
}

// parenWithItems parses `with (a as b, c):`: the parentheses belong to the with_clause, except
// for a single item without "as", which is a parenthesized_expression.
// It returns false, with nodes left for the caller to rewind, when the ')' is not followed by
// ':' (so the parentheses are part of the first item's expression).
func (p *gparser) parenWithItems(c int32) bool {
	open := p.take()
	if p.is(opRParen) || p.is(opStar) || p.is(kwYield) {
		bail()
	}
	p.add(c, open)
	p.withItems(c, opRParen)
	p.add(c, p.expect(opRParen))
	if !p.is(opColon) {
		return false // (a or b).c() as d, (a, b) as c and similar
	}
	// a single item without "as" or comma: tree-sitter reads a parenthesized_expression
	item := p.nodes[open].next
	if after := p.nodes[item].next; after == p.nodes[c].last || p.nodes[after].next == p.nodes[c].last {
		// (a as b) is a parenthesized as_pattern to tree-sitter, (a,) and (a as b,) tuples
		if after != p.nodes[c].last || p.kindOf(p.nodes[item].first) == kAsPattern {
			bail()
		}
	}
	if p.nodes[item].next == p.nodes[c].last && p.kindOf(p.nodes[item].first) != kAsPattern {
		v := p.nodes[item].first
		pe := p.wrap(kParenthesized, open, 0)
		p.nodes[v].field = 0
		p.nodes[v].next = -1
		p.add(pe, v)
		p.add(pe, p.nodes[c].last)
		wi := p.wrap(kWithItem, pe, fValue)
		p.nodes[c].first, p.nodes[c].last, p.nodes[c].start = -1, -1, unset
		p.add(c, wi)
	}
	return true
}

// targets parses for-loop targets: a pattern or a pattern_list.
func (p *gparser) targets() int32 {
	base := len(p.stack)
	for {
		var t int32
		if p.is(opStar) {
			t = p.wrap(kListSplat, p.take(), 0)
			p.add(t, p.postfix())
		} else {
			t = p.postfix()
		}
		p.stack = append(p.stack, t)
		if !p.is(opComma) {
			break
		}
		p.stack = append(p.stack, p.take())
		if p.is(kwIn) {
			break
		}
	}
	n := p.patternFromItems(p.stack[base:])
	p.stack = p.stack[:base]
	return n
}

// flatten writes the tree in pre-order into a fresh rawNode table and places the extras: each
// goes into the deepest node whose range holds it (node ends include their zero-width NEWLINE and
// DEDENT tokens, so this is tree-sitter's rule: the smallest node with tokens on both sides).
func (p *gparser) flatten(root int32) []rawNode {
	r := &p.nodes[root]
	if len(p.extras) > 0 && p.extras[0].start < r.start {
		r.start = p.extras[0].start
	}
	r.end = uint32(len(p.src))
	f := flattener{nodes: p.nodes, extras: p.extras, out: make([]rawNode, 0, len(p.nodes)+len(p.extras))}
	f.emit(root, -1)
	return f.out
}

type flattener struct {
	nodes  []gnode
	extras []extra
	ei     int
	out    []rawNode
}

func (f *flattener) emit(n int32, parent int32) {
	nd := &f.nodes[n]
	idx := int32(len(f.out))
	var flags uint8
	if nd.named {
		flags = flagNamed
	}
	f.out = append(f.out, rawNode{start: nd.start, end: nd.end, parent: parent, kind: nd.kind, field: nd.field, flags: flags})
	for c := nd.first; c >= 0; c = f.nodes[c].next {
		f.extrasBefore(f.nodes[c].start, idx)
		f.emit(c, idx)
	}
	for f.ei < len(f.extras) && f.extras[f.ei].end <= nd.end {
		f.extra(idx)
	}
}

func (f *flattener) extrasBefore(pos uint32, parent int32) {
	for f.ei < len(f.extras) && f.extras[f.ei].start < pos {
		f.extra(parent)
	}
}

func (f *flattener) extra(parent int32) {
	e := f.extras[f.ei]
	f.ei++
	f.out = append(f.out, rawNode{start: e.start, end: e.end, parent: parent, kind: e.kind, flags: flagNamed})
}
