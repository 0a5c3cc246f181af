package toml

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// maxErrors bounds the notices for one file: after a real error, resuming line by line inside
// a broken multi-line string would otherwise report every following line.
const maxErrors = 20

type builder struct {
	doc    *File
	p      unstable.Parser
	base   int            // offset of the parser's input within the file
	table  []string       // the current table's resolved path
	arrays map[string]int // array-of-tables path → elements so far
	seen   map[string]bool
}

func (b *builder) run() {
	content := b.doc.src.Content
	start := 0
	if source.HasBOM(content) {
		start = 3
	}
	b.p.KeepComments = true
	for start < len(content) && len(b.doc.errors) < maxErrors {
		next, ok := b.parseFrom(start)
		if ok {
			return
		}
		start = next
	}
}

// parseFrom parses content[start:]; on an error it reports it and returns where to resume:
// the line after the error.
func (b *builder) parseFrom(start int) (resume int, done bool) {
	content := b.doc.src.Content
	b.base = start
	data := content[start:]
	b.p.Reset(data)
	defer func() {
		if r := recover(); r != nil { // NOTE: the parser is "unstable"; never let it take the run down
			b.fail(start, start, fmt.Sprintf("TOML parser failure: %v", r))
			resume, done = len(content), true
		}
	}()
	for b.p.NextExpression() {
		b.expression(b.p.Expression())
	}
	err := b.p.Error()
	if err == nil {
		return 0, true
	}
	off := len(data)
	var perr *unstable.ParserError
	if errors.As(err, &perr) && perr.Highlight != nil {
		if o := cap(data) - cap(perr.Highlight); o >= 0 && o <= len(data) {
			off = o
		}
	}
	abs := start + off
	end := abs
	if perr != nil {
		end = min(abs+len(perr.Highlight), len(content))
	}
	b.fail(abs, end, err.Error())
	for abs < len(content) && content[abs] != '\n' {
		abs++
	}
	return abs + 1, abs >= len(content)
}

func (b *builder) fail(start, end int, msg string) {
	b.doc.errors = append(b.doc.errors, source.SyntaxError{Span: b.span(start, end), Msg: msg})
}

func (b *builder) span(start, end int) source.Span { return b.doc.src.Span(start, end) }

// rangeSpan converts a node range of the current parser input into a file span.
func (b *builder) rangeSpan(r unstable.Range) source.Span {
	s := b.base + int(r.Offset)
	return b.span(s, s+int(r.Length))
}

func (b *builder) expression(n *unstable.Node) {
	switch n.Kind {
	case unstable.Comment:
		b.comment(n)
		return
	case unstable.Table, unstable.ArrayTable:
		b.header(n)
	case unstable.KeyValue:
		b.keyValue(b.table, n)
	}
	if c := n.Next(); c != nil && c.Kind == unstable.Comment {
		b.comment(c) // a comment after the expression on the same line
	}
}

func (b *builder) comment(n *unstable.Node) {
	text := string(n.Data)
	if len(text) > 0 && text[0] == '#' {
		text = text[1:]
	}
	b.doc.comments = append(b.doc.comments, source.Comment{Span: b.rangeSpan(n.Raw), Text: trim(text), OwnLine: b.ownLine(b.base + int(n.Raw.Offset))})
}

// header resolves a table header against the arrays of tables seen so far: in
// `[[a]]` … `[a.b]`, b belongs to the last element of a.
func (b *builder) header(n *unstable.Node) {
	var keys []*unstable.Node
	for it := n.Key(); it.Next(); {
		keys = append(keys, it.Node())
	}
	var path []string
	for i, k := range keys {
		path = append(path, string(k.Data))
		last := i == len(keys)-1
		if last && n.Kind == unstable.ArrayTable {
			idx := b.arrays[pathKey(path)]
			b.arrays[pathKey(path)] = idx + 1
			path = append(path, index(idx))
		} else if c, ok := b.arrays[pathKey(path)]; ok {
			path = append(path, index(c-1))
		}
	}
	b.table = path
	sp := b.rangeSpan(keys[0].Raw)
	sp.End = b.rangeSpan(keys[len(keys)-1].Raw).End
	b.doc.tables = append(b.doc.tables, Table{Path: path, Span: sp, Array: n.Kind == unstable.ArrayTable})
}

func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// keyValue adds the entries of `key = value` under prefix.
func (b *builder) keyValue(prefix []string, n *unstable.Node) {
	path := append([]string(nil), prefix...)
	var last *unstable.Node
	for it := n.Key(); it.Next(); {
		last = it.Node()
		path = append(path, string(last.Data))
	}
	b.value(path, b.rangeSpan(last.Raw), n.Value())
}

func (b *builder) value(path []string, keySpan source.Span, v *unstable.Node) {
	switch v.Kind {
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				b.commentRun(c)
				continue
			}
			b.value(append(path[:len(path):len(path)], index(i)), source.Span{}, c)
			i++
		}
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				b.commentRun(c)
				continue
			}
			b.keyValue(path, c)
		}
	default:
		b.leaf(path, keySpan, v)
	}
}

// commentRun records a run of comments inside an array or inline table: the first is a child
// of the container, the rest hang off it.
func (b *builder) commentRun(c *unstable.Node) {
	b.comment(c)
	for n := c.Child(); n != nil; n = n.Next() {
		b.comment(n)
	}
}

func (b *builder) leaf(path []string, keySpan source.Span, v *unstable.Node) {
	raw := b.rangeSpan(v.Raw)
	var val value.Value
	if v.Kind == unstable.String {
		val = value.ClassifyString(string(v.Data), b.stringSpan(v.Raw))
	} else {
		val = value.Value{Kind: value.Literal, Text: string(v.Data), Span: raw}
	}
	k := pathKey(path)
	if b.seen[k] {
		b.doc.errors = append(b.doc.errors, source.SyntaxError{Span: keySpan, Msg: fmt.Sprintf("duplicate key %q", joinDots(path))})
	}
	b.seen[k] = true
	b.doc.entries = append(b.doc.entries, value.Entry{Path: path, KeySpan: keySpan, Value: val})
}

// stringSpan narrows a string's raw range to the text between its delimiters.
func (b *builder) stringSpan(r unstable.Range) source.Span {
	raw := b.p.Raw(r)
	q := 1
	if len(raw) >= 6 && (string(raw[:3]) == `"""` || string(raw[:3]) == `'''`) {
		q = 3
	}
	if len(raw) < 2*q {
		return b.rangeSpan(r)
	}
	s := b.base + int(r.Offset)
	return b.span(s+q, s+len(raw)-q)
}

func joinDots(p []string) string {
	s := ""
	for i, x := range p {
		if i > 0 {
			s += "."
		}
		s += x
	}
	return s
}

func trim(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return s[i:j]
}

// ownLine reports whether only blanks precede off on its line.
func (b *builder) ownLine(off int) bool {
	c := b.doc.src.Content
	for i := off - 1; i >= 0 && c[i] != '\n'; i-- {
		if c[i] != ' ' && c[i] != '\t' && !(i < 3 && source.HasBOM(c)) {
			return false
		}
	}
	return true
}
