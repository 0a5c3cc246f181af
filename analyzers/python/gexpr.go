package python

// Expressions for goParse, following tree-sitter-python's precedences (grammar.js PREC), which
// differ from Python's in places (^ binds tighter than &, await like a unary operator).

const (
	precBitOr  = 14
	precBitAnd = 15
	precXor    = 16
	precShift  = 17
	precPlus   = 18
	precTimes  = 19

	minBinaryPrec = precBitOr
)

func binaryPrec(o op) int {
	switch o {
	case opPipe:
		return precBitOr
	case opAmp:
		return precBitAnd
	case opCaret:
		return precXor
	case opLShift, opRShift:
		return precShift
	case opPlus, opMinus:
		return precPlus
	case opStar, opAt, opSlash, opPercent, opFloorDiv:
		return precTimes
	}
	return -1
}

// expr parses a full expression: lambda, conditional, named expression, boolean operators.
func (p *gparser) expr() int32 {
	p.enter()
	defer p.leave()
	if p.pending >= 0 {
		// continuing from an already parsed primary: no prefix forms
	} else if p.is(kwLambda) {
		return p.lambda()
	} else if p.tok.kind == tName {
		if a, b := p.peekBytes(); a == ':' && b == '=' {
			n := p.wrap(kNamedExpression, p.take(), fName)
			p.add(n, p.take())
			p.addF(n, p.orExpr(), fValue)
			if p.is(kwIf) {
				bail() // tree-sitter reduces (x := a) before the conditional
			}
			return n
		}
	}
	e := p.orExpr()
	if p.is(kwIf) {
		c := p.wrap(kConditional, e, 0)
		p.add(c, p.take())
		if p.is(kwLambda) {
			bail()
		}
		p.add(c, p.orExpr())
		p.add(c, p.expect(kwElse))
		p.add(c, p.expr())
		return c
	}
	return e
}

func (p *gparser) lambda() int32 {
	n := p.wrap(kLambda, p.take(), 0)
	if !p.is(opColon) {
		lp := p.open(kLambdaParameters)
		p.parameters(lp, opColon)
		p.addF(n, lp, fParameters)
	}
	p.add(n, p.expect(opColon))
	p.addF(n, p.expr(), fBody)
	return n
}

func (p *gparser) orExpr() int32 {
	left := p.andExpr()
	for p.is(kwOr) {
		n := p.wrap(kBooleanOperator, left, fLeft)
		p.addF(n, p.take(), fOperator)
		p.addF(n, p.andExpr(), fRight)
		left = n
	}
	return left
}

func (p *gparser) andExpr() int32 {
	left := p.notExpr()
	for p.is(kwAnd) {
		n := p.wrap(kBooleanOperator, left, fLeft)
		p.addF(n, p.take(), fOperator)
		p.addF(n, p.notExpr(), fRight)
		left = n
	}
	return left
}

func (p *gparser) notExpr() int32 {
	if p.pending < 0 && p.is(kwNot) {
		p.enter()
		defer p.leave()
		n := p.wrap(kNotOperator, p.take(), 0)
		p.addF(n, p.notExpr(), fArgument)
		return n
	}
	return p.comparison()
}

func isCompare(t token) bool {
	if t.kind != tOp {
		return false
	}
	switch t.op {
	case opLt, opGt, opLe, opGe, opEq, opNe, kwIn, kwNot, kwIs:
		return true
	}
	return false
}

func (p *gparser) comparison() int32 {
	left := p.binary(minBinaryPrec)
	if !isCompare(p.tok) {
		return left
	}
	n := p.wrap(kComparisonOperator, left, 0)
	for isCompare(p.tok) {
		switch p.tok.op {
		case kwNot: // not in
			o := p.open(aNotIn)
			p.nodes[o].named = false
			p.add(o, p.take())
			p.add(o, p.expect(kwIn))
			p.addF(n, o, fOperators)
		case kwIs:
			is := p.take()
			if p.is(kwNot) {
				o := p.open(aIsNot)
				p.nodes[o].named = false
				p.add(o, is)
				p.add(o, p.take())
				is = o
			}
			p.addF(n, is, fOperators)
		default:
			p.addF(n, p.take(), fOperators)
		}
		p.add(n, p.binary(minBinaryPrec))
	}
	return n
}

