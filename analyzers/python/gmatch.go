package python

// match statements for goParse (tree-sitter-python's match_statement, case_clause and the
// case_pattern family).
//
// "match" is a soft keyword. At the start of a statement tree-sitter forks (the grammar declares
// a conflict between match_statement and primary_expression) and keeps whichever reading
// survives. A match statement needs `match subjects :` NEWLINE INDENT, which no simple statement
// can contain, so the two readings never both succeed: goParse tries the match statement first
// and, when that fails, rewinds and parses the line as ordinary code.

// snapshot is the parser state a speculative parse can rewind to.
type snapshot struct {
	lex     lexer
	indents []int
	nodes   int
	stack   int
	nest    int
}

func (p *gparser) save(s *snapshot) {
	s.lex = p.lexer
	s.indents = append(s.indents[:0], p.lexer.indents...)
	s.nodes, s.stack, s.nest = len(p.nodes), len(p.stack), p.nest
}

func (p *gparser) restore(s *snapshot) {
	ind, ext := p.lexer.indents, p.lexer.extras
	p.lexer = s.lex
	p.lexer.indents = append(ind[:0], s.indents...)
	p.lexer.extras = ext[:len(s.lex.extras)]
	p.nodes, p.stack, p.nest = p.nodes[:s.nodes], p.stack[:s.stack], s.nest
}

// attempt runs f and reports whether it finished without bailing out; other panics propagate.
func (p *gparser) attempt(f func() int32) (n int32, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			n, ok = -1, false
		}
	}()
	return f(), true
}

// isMatchStart reports whether the current token is a "match" that may begin a match statement.
func (p *gparser) isMatchStart() bool { return p.isSoftKeywordStart("match") }

// matchStatement parses `match subject, … : NEWLINE INDENT case_clause… DEDENT`.
func (p *gparser) matchStatement() int32 {
	n := p.open(kMatchStatement)
	p.add(n, p.leafAt(aMatch, false, p.tok.start, p.tok.end))
	p.next()
	for {
		if p.is(opStar) || p.is(kwYield) {
			bail()
		}
		s := p.expr()
		switch p.kindOf(s) {
		case kNamedExpression, kLambda:
			bail()
		}
		p.addF(n, s, fSubject)
		if !p.is(opComma) {
			break
		}
		p.add(n, p.take())
		if p.is(opColon) {
			break
		}
	}
	p.add(n, p.expect(opColon))
	p.expectIndent()
	b := p.open(kBlock)
	p.nodes[b].start = uint32(p.tok.start) // the block starts with its INDENT
	p.next()
	for p.tok.kind != tDedent {
		if p.tok.kind != tName || p.tokText() != "case" {
			bail()
		}
		p.addF(b, p.caseClause(), fAlternative)
	}
	p.nodes[b].end = uint32(p.tok.start)
	p.next()
	p.addF(n, b, fBody)
	return n
}

func (p *gparser) caseClause() int32 {
	p.enter()
	defer p.leave()
	c := p.open(kCaseClause)
	p.add(c, p.leafAt(aCase, false, p.tok.start, p.tok.end))
	p.next()
	for {
		p.add(c, p.casePattern())
		if !p.is(opComma) {
			break
		}
		p.add(c, p.take())
		if p.is(opColon) || p.is(kwIf) {
			break
		}
	}
	if p.is(kwIf) {
		g := p.wrap(kIfClause, p.take(), 0)
		e := p.expr()
		switch p.kindOf(e) {
		case kNamedExpression, kLambda:
			bail()
		}
		p.add(g, e)
		p.addF(c, g, fGuard)
	}
	p.add(c, p.expect(opColon))
	p.addF(c, p.suite(), fConsequence)
	return c
}

// casePattern parses a case_pattern: a keyword pattern, or simple patterns joined by '|',
// optionally followed by `as name`.
func (p *gparser) casePattern() int32 {
	p.enter()
	defer p.leave()
	cp := p.open(kCasePattern)
	if p.tok.kind == tName {
		if a, b := p.peekBytes(); a == '=' && b != '=' {
			kw := p.wrap(kKeywordPattern, p.ident(), 0)
			p.add(kw, p.take())
			p.unionPattern(kw, 0)
			p.add(cp, kw)
			if p.is(kwAs) {
				bail()
			}
			return cp
		}
	}
	p.unionPattern(cp, 0)
	if p.is(kwAs) {
		as := p.wrap(kAsPattern, cp, 0)
		p.add(as, p.take())
		p.add(as, p.ident())
		if p.is(kwAs) {
			bail()
		}
		return p.wrap(kCasePattern, as, 0)
	}
	return cp
}

