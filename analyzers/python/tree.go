package python

import (
	ts "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

var (
	language   = ts.NewLanguage(tspython.Language())
	kindNames  []string // node kind id → name
	fieldNames []string // field id → name
)

func init() {
	kindNames = make([]string, language.NodeKindCount())
	for i := range kindNames {
		kindNames[i] = language.NodeKindForId(uint16(i))
	}
	fieldNames = make([]string, language.FieldCount()+1)
	for i := 1; i < len(fieldNames); i++ {
		fieldNames[i] = language.FieldNameForId(uint16(i))
	}
}

// nid is an index into a syntax tree's node table; -1 is no node.
type nid = int32

// syntax is the plain-Go copy of one tree-sitter tree: nodes in pre-order and their children.
type syntax struct {
	src   string
	nodes []rawNode
	first []int32 // first[i]..first[i+1] index kids for node i
	kids  []nid
}

func newSyntax(src string, nodes []rawNode) *syntax {
	s := &syntax{src: src, nodes: nodes}
	n := len(nodes)
	count := make([]int32, n+1)
	for i := 1; i < n; i++ {
		if p := nodes[i].parent; p >= 0 {
			count[p+1]++
		}
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	s.first = count
	s.kids = make([]nid, count[n])
	fill := make([]int32, n)
	for i := 1; i < n; i++ {
		if p := nodes[i].parent; p >= 0 {
			s.kids[count[p]+fill[p]] = nid(i)
			fill[p]++
		}
	}
	return s
}

func (s *syntax) kind(n nid) string {
	if n < 0 {
		return ""
	}
	k := int(s.nodes[n].kind)
	if k == 0xFFFF { // ts_builtin_sym_error
		return "ERROR"
	}
	if k < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

func (s *syntax) named(n nid) bool { return n >= 0 && s.nodes[n].flags&flagNamed != 0 }

func (s *syntax) field(n nid) string {
	if n < 0 {
		return ""
	}
	f := int(s.nodes[n].field)
	if f < len(fieldNames) {
		return fieldNames[f]
	}
	return ""
}

func (s *syntax) text(n nid) string {
	if n < 0 {
		return ""
	}
	st, en := int(s.nodes[n].start), int(s.nodes[n].end)
	if en > len(s.src) || st > en {
		return ""
	}
	return s.src[st:en]
}

func (s *syntax) children(n nid) []nid {
	if n < 0 || int(n) >= len(s.nodes) {
		return nil
	}
	return s.kids[s.first[n]:s.first[n+1]]
}

// namedChildren returns the named children, skipping comments.
func (s *syntax) namedChildren(n nid, buf []nid) []nid {
	buf = buf[:0]
	for _, c := range s.children(n) {
		if s.named(c) && s.kind(c) != "comment" {
			buf = append(buf, c)
		}
	}
	return buf
}

func (s *syntax) child(n nid, field string) nid {
	for _, c := range s.children(n) {
		if s.field(c) == field {
			return c
		}
	}
	return -1
}

func (s *syntax) firstNamed(n nid) nid {
	for _, c := range s.children(n) {
		if s.named(c) && s.kind(c) != "comment" {
			return c
		}
	}
	return -1
}

// unparen strips parentheses around an expression.
func (s *syntax) unparen(n nid) nid {
	for i := 0; i < 100 && s.kind(n) == "parenthesized_expression"; i++ {
		c := s.firstNamed(n)
		if c < 0 {
			return n
		}
		n = c
	}
	return n
}