// binary parses binary operators of precedence minPrec and up (precedence climbing).
func (p *gparser) binary(minPrec int) int32 {
	p.enter()
	defer p.leave()
	left := p.unary()
	for p.tok.kind == tOp {
		prec := binaryPrec(p.tok.op)
		if prec < minPrec {
			break
		}
		n := p.wrap(kBinaryOperator, left, fLeft)
		p.addF(n, p.take(), fOperator)
		p.addF(n, p.binary(prec+1), fRight)
		left = n
	}
	return left
}

// unary parses + - ~ and await (both tree-sitter precedence 20, below **) and power.
func (p *gparser) unary() int32 {
	if p.pending < 0 && p.tok.kind == tOp {
		switch p.tok.op {
		case opMinus, opPlus, opTilde:
			p.enter()
			defer p.leave()
			n := p.open(kUnaryOperator)
			p.addF(n, p.take(), fOperator)
			p.addF(n, p.unary(), fArgument)
			return n
		case kwAwait:
			p.enter()
			defer p.leave()
			n := p.wrap(kAwait, p.take(), 0)
			p.add(n, p.unary())
			return n
		}
	}
	left := p.postfix()
	if p.is(opPow) {
		p.enter()
		defer p.leave()
		n := p.wrap(kBinaryOperator, left, fLeft)
		p.addF(n, p.take(), fOperator)
		p.addF(n, p.unary(), fRight)
		return n
	}
	return left
}

// postfix parses an atom followed by attribute, call and subscript trailers.
func (p *gparser) postfix() int32 {
	chain := p.splatChain
	p.splatChain = false
	n := p.atom()
	for p.tok.kind == tOp {
		switch p.tok.op {
		case opDot, opLBrack:
			if chain {
				bail() // *name.attr, *name(...)[i]: see listSplat
			}
		}
		switch p.tok.op {
		case opDot:
			a := p.wrap(kAttribute, n, fObject)
			p.add(a, p.take())
			p.addF(a, p.ident(), fAttribute)
			n = a
		case opLParen:
			c := p.wrap(kCall, n, fFunction)
			p.addF(c, p.argumentList(), fArguments)
			n = c
		case opLBrack:
			n = p.subscript(n)
		default:
			return n
		}
	}
	return n
}

// argumentList parses call arguments: an argument_list, or a generator_expression when the sole
// argument is a bare generator.
func (p *gparser) argumentList() int32 {
	open := p.take()
	if !p.is(opRParen) && !p.is(opStar) && !p.is(opPow) && !p.isKeywordArg() {
		first := p.expr()
		if p.is(kwFor) || p.is(kwAsync) {
			g := p.wrap(kGeneratorExpression, open, 0)
			p.addF(g, first, fBody)
			p.comprehension(g)
			p.add(g, p.expect(opRParen))
			return g
		}
		l := p.wrap(kArgumentList, open, 0)
		p.add(l, first)
		if p.is(opComma) {
			p.add(l, p.take())
			p.arguments(l)
		}
		p.add(l, p.expect(opRParen))
		return l
	}
	l := p.wrap(kArgumentList, open, 0)
	p.arguments(l)
	p.add(l, p.expect(opRParen))
	return l
}

func (p *gparser) isKeywordArg() bool {
	if p.tok.kind != tName {
		return false
	}
	a, b := p.peekBytes()
	return a == '=' && b != '='
}

// arguments parses `arg (, arg)* [,]` up to the closing parenthesis.
func (p *gparser) arguments(l int32) {
	for !p.is(opRParen) {
		switch {
		case p.is(opStar):
			p.add(l, p.listSplat(splatArg))
		case p.is(opPow):
			d := p.wrap(kDictionarySplat, p.take(), 0)
			p.add(d, p.binary(minBinaryPrec))
			p.afterSplat()
			p.add(l, d)
		case p.isKeywordArg():
			k := p.wrap(kKeywordArgument, p.take(), fName)
			p.add(k, p.take())
			p.addF(k, p.expr(), fValue)
			p.add(l, k)
		default:
			e := p.expr()
			if p.is(kwFor) || p.is(kwAsync) {
				bail() // unparenthesized generator among other arguments
			}
			p.add(l, e)
		}
		if !p.is(opComma) {
			return
		}
		p.add(l, p.take())
	}
}