// unionPattern parses `simple (| simple)*` into parent (with field f on each node): the
// simple pattern's nodes directly, or one union_pattern holding all alternatives flat.
func (p *gparser) unionPattern(parent int32, f uint16) {
	tmp := p.open(kUnionPattern)
	p.simplePattern(tmp)
	if !p.is(opPipe) {
		// hoist the simple pattern's nodes into parent
		for c := p.nodes[tmp].first; c >= 0; {
			next := p.nodes[c].next
			p.nodes[c].next = -1
			p.addF(parent, c, f)
			c = next
		}
		return
	}
	for p.is(opPipe) {
		p.add(tmp, p.take())
		p.simplePattern(tmp)
	}
	p.addF(parent, tmp, f)
}

// simplePattern parses one of tree-sitter's _simple_pattern choices (other than union_pattern)
// into parent: a hidden rule, so its nodes are parent's children.
func (p *gparser) simplePattern(parent int32) {
	p.enter()
	defer p.leave()
	t := p.tok
	switch t.kind {
	case tName:
		if t.end-t.start == 1 && p.src[t.start] == '_' {
			if a, _ := p.peekBytes(); a == '.' || a == '(' {
				bail()
			}
			p.next()
			p.add(parent, p.leafAt(aUnderscore, false, t.start, t.end))
			return
		}
		d := p.dottedName()
		if p.is(opLParen) {
			cl := p.wrap(kClassPattern, d, 0)
			p.add(cl, p.take())
			p.patternItems(cl, opRParen)
			p.add(parent, cl)
			return
		}
		p.add(parent, d)
	case tInt, tFloat:
		p.numberPattern(parent, -1)
	case tString:
		p.add(parent, p.strings())
	case tOp:
		switch t.op {
		case opMinus:
			p.numberPattern(parent, p.take())
		case kwTrue, kwFalse, kwNone:
			p.add(parent, p.atom())
		case opLBrack:
			l := p.wrap(kListPattern, p.take(), 0)
			p.patternItems(l, opRBrack)
			p.add(parent, l)
		case opLParen:
			l := p.wrap(kTuplePattern, p.take(), 0)
			p.patternItems(l, opRParen)
			p.add(parent, l)
		case opLBrace:
			p.add(parent, p.dictPattern())
		case opStar, opPow:
			p.add(parent, p.splatPattern())
		default:
			bail()
		}
	default:
		bail()
	}
}

// numberPattern parses [-]number or a complex_pattern [-]number (+|-) number; minus is the
// already taken '-' or -1.
func (p *gparser) numberPattern(parent, minus int32) {
	num := func() int32 {
		t := p.tok
		var k uint16
		switch t.kind {
		case tInt:
			k = kInteger
		case tFloat:
			k = kFloat
		default:
			bail()
		}
		p.next()
		return p.leafAt(k, true, t.start, t.end)
	}
	first := num()
	if !p.is(opPlus) && !p.is(opMinus) {
		if minus >= 0 {
			p.add(parent, minus)
		}
		p.add(parent, first)
		return
	}
	c := p.open(kComplexPattern)
	if minus >= 0 {
		p.add(c, minus)
	}
	p.add(c, first)
	p.add(c, p.take())
	p.add(c, num())
	p.add(parent, c)
}

func (p *gparser) splatPattern() int32 {
	s := p.wrap(kSplatPattern, p.take(), 0)
	t := p.tok
	if t.kind != tName {
		bail()
	}
	if t.end-t.start == 1 && p.src[t.start] == '_' {
		p.next()
		p.add(s, p.leafAt(aUnderscore, false, t.start, t.end))
		return s
	}
	p.add(s, p.ident())
	return s
}

// patternItems parses `[case_pattern (, case_pattern)* [,]] closing` into n.
func (p *gparser) patternItems(n int32, closing op) {
	for !p.is(closing) {
		p.add(n, p.casePattern())
		if !p.is(opComma) {
			break
		}
		p.add(n, p.take())
	}
	p.add(n, p.expect(closing))
}

// dictPattern parses `{ [key: case_pattern | **splat] (, …)* [,] }`.
func (p *gparser) dictPattern() int32 {
	d := p.wrap(kDictPattern, p.take(), 0)
	for !p.is(opRBrace) {
		if p.is(opStar) || p.is(opPow) {
			p.add(d, p.splatPattern())
		} else {
			p.unionPattern(d, fKey)
			p.add(d, p.expect(opColon))
			p.addF(d, p.casePattern(), fValue)
		}
		if !p.is(opComma) {
			break
		}
		p.add(d, p.take())
	}
	p.add(d, p.expect(opRBrace))
	return d
}
