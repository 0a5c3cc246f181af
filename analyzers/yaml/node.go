package yaml

import (
	"strconv"
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Node is one YAML node with its position. Aliases are resolved when read through Get, Items and
// Pairs, so lookups see merged and aliased content; Entries does not follow them.
type Node struct {
	n *y.Node
	s *Stream
}

func (n *Node) node() *y.Node {
	if n == nil {
		return nil
	}
	m := n.n
	for i := 0; m != nil && m.Kind == y.AliasNode && i < 100; i++ {
		m = m.Alias
	}
	return m
}

// IsMap, IsSeq and IsScalar report the node's kind.
func (n *Node) IsMap() bool    { m := n.node(); return m != nil && m.Kind == y.MappingNode }
func (n *Node) IsSeq() bool    { m := n.node(); return m != nil && m.Kind == y.SequenceNode }
func (n *Node) IsScalar() bool { m := n.node(); return m != nil && m.Kind == y.ScalarNode }

// Span is the node's start (for collections) or the scalar's text.
func (n *Node) Span() source.Span {
	m := n.node()
	if m == nil {
		return source.Span{}
	}
	if m.Kind == y.ScalarNode {
		return n.s.scalarSpan(m)
	}
	off := n.s.f.OffsetAt(max(m.Line, 1), max(m.Column, 1))
	return n.s.f.Span(off, off)
}

// Value classifies a scalar; collections are Unknown.
func (n *Node) Value() value.Value {
	m := n.node()
	if m == nil || m.Kind != y.ScalarNode {
		return value.Value{Kind: value.Unknown, Span: n.Span()}
	}
	return n.s.valueOf(m)
}

// String returns a scalar's text.
func (n *Node) String() (string, bool) {
	m := n.node()
	if m == nil || m.Kind != y.ScalarNode {
		return "", false
	}
	return m.Value, true
}

// Bool reads a YAML boolean (true/false, and the quoted "true"/"false" charts often use).
func (n *Node) Bool() (b, ok bool) {
	s, isScalar := n.String()
	if !isScalar {
		return false, false
	}
	switch strings.ToLower(s) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

// Pair is one mapping entry.
type Pair struct {
	Key     string
	KeySpan source.Span
	Value   *Node
}

// Pairs lists a mapping's entries, merge keys (`<<: *anchor`) expanded in place.
func (n *Node) Pairs() []Pair { return n.pairs(0) }

func (n *Node) pairs(depth int) []Pair {
	m := n.node()
	if m == nil || m.Kind != y.MappingNode || depth > 20 {
		return nil
	}
	var out []Pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value == "<<" && k.Tag == "!!merge" {
			merged := &Node{n: v, s: n.s}
			if merged.IsSeq() {
				for _, it := range merged.Items() {
					out = append(out, it.pairs(depth+1)...)
				}
			} else {
				out = append(out, merged.pairs(depth+1)...)
			}
			continue
		}
		out = append(out, Pair{Key: k.Value, KeySpan: n.s.scalarSpan(k), Value: &Node{n: v, s: n.s}})
	}
	return out
}

// Get returns a mapping's value for key (the last one written wins, as YAML loaders do), or nil.
func (n *Node) Get(key string) *Node {
	var found *Node
	for _, p := range n.Pairs() {
		if p.Key == key {
			found = p.Value
		}
	}
	return found
}

// Path follows keys through nested mappings.
func (n *Node) Path(keys ...string) *Node {
	for _, k := range keys {
		if n = n.Get(k); n == nil {
			return nil
		}
	}
	return n
}

// Items lists a sequence's items.
func (n *Node) Items() []*Node {
	m := n.node()
	if m == nil || m.Kind != y.SequenceNode {
		return nil
	}
	out := make([]*Node, len(m.Content))
	for i, c := range m.Content {
		out[i] = &Node{n: c, s: n.s}
	}
	return out
}

// Entries lists every scalar leaf once, at the place it is written: values reached through an
// alias or a merge key are reported where the anchor defines them. Compose `environment:` lists
// (`- NAME=value`) and Kubernetes `env:` lists (`- name: NAME` / `value:`) become NAME keys, so
// environment variables look the same in every format.
func (s *Stream) Entries() []value.Entry {
	var out []value.Entry
	for i, d := range s.docs {
		if len(d.Content) > 0 {
			s.walk(d.Content[0], nil, source.Span{}, i, 0, &out)
		}
	}
	return out
}

func (s *Stream) walk(n *y.Node, path []string, keySpan source.Span, doc, depth int, out *[]value.Entry) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case y.AliasNode:
		return // reported at the anchor
	case y.ScalarNode:
		*out = append(*out, value.Entry{Path: append([]string(nil), path...), KeySpan: keySpan, Value: s.valueOf(n), Doc: doc})
	case y.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				continue // merged content is reported at its anchor
			}
			s.walk(v, append(path, k.Value), s.scalarSpan(k), doc, depth+1, out)
		}
	case y.SequenceNode:
		last := ""
		if len(path) > 0 {
			last = path[len(path)-1]
		}
		for i, item := range n.Content {
			if last == "environment" && item.Kind == y.ScalarNode && s.composeEnv(item, path, doc, out) {
				continue
			}
			if last == "env" && item.Kind == y.MappingNode && s.k8sEnv(item, path, doc, out) {
				continue
			}
			s.walk(item, append(path, "["+strconv.Itoa(i)+"]"), source.Span{}, doc, depth+1, out)
		}
	}
}

// composeEnv turns `- NAME=value` into an entry NAME with the value's exact span.
func (s *Stream) composeEnv(item *y.Node, path []string, doc int, out *[]value.Entry) bool {
	name, val, ok := strings.Cut(item.Value, "=")
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return false
	}
	sp := s.scalarSpan(item)
	start := sp.Start.Offset
	keySpan, valSpan := sp, sp
	if s.f.Text(sp) == item.Value {
		keySpan = s.f.Span(start, start+len(name))
		valSpan = s.f.Span(start+len(name)+1, sp.End.Offset)
	}
	*out = append(*out, value.Entry{Path: append(append([]string(nil), path...), name), KeySpan: keySpan,
		Value: value.ClassifyString(val, valSpan), Doc: doc})
	return true
}

// k8sEnv turns `{name: NAME, value: v}` into an entry NAME; `valueFrom` is a secret reference.
func (s *Stream) k8sEnv(item *y.Node, path []string, doc int, out *[]value.Entry) bool {
	m := &Node{n: item, s: s}
	nameNode := m.Get("name")
	name, ok := nameNode.String()
	if !ok || name == "" {
		return false
	}
	p := append(append([]string(nil), path...), name)
	switch {
	case m.Get("value") != nil:
		*out = append(*out, value.Entry{Path: p, KeySpan: nameNode.Span(), Value: m.Get("value").Value(), Doc: doc})
	case m.Get("valueFrom") != nil:
		ref := "valueFrom"
		if k, ok := m.Path("valueFrom", "secretKeyRef", "name").String(); ok {
			ref = "secret " + k
		}
		*out = append(*out, value.Entry{Path: p, KeySpan: nameNode.Span(), Value: value.Value{Kind: value.SecretRef, Ref: ref, Span: m.Get("valueFrom").Span()}, Doc: doc})
	}
	return true
}