func (p *gparser) subscript(value int32) int32 {
	s := p.wrap(kSubscript, value, fValue)
	p.add(s, p.take())
	for {
		p.addF(s, p.sliceOrExpr(), fSubscript)
		if !p.is(opComma) {
			break
		}
		p.add(s, p.take())
		if p.is(opRBrack) {
			break
		}
	}
	p.add(s, p.expect(opRBrack))
	return s
}

// sliceOrExpr parses a subscript element: an expression or a slice [a]:[b][:[c]].
func (p *gparser) sliceOrExpr() int32 {
	var first int32 = -1
	if !p.is(opColon) {
		if p.is(opStar) {
			bail()
		}
		first = p.expr()
		if !p.is(opColon) {
			return first
		}
	}
	s := p.open(kSlice)
	if first >= 0 {
		p.add(s, first)
	}
	p.add(s, p.take())
	if !p.is(opColon) && !p.is(opComma) && !p.is(opRBrack) {
		p.add(s, p.expr())
	}
	if p.is(opColon) {
		p.add(s, p.take())
		if !p.is(opComma) && !p.is(opRBrack) {
			p.add(s, p.expr())
		}
	}
	return s
}

// atom parses names, literals and bracketed displays.
func (p *gparser) atom() int32 {
	if n := p.pending; n >= 0 {
		p.pending = -1
		return n
	}
	t := p.tok
	switch t.kind {
	case tName:
		return p.take()
	case tInt:
		p.next()
		return p.leafAt(kInteger, true, t.start, t.end)
	case tFloat:
		p.next()
		return p.leafAt(kFloat, true, t.start, t.end)
	case tString:
		return p.strings()
	case tOp:
		switch t.op {
		case kwTrue, kwFalse, kwNone, opEllipsis:
			kind := kEllipsis
			switch t.op {
			case kwTrue:
				kind = kTrue
			case kwFalse:
				kind = kFalse
			case kwNone:
				kind = kNone
			}
			p.next()
			return p.leafAt(kind, true, t.start, t.end)
		case opLParen:
			return p.parenAtom()
		case opLBrack:
			return p.listAtom()
		case opLBrace:
			return p.braceAtom()
		}
	}
	bail()
	return -1
}

func (p *gparser) parenAtom() int32 {
	p.enter()
	defer p.leave()
	open := p.take()
	switch {
	case p.is(opRParen):
		n := p.wrap(kTuple, open, 0)
		p.add(n, p.take())
		return n
	case p.is(kwYield):
		n := p.wrap(kParenthesized, open, 0)
		p.add(n, p.yield())
		p.add(n, p.expect(opRParen))
		return n
	}
	var first int32
	if p.is(opStar) {
		first = p.listSplat(splatFirst)
	} else {
		first = p.expr()
		switch {
		case p.is(kwFor) || p.is(kwAsync):
			g := p.wrap(kGeneratorExpression, open, 0)
			p.addF(g, first, fBody)
			p.comprehension(g)
			p.add(g, p.expect(opRParen))
			return g
		case p.is(opRParen):
			n := p.wrap(kParenthesized, open, 0)
			p.add(n, first)
			p.add(n, p.take())
			return n
		}
	}
	n := p.wrap(kTuple, open, 0)
	p.add(n, first)
	if !p.is(opComma) {
		bail() // (*a) and friends
	}
	p.collection(n, opRParen)
	return n
}

// collection parses `, elem (, elem)* [,]` and the closing bracket after a first element.
func (p *gparser) collection(n int32, closing op) {
	for p.is(opComma) {
		p.add(n, p.take())
		if p.is(closing) {
			break
		}
		if p.is(opStar) {
			p.add(n, p.listSplat(splatElem))
		} else {
			p.add(n, p.expr())
		}
	}
	p.add(n, p.expect(closing))
}

