package jsonx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// parser is a recursive-descent reader bounded by MaxDepth. After the first error it stops
// (failed is set) and every level returns what it has so far.
type parser struct {
	doc    *File
	b      []byte
	i      int
	depth  int
	failed bool
}

func (p *parser) span(start, end int) source.Span { return p.doc.src.Span(start, end) }

func (p *parser) fail(start, end int, format string, args ...any) {
	if p.failed {
		return
	}
	p.failed = true
	end = min(max(end, start), len(p.b))
	p.doc.errors = append(p.doc.errors, source.SyntaxError{Span: p.span(start, end), Msg: fmt.Sprintf(format, args...)})
}

// failHere reports an error at the current byte (or the end of input).
func (p *parser) failHere(expected string) {
	if p.i >= len(p.b) {
		p.fail(len(p.b), len(p.b), "unexpected end of input; expected %s", expected)
		return
	}
	r, n := utf8.DecodeRune(p.b[p.i:])
	p.fail(p.i, p.i+n, "unexpected %q; expected %s", r, expected)
}

// skipSpace skips whitespace and the comments of JSONC (// to the end of the line, /* ... */),
// which VS Code settings, devcontainer.json and many hand-kept configs use; comments are kept so
// suppression directives work in them.
func (p *parser) skipSpace() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		case '/':
			if !p.comment() {
				return
			}
		default:
			return
		}
	}
}

// comment reads a comment at p.i, or reports false and reads nothing when there is none.
func (p *parser) comment() bool {
	start := p.i
	if start+1 >= len(p.b) || p.b[start+1] != '/' && p.b[start+1] != '*' {
		return false
	}
	var text []byte
	if p.b[start+1] == '/' {
		end := start + 2
		for end < len(p.b) && p.b[end] != '\n' {
			end++
		}
		text, p.i = p.b[start+2:end], end
	} else {
		close := bytes.Index(p.b[start+2:], []byte("*/"))
		if close < 0 {
			p.fail(start, len(p.b), "comment opened here is never closed")
			p.i = len(p.b)
			return true
		}
		text, p.i = p.b[start+2:start+2+close], start+2+close+2
	}
	ls := bytes.LastIndexByte(p.b[:start], '\n') + 1
	own := len(bytes.TrimSpace(bytes.TrimPrefix(p.b[ls:start], []byte("\ufeff")))) == 0
	p.doc.comments = append(p.doc.comments, source.Comment{Span: p.span(start, p.i),
		Text: strings.TrimSpace(strings.TrimSuffix(string(text), "\r")), OwnLine: own})
	return true
}

func (p *parser) document() {
	p.skipSpace()
	if p.i >= len(p.b) {
		return // an empty file holds nothing, which is not worth a notice
	}
	p.doc.root = p.value()
	if p.failed {
		return
	}
	p.skipSpace()
	if p.i < len(p.b) {
		p.failHere("end of input after the top-level value")
	}
}

func (p *parser) value() *Node {
	if p.i >= len(p.b) {
		p.failHere("a value")
		return nil
	}
	switch c := p.b[p.i]; {
	case c == '{':
		return p.container(Object)
	case c == '[':
		return p.container(Array)
	case c == '"':
		return p.stringNode()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.keyword("true", Bool)
	case c == 'f':
		return p.keyword("false", Bool)
	case c == 'n':
		return p.keyword("null", Null)
	}
	p.failHere("a value")
	return nil
}

func (p *parser) keyword(word string, k Kind) *Node {
	start := p.i
	if !strings.HasPrefix(string(p.b[p.i:min(p.i+len(word), len(p.b))]), word) {
		p.failHere("a value")
		return nil
	}
	p.i += len(word)
	sp := p.span(start, p.i)
	return &Node{Kind: k, Span: sp, TextSpan: sp, Text: word}
}

// number follows the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() *Node {
	start := p.i
	if p.peek() == '-' {
		p.i++
	}
	switch {
	case p.peek() == '0':
		p.i++
	case isDigit(p.peek()):
		p.digits()
	default:
		p.failHere("a digit")
		return nil
	}
	if p.peek() == '.' {
		p.i++
		if !isDigit(p.peek()) {
			p.failHere("a digit after the decimal point")
			return nil
		}
		p.digits()
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if !isDigit(p.peek()) {
			p.failHere("a digit in the exponent")
			return nil
		}
		p.digits()
	}
	sp := p.span(start, p.i)
	return &Node{Kind: Number, Span: sp, TextSpan: sp, Text: string(p.b[start:p.i])}
}

