package hcl

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// jsonString reads a policy written as JSON text: a heredoc (whose bytes are the file's, so
// positions are exact) or a quoted string (unescaped with a map back to the file's offsets).
// Interpolations inside JSON strings are kept as text and make that string not Known.
func (t *File) jsonString(x *hclsyntax.TemplateExpr) (*pnode, string) {
	body := t.textSpan(x)
	start, end := body.Start.Offset, body.End.Offset
	if start >= end {
		return nil, ""
	}
	raw := t.f.Content[start:end]
	if !strings.Contains(string(raw), "Statement") {
		return nil, "" // fast path: not a policy
	}
	heredoc := strings.HasPrefix(t.f.Text(t.span(x.Range())), "<<")
	p := &jsonParser{t: t}
	form := "heredoc"
	if heredoc {
		p.src, p.off = raw, func(i int) int { return start + i }
	} else {
		form = "string"
		var offs []int
		p.src, offs = unescapeHCL(raw)
		p.off = func(i int) int {
			if i >= len(offs) {
				return end
			}
			return start + offs[i]
		}
	}
	p.skipSpace()
	n := p.value(0)
	if p.err || n == nil {
		return nil, ""
	}
	return n, form
}

// unescapeHCL undoes a quoted HCL string's escapes (\" \\ \n \t \uXXXX, $${, %%{) and returns,
// for each output byte, its offset in raw.
func unescapeHCL(raw []byte) ([]byte, []int) {
	out := make([]byte, 0, len(raw))
	offs := make([]int, 0, len(raw))
	emit := func(b []byte, at int) {
		for _, c := range b {
			out = append(out, c)
			offs = append(offs, at)
		}
	}
	for i := 0; i < len(raw); {
		switch {
		case raw[i] == '\\' && i+1 < len(raw):
			n, r := 2, rune(raw[i+1])
			switch raw[i+1] {
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			case 'r':
				r = '\r'
			case 'u', 'U':
				digits := 4
				if raw[i+1] == 'U' {
					digits = 8
				}
				if i+2+digits <= len(raw) {
					if v, err := strconv.ParseUint(string(raw[i+2:i+2+digits]), 16, 32); err == nil {
						r, n = rune(v), 2+digits
					}
				}
			}
			emit(utf8.AppendRune(nil, r), i)
			i += n
		case (raw[i] == '$' || raw[i] == '%') && i+2 < len(raw) && raw[i+1] == raw[i] && raw[i+2] == '{':
			emit(raw[i+1:i+3], i)
			i += 3
		default:
			emit(raw[i:i+1], i)
			i++
		}
	}
	return out, offs
}

// jsonParser is a small JSON reader that keeps the span of every string; policies need no
// more, and it works on the bytes of a heredoc in place.
type jsonParser struct {
	t   *File
	src []byte
	pos int
	off func(int) int // src offset → file offset
	err bool
}

func (p *jsonParser) span(a, b int) source.Span { return p.t.f.Span(p.off(a), p.off(b)) }

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *jsonParser) eat(c byte) bool {
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *jsonParser) value(depth int) *pnode {
	p.skipSpace()
	if p.pos >= len(p.src) || depth > maxDepth {
		p.err = true
		return nil
	}
	start := p.pos
	switch p.src[p.pos] {
	case '{':
		p.pos++
		n := &pnode{kind: 'o'}
		for !p.err && !p.eat('}') {
			if len(n.keys) > 0 && !p.eat(',') {
				p.err = true
				break
			}
			p.skipSpace()
			k := p.str()
			if p.err || !p.eat(':') {
				p.err = true
				break
			}
			v := p.value(depth + 1)
			if p.err {
				break
			}
			n.keys, n.vals = append(n.keys, k.str), append(n.vals, v)
		}
		n.span = p.span(start, p.pos)
		return n
	case '[':
		p.pos++
		n := &pnode{kind: 'a'}
		for !p.err && !p.eat(']') {
			if len(n.items) > 0 && !p.eat(',') {
				p.err = true
				break
			}
			n.items = append(n.items, p.value(depth+1))
		}
		n.span = p.span(start, p.pos)
		return n
	case '"':
		return p.str()
	}
	for p.pos < len(p.src) && strings.IndexByte(",]} \t\r\n", p.src[p.pos]) < 0 {
		p.pos++
	}
	if p.pos == start {
		p.err = true
	}
	return &pnode{kind: '?', span: p.span(start, p.pos), str: StringAt{Text: string(p.src[start:p.pos]), Span: p.span(start, p.pos)}}
}

// str reads a JSON string; its span is the text between the quotes.
func (p *jsonParser) str() *pnode {
	if p.pos >= len(p.src) || p.src[p.pos] != '"' {
		p.err = true
		return &pnode{}
	}
	start := p.pos
	p.pos++
	for p.pos < len(p.src) && p.src[p.pos] != '"' {
		if p.src[p.pos] == '\\' {
			p.pos++
		}
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.err = true
		return &pnode{}
	}
	p.pos++
	raw := p.src[start:p.pos]
	var s string
	if json.Unmarshal(raw, &s) != nil {
		s = string(raw[1 : len(raw)-1])
	}
	sp := p.span(start+1, p.pos-1)
	known := !strings.Contains(s, "${")
	return &pnode{kind: 's', span: sp, str: StringAt{Text: s, Span: sp, Known: known}}
}