func (p *gparser) listAtom() int32 {
	p.enter()
	defer p.leave()
	open := p.take()
	if p.is(opRBrack) {
		n := p.wrap(kList, open, 0)
		p.add(n, p.take())
		return n
	}
	var first int32
	if p.is(opStar) {
		first = p.listSplat(splatFirst)
	} else {
		first = p.expr()
		if p.is(kwFor) || p.is(kwAsync) {
			c := p.wrap(kListComprehension, open, 0)
			p.addF(c, first, fBody)
			p.comprehension(c)
			p.add(c, p.expect(opRBrack))
			return c
		}
	}
	n := p.wrap(kList, open, 0)
	p.add(n, first)
	p.collection(n, opRBrack)
	return n
}

func (p *gparser) braceAtom() int32 {
	p.enter()
	defer p.leave()
	open := p.take()
	if p.is(opRBrace) {
		n := p.wrap(kDictionary, open, 0)
		p.add(n, p.take())
		return n
	}
	if p.is(opStar) {
		n := p.wrap(kSet, open, 0)
		p.add(n, p.listSplat(splatFirst))
		p.collection(n, opRBrace)
		return n
	}
	if p.is(opPow) {
		n := p.wrap(kDictionary, open, 0)
		p.dictItems(n)
		return n
	}
	first := p.expr()
	if !p.is(opColon) {
		if p.is(kwFor) || p.is(kwAsync) {
			c := p.wrap(kSetComprehension, open, 0)
			p.addF(c, first, fBody)
			p.comprehension(c)
			p.add(c, p.expect(opRBrace))
			return c
		}
		n := p.wrap(kSet, open, 0)
		p.add(n, first)
		p.collection(n, opRBrace)
		return n
	}
	pair := p.pairAfterKey(first)
	if p.is(kwFor) || p.is(kwAsync) {
		c := p.wrap(kDictComprehension, open, 0)
		p.addF(c, pair, fBody)
		p.comprehension(c)
		p.add(c, p.expect(opRBrace))
		return c
	}
	n := p.wrap(kDictionary, open, 0)
	p.add(n, pair)
	if p.is(opComma) {
		p.add(n, p.take())
		p.dictItems(n)
		return n
	}
	p.add(n, p.expect(opRBrace))
	return n
}

func (p *gparser) pairAfterKey(key int32) int32 {
	pair := p.wrap(kPair, key, fKey)
	p.add(pair, p.expect(opColon))
	p.addF(pair, p.expr(), fValue)
	return pair
}

// dictItems parses `item (, item)* [,] }` where an item is key: value or **splat.
func (p *gparser) dictItems(n int32) {
	for !p.is(opRBrace) {
		if p.is(opPow) {
			d := p.wrap(kDictionarySplat, p.take(), 0)
			p.add(d, p.binary(minBinaryPrec))
			p.afterSplat()
			p.add(n, d)
		} else {
			p.add(n, p.pairAfterKey(p.expr()))
		}
		if !p.is(opComma) {
			break
		}
		p.add(n, p.take())
	}
	p.add(n, p.expect(opRBrace))
}

// comprehension parses for_in_clause and if_clause children into c.
func (p *gparser) comprehension(c int32) {
	for {
		switch {
		case p.is(kwFor) || p.is(kwAsync):
			async := p.is(kwAsync)
			f := p.wrap(kForInClause, p.take(), 0)
			if async { // async for: the for_in_clause starts with 'async'
				p.add(f, p.expect(kwFor))
			}
			p.addF(f, p.targets(), fLeft)
			p.add(f, p.expect(kwIn))
			// every element and comma of the iterable list carries the right field
			p.addF(f, p.forInOperand(), fRight)
			for p.is(opComma) {
				p.addF(f, p.take(), fRight)
				if p.is(kwIf) || p.is(kwFor) || p.tok.kind == tOp && (p.tok.op == opRParen || p.tok.op == opRBrack || p.tok.op == opRBrace) {
					bail()
				}
				p.addF(f, p.forInOperand(), fRight)
			}
			p.add(c, f)
		case p.is(kwIf):
			f := p.wrap(kIfClause, p.take(), 0)
			if p.is(kwLambda) {
				bail()
			}
			p.add(f, p.orExpr())
			p.add(c, f)
		default:
			return
		}
	}
}