func (p *parser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *parser) digits() {
	for isDigit(p.peek()) {
		p.i++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (p *parser) stringNode() *Node {
	start := p.i
	text, ok := p.str()
	if !ok {
		return nil
	}
	return &Node{Kind: String, Span: p.span(start, p.i), TextSpan: p.span(start+1, p.i-1), Text: text}
}

// str reads a string at p.i (on its opening quote) and decodes its escapes.
func (p *parser) str() (string, bool) {
	open := p.i
	p.i++
	var sb strings.Builder
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return sb.String(), true
		case c == '\\':
			if !p.escape(&sb) {
				return "", false
			}
		case c < 0x20:
			p.fail(p.i, p.i+1, "control character %q in string", c)
			return "", false
		default:
			sb.WriteByte(c)
			p.i++
		}
	}
	p.fail(open, open+1, "unterminated string")
	return "", false
}

func (p *parser) escape(sb *strings.Builder) bool {
	at := p.i
	if p.i+1 >= len(p.b) {
		p.fail(at, len(p.b), "unterminated escape")
		return false
	}
	c := p.b[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		sb.WriteByte(c)
	case 'b':
		sb.WriteByte('\b')
	case 'f':
		sb.WriteByte('\f')
	case 'n':
		sb.WriteByte('\n')
	case 'r':
		sb.WriteByte('\r')
	case 't':
		sb.WriteByte('\t')
	case 'u':
		r, ok := p.hex4()
		if !ok {
			p.fail(at, p.i, "invalid \\u escape")
			return false
		}
		if utf16.IsSurrogate(r) && p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
			save := p.i
			p.i += 2
			if r2, ok := p.hex4(); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
				r = utf16.DecodeRune(r, r2)
			} else {
				p.i = save
			}
		}
		sb.WriteRune(r) // a lone surrogate becomes U+FFFD, as encoding/json does
	default:
		p.fail(at, p.i, "invalid escape \\%c", c)
		return false
	}
	return true
}

func (p *parser) hex4() (rune, bool) {
	if p.i+4 > len(p.b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.b[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(v), true
}

// container reads an object or an array. The returned node holds what was read even when an
// error cut it short.
func (p *parser) container(k Kind) *Node {
	start := p.i
	n := &Node{Kind: k}
	defer func() {
		n.Span = p.span(start, p.i)
		n.TextSpan = n.Span
	}()
	if p.depth >= MaxDepth {
		p.fail(p.i, p.i+1, "objects and arrays nested more than %d deep", MaxDepth)
		return n
	}
	p.depth++
	defer func() { p.depth-- }()
	closer := byte('}')
	if k == Array {
		closer = ']'
	}
	p.i++
	p.skipSpace()
	if p.peek() == closer {
		p.i++
		return n
	}
	for !p.failed {
		if k == Object {
			p.member(n)
		} else if v := p.value(); v != nil {
			n.Items = append(n.Items, v)
		}
		if p.failed {
			return n
		}
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.i++
			p.skipSpace()
			if p.peek() == closer { // a trailing comma, as JSONC and JSON5 allow
				p.i++
				return n
			}
		case closer:
			p.i++
			return n
		default:
			p.failHere(fmt.Sprintf("',' or '%c'", closer))
		}
	}
	return n
}

func (p *parser) member(obj *Node) {
	if p.peek() != '"' {
		p.failHere("a string key")
		return
	}
	ks := p.i
	key, ok := p.str()
	if !ok {
		return
	}
	m := Member{Key: key, KeySpan: p.span(ks+1, p.i-1)}
	p.skipSpace()
	if p.peek() != ':' {
		p.failHere("':' after the key")
		return
	}
	p.i++
	p.skipSpace()
	m.Value = p.value()
	if m.Value != nil {
		obj.Members = append(obj.Members, m)
	}
}
