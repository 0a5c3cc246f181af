package yaml

import (
	"bytes"
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// start is the byte offset where yaml says n begins.
func (s *Stream) start(n *y.Node) int {
	if n.Line < 1 || n.Line > s.pf.LineCount() {
		return 0
	}
	return s.pf.OffsetAt(n.Line, max(n.Column, 1))
}

// scalarSpan is the span of a scalar's text: between the quotes of a quoted scalar, the text of
// a plain one (across lines when it is folded), and the content lines of a block scalar (| or >)
// without the indicator line.
func (s *Stream) scalarSpan(n *y.Node) source.Span {
	a, b := s.scalarRange(n)
	return s.f.Span(a, b)
}

func (s *Stream) scalarRange(n *y.Node) (int, int) {
	start := s.start(n)
	c := s.pf.Content
	switch {
	case start >= len(c):
		return start, start
	case n.Kind == y.AliasNode:
		return start, wordEnd(c, start)
	case n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle) != 0 && (c[start] == '"' || c[start] == '\''):
		return start + 1, quoteEnd(c, start)
	case n.Style&(y.LiteralStyle|y.FoldedStyle) != 0:
		a, b, _ := blockRange(c, start)
		return a, b
	case n.Style&y.TaggedStyle != 0 || (n.Tag != "" && n.Tag[0] == '!' && bytes.HasPrefix(c[start:], []byte("!"))):
		// `!!str value`: the node starts at its tag; the value follows it.
		start = wordEnd(c, start)
		for start < len(c) && (c[start] == ' ' || c[start] == '\t') {
			start++
		}
		if start < len(c) && (c[start] == '"' || c[start] == '\'' || c[start] == '|' || c[start] == '>') {
			n2 := *n
			n2.Style &^= y.TaggedStyle
			if c[start] == '"' {
				n2.Style |= y.DoubleQuotedStyle
			} else if c[start] == '\'' {
				n2.Style |= y.SingleQuotedStyle
			} else {
				n2.Style |= y.LiteralStyle
			}
			n2.Line, n2.Column = s.pf.Pos(start).Line, s.pf.Pos(start).Col
			return s.scalarRange(&n2)
		}
	}
	return start, plainEnd(c, start, n.Value)
}

// wordEnd is the end of the run of non-space bytes at start (an alias or a tag).
func wordEnd(c []byte, start int) int {
	i := start
	for i < len(c) && c[i] != ' ' && c[i] != '\t' && c[i] != '\n' && c[i] != '\r' && c[i] != ',' && c[i] != ']' && c[i] != '}' {
		i++
	}
	return i
}

// quoteEnd finds the closing quote of the scalar opened at start (” escapes a single quote,
// backslash escapes in double quotes); without one, the end of the line.
func quoteEnd(c []byte, start int) int {
	q := c[start]
	for i := start + 1; i < len(c); i++ {
		switch {
		case q == '"' && c[i] == '\\':
			i++
		case c[i] == q && q == '\'' && i+1 < len(c) && c[i+1] == '\'':
			i++
		case c[i] == q:
			return i
		}
	}
	return lineEnd(c, start)
}

func lineEnd(c []byte, off int) int {
	e := bytes.IndexByte(c[off:], '\n')
	if e < 0 {
		e = len(c) - off
	}
	e += off
	if e > off && c[e-1] == '\r' {
		e--
	}
	return e
}

// plainEnd matches a plain scalar's value against the text at start, a line break plus
// indentation in the text standing for the space (or newline) folding made of it.
func plainEnd(c []byte, start int, v string) int {
	i, j := start, 0
	for j < len(v) && i < len(c) {
		switch {
		case c[i] == v[j]:
			i++
			j++
		case isSpace(c[i]) && (v[j] == ' ' || v[j] == '\n'):
			for i < len(c) && isSpace(c[i]) {
				i++
			}
			for j < len(v) && (v[j] == ' ' || v[j] == '\n') {
				j++
			}
		default:
			return lineEnd(c, start)
		}
	}
	if j < len(v) {
		return lineEnd(c, start)
	}
	return i
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// blockRange returns the content of the block scalar whose indicator (| or >) is at start: from
// the first content character to the end of its last non-blank line, and the content's
// indentation.
func blockRange(c []byte, start int) (int, int, int) {
	off := lineEnd(c, start)
	if off < len(c) && c[off] == '\r' {
		off++
	}
	if off >= len(c) {
		return start, start, 0
	}
	off++ // past the header's newline
	first, last, indent := -1, -1, -1
	for off < len(c) {
		le := lineEnd(c, off)
		ind := 0
		for off+ind < le && c[off+ind] == ' ' {
			ind++
		}
		blank := off+ind == le
		if !blank {
			if indent < 0 {
				indent = ind
			}
			if ind < indent || indent == 0 && isMarker(c[off:min(len(c), le+1)]) {
				break
			}
			if first < 0 {
				first = off + indent
			}
			last = le
		}
		off = le
		if off < len(c) && c[off] == '\r' {
			off++
		}
		off++
	}
	if first < 0 {
		return start, start, 0
	}
	return first, last, indent
}

// originalText reads a scalar's text from the file itself; used when template blanking changed
// the bytes yaml parsed, so `{{ .Values.x }}` is seen as written.
func (s *Stream) originalText(n *y.Node, a, b int) string {
	raw := string(s.f.Content[a:b])
	switch {
	case n.Style&y.SingleQuotedStyle != 0:
		return strings.ReplaceAll(raw, "''", "'")
	case n.Style&(y.LiteralStyle|y.FoldedStyle) != 0:
		_, _, indent := blockRange(s.pf.Content, s.start(n))
		lines := strings.Split(raw, "\n")
		for i := 1; i < len(lines); i++ {
			lines[i] = strings.TrimPrefix(lines[i], strings.Repeat(" ", indent))
		}
		return strings.Join(lines, "\n")
	}
	return raw
}

// extent is the whole range of a node: a scalar's text, or a collection from its first byte to
// the end of its last child (and its closing bracket when it is a flow collection).
func (s *Stream) extent(n *y.Node) source.Span {
	a := s.start(n)
	b := s.extentEnd(n, 0)
	return s.f.Span(a, max(a, b))
}

func (s *Stream) extentEnd(n *y.Node, depth int) int {
	if n.Kind == y.ScalarNode || n.Kind == y.AliasNode {
		_, b := s.scalarRange(n)
		if n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle) != 0 && b < len(s.pf.Content) {
			b++ // the closing quote
		}
		return b
	}
	end := s.start(n) + 1
	if len(n.Content) > 0 && depth < maxDepth {
		end = s.extentEnd(n.Content[len(n.Content)-1], depth+1)
	}
	if n.Style&y.FlowStyle != 0 {
		c := s.pf.Content
		closer := byte('}')
		if n.Kind == y.SequenceNode {
			closer = ']'
		}
		for i := end; i < len(c); i++ {
			if c[i] == closer {
				return i + 1
			}
			if !isSpace(c[i]) && c[i] != ',' {
				break
			}
		}
	}
	return min(end, len(s.pf.Content))
}