func (p *gparser) forInOperand() int32 {
	if p.is(kwLambda) || p.is(opStar) {
		bail()
	}
	return p.orExpr()
}

// ---- strings ----

// strings parses one string or a concatenated_string of adjacent ones.
func (p *gparser) strings() int32 {
	s := p.stringNode()
	if p.tok.kind != tString {
		return s
	}
	c := p.wrap(kConcatenatedString, s, 0)
	for p.tok.kind == tString {
		p.add(c, p.stringNode())
	}
	return c
}

// stringNode parses the string whose string_start is the current token, splitting its text the
// way the scanner does: string_content runs (with escape_sequence and escape_interpolation
// children) between interpolations.
func (p *gparser) stringNode() int32 {
	p.enter()
	defer p.leave()
	st := p.str
	n := p.open(kString)
	p.add(n, p.leafAt(kStringStart, true, p.tok.start, p.tok.end))
	src := p.src
	pos := p.tok.end
	content := int32(-1)
	// A scanner run is one call of the external scanner for string content. In raw strings a run
	// made only of backslash escapes has no content yet, and the scanner folds it into whatever
	// token ends the run (string_end), so runs are tracked.
	run, runContent := pos, false
	addContent := func(child int32, start int) {
		if content < 0 {
			content = p.open(kStringContent)
			p.nodes[content].start = uint32(start)
		}
		if child >= 0 {
			p.add(content, child)
		}
	}
	closeContent := func(end int) {
		if content >= 0 && p.nodes[content].first < 0 && int(p.nodes[content].start) >= end {
			content = -1 // the run was folded into string_end
		}
		if content >= 0 {
			p.nodes[content].end = uint32(end)
			p.add(n, content)
			content = -1
		}
	}
	for {
		if pos >= len(src) {
			bail()
		}
		c := src[pos]
		switch {
		case c == st.quote && (!st.triple || pos+2 < len(src) && src[pos+1] == c && src[pos+2] == c):
			endStart := pos
			if !runContent && run < pos {
				endStart = run
			}
			closeContent(endStart)
			e := pos + 1
			if st.triple {
				e = pos + 3
			}
			p.add(n, p.leafAt(kStringEnd, true, endStart, e))
			p.lexer.pos = e
			p.lexer.lastEnd = e
			p.next()
			return n
		case c == st.quote: // one or two quotes inside a triple-quoted string end a run
			addContent(-1, pos)
			pos++
			if pos < len(src) && src[pos] == c {
				pos++
			}
			run, runContent = pos, false
		case st.format && (c == '{' || c == '}'):
			if !runContent && run < pos {
				bail()
			}
			if pos+1 < len(src) && src[pos+1] == c {
				addContent(p.leafAt(kEscapeInterpolation, true, pos, pos+2), pos)
				pos += 2
				run, runContent = pos, false
				continue
			}
			if c == '}' {
				bail()
			}
			closeContent(pos)
			var i int32
			i, pos = p.interpolation(pos, kInterpolation, st)
			p.add(n, i)
			run, runContent = pos, false
		case c == '\\':
			if st.raw {
				addContent(-1, pos)
				pos++
				if pos < len(src) && (src[pos] == st.quote || src[pos] == '\\' || src[pos] == '\n') {
					pos++
				}
				continue
			}
			e := escapeEnd(src, pos, st.bytes)
			if e < 0 {
				// not an escape: tree-sitter's _not_escape_sequence, reported as an anonymous "\\"
				addContent(p.leafAt(aBackslash, false, pos, pos+1), pos)
				pos++
				run, runContent = pos, false
				continue
			}
			addContent(p.leafAt(kEscapeSequence, true, pos, e), pos)
			pos = e
			run, runContent = pos, false
		case c == '\n' && !st.triple:
			bail()
		default:
			addContent(-1, pos)
			pos++
			runContent = true
		}
	}
}

// escapeEnd returns the end of the escape_sequence at src[i] == '\\', or -1 when tree-sitter
// lexes a lone backslash there. Bytes strings where the scanner treats \N \u \U specially bail.
func escapeEnd(src []byte, i int, isBytes bool) int {
	if i+1 >= len(src) {
		bail()
	}
	c := src[i+1]
	hex := func(n int) int {
		for k := 0; k < n; k++ {
			j := i + 2 + k
			if j >= len(src) || !(isDigit(src[j]) || src[j]|0x20 >= 'a' && src[j]|0x20 <= 'f') {
				return -1
			}
		}
		return i + 2 + n
	}
	switch c {
	case 'N', 'u', 'U':
		if isBytes {
			bail()
		}
		switch c {
		case 'u':
			return hex(4)
		case 'U':
			return hex(8)
		}
		j := i + 2
		if j >= len(src) || src[j] != '{' {
			return -1
		}
		j++
		for j < len(src) && src[j] != '}' {
			if src[j] == '\n' || src[j] == '"' || src[j] == '\'' {
				bail()
			}
			j++
		}
		if j >= len(src) || j == i+3 {
			bail()
		}
		return j + 1
	case 'x':
		return hex(2)
	case '\n', '\'', '"', 'a', 'b', 'f', 'r', 'n', 't', 'v', '\\':
		return i + 2
	}
	if isDigit(c) {
		j := i + 2
		for j < len(src) && j < i+4 && isDigit(src[j]) {
			j++
		}
		return j
	}
	return -1
}

// interpolation parses `{expr [=] [!c] [:spec]}` starting at src[pos] == '{' and returns the node
// and the position after its '}'. The expression is lexed by the ordinary tokenizer.
func (p *gparser) interpolation(pos int, kind uint16, st strInfo) (int32, int) {
	n := p.open(kind)
	p.add(n, p.leafAt(opSym[opLBrace], false, pos, pos+1))
	p.lexer.pos = pos + 1
	p.lexer.lastEnd = pos + 1
	p.lexer.depth++ // the '{' is an open bracket: no NEWLINE inside; the lexer closes it at '}'
	p.interp++
	p.next()
	if p.is(kwYield) || p.is(opRBrace) {
		bail()
	}
	p.addF(n, p.expressions(true), fExpression)
	if p.is(opAssign) {
		p.add(n, p.take())
	}
	if p.tok.kind == tTypeConv {
		t := p.tok
		p.addF(n, p.leafAt(kTypeConversion, true, t.start, t.end), fTypeConversion)
		p.next()
	}
	if p.is(opColon) {
		p.addF(n, p.formatSpec(st), fFormatSpecifier)
	}
	if !p.is(opRBrace) {
		bail()
	}
	end := p.tok.end
	p.add(n, p.leafAt(opSym[opRBrace], false, p.tok.start, end))
	p.interp-- // the lexer already closed the bracket depth when it scanned '}'
	return n, end
}

// formatSpec parses a format_specifier from the current ':' token; it leaves the lexer on the
// closing '}'.
func (p *gparser) formatSpec(st strInfo) int32 {
	src := p.src
	f := p.wrap(kFormatSpecifier, p.leafAt(opSym[opColon], false, p.tok.start, p.tok.end), 0)
	pos := p.tok.end
	textStart := pos
	for {
		if pos >= len(src) {
			bail()
		}
		c := src[pos]
		switch {
		case c == '}':
			if textStart < pos {
				p.specText(textStart, pos)
				p.nodes[f].end = uint32(pos)
			}
			p.lexer.pos = pos
			p.lexer.lastEnd = pos
			p.next()
			return f
		case c == '{':
			if textStart < pos {
				p.specText(textStart, pos)
			}
			if pos+1 < len(src) && src[pos+1] == '{' {
				bail()
			}
			var i int32
			i, pos = p.interpolation(pos, kFormatExpression, st)
			p.add(f, i)
			textStart = pos
		case c == '\n' || c == st.quote || c == '\\':
			bail()
		default:
			pos++
		}
	}
}

// specText checks a literal run of a format specifier; runs of only spaces may be skipped as
// whitespace by tree-sitter's lexer, so they bail.
func (p *gparser) specText(s, e int) {
	for _, c := range p.src[s:e] {
		if c != ' ' && c != '\t' {
			return
		}
	}
	bail()
}
