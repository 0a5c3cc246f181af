package yaml

import (
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Node is one YAML node with its position. Aliases are resolved when a node is read (Kind, Get,
// Items, Pairs, Value...), so lookups see aliased and merged content; Entries does not follow
// them. A nil *Node is valid and behaves as a missing node.
type Node struct {
	n   *y.Node
	key *y.Node // the mapping key this node was reached through, if any
	s   *Stream
}

// NodeKind is the shape of a node.
type NodeKind int

// The node kinds. Kind reports the shape after alias resolution; IsAlias tells whether the node
// was written as an alias.
const (
	Missing NodeKind = iota
	Map
	Seq
	Scalar
)

// maxMerges bounds how many mappings one Pairs call merges in, whatever merge keys chain.
const maxMerges = 1000

func (n *Node) node() *y.Node {
	if n == nil {
		return nil
	}
	m := n.n
	// an alias points at its anchor, which is never an alias; the bound is only a guard
	for i := 0; m != nil && m.Kind == y.AliasNode && i < 8; i++ {
		m = m.Alias
	}
	if m != nil && m.Kind == y.AliasNode {
		return nil
	}
	return m
}

// Kind is the node's shape, aliases resolved.
func (n *Node) Kind() NodeKind {
	switch m := n.node(); {
	case m == nil:
		return Missing
	case m.Kind == y.MappingNode:
		return Map
	case m.Kind == y.SequenceNode:
		return Seq
	case m.Kind == y.ScalarNode:
		return Scalar
	}
	return Missing
}

// IsMap, IsSeq and IsScalar report the node's kind.
func (n *Node) IsMap() bool    { return n.Kind() == Map }
func (n *Node) IsSeq() bool    { return n.Kind() == Seq }
func (n *Node) IsScalar() bool { return n.Kind() == Scalar }

// IsAlias reports whether the node was written as an alias (*name).
func (n *Node) IsAlias() bool { return n != nil && n.n != nil && n.n.Kind == y.AliasNode }

// Anchor is the anchor name defined on the node (&name), if any.
func (n *Node) Anchor() string {
	if m := n.node(); m != nil {
		return m.Anchor
	}
	return ""
}

// Span is where the node is written: a scalar's text (between its quotes), the alias token of
// an alias, or the first character of a collection (a point; see Extent for the whole range).
func (n *Node) Span() source.Span {
	if n == nil || n.n == nil {
		return source.Span{}
	}
	if n.n.Kind == y.AliasNode || n.n.Kind == y.ScalarNode {
		return n.s.scalarSpan(n.n)
	}
	off := n.s.start(n.n)
	return n.s.f.Span(off, off)
}

// Extent is the node's whole range: for a collection, up to the end of its last child.
func (n *Node) Extent() source.Span {
	if n == nil || n.n == nil {
		return source.Span{}
	}
	return n.s.extent(n.n)
}

// KeySpan is the span of the mapping key the node was reached through (by Get, Path or
// Pairs); zero for documents and sequence items.
func (n *Node) KeySpan() source.Span {
	if n == nil || n.key == nil {
		return source.Span{}
	}
	return n.s.scalarSpan(n.key)
}

// Tag is a scalar's resolved short tag: "!!str", "!!int", "!!float", "!!bool", "!!null",
// "!!timestamp", or an explicit tag as written. `privileged: true` is "!!bool" while
// `privileged: "true"` is "!!str".
func (n *Node) Tag() string {
	if m := n.node(); m != nil {
		return m.ShortTag()
	}
	return ""
}

// IsNull reports whether the node is a null scalar (`key:`, `~`, `null`) or missing.
func (n *Node) IsNull() bool {
	m := n.node()
	return m == nil || (m.Kind == y.ScalarNode && m.ShortTag() == "!!null")
}

// Value classifies a scalar (value.ClassifyString for strings, a Literal with the text as
// written for numbers, booleans and null, whose text is ""); collections are Unknown.
func (n *Node) Value() value.Value {
	m := n.node()
	if m == nil || m.Kind != y.ScalarNode {
		return value.Value{Kind: value.Unknown, Span: n.Span()}
	}
	return n.s.valueOf(m)
}

// String returns a scalar's text (as yaml decoded it; for a templated file, as written).
func (n *Node) String() (string, bool) {
	m := n.node()
	if m == nil || m.Kind != y.ScalarNode {
		return "", false
	}
	return n.s.text(m), true
}

// Bool reads a boolean: a YAML bool, or a string "true"/"false"/"yes"/"no"/"on"/"off" as the
// charts and Airflow's config parser accept. Tag tells the two apart.
func (n *Node) Bool() (b, ok bool) {
	s, isScalar := n.String()
	if !isScalar {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
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

// Pairs lists a mapping's entries in source order with merge keys (`<<: *anchor`,
// `<<: [*a, *b]`) expanded in place. As in YAML's merge semantics, a key written in the mapping
// overrides a merged one and an earlier merged mapping overrides a later one; overridden merged
// pairs are left out. Merged values keep the positions of their anchor.
func (n *Node) Pairs() []Pair {
	m := n.node()
	if m == nil || m.Kind != y.MappingNode {
		return nil
	}
	return n.s.flatten(m, &mergeCtx{seen: map[*y.Node]bool{m: true}})
}

type mergeCtx struct {
	seen   map[*y.Node]bool // mappings already merged (each at most once: bounds alias bombs)
	merges int
}

func isMerge(k *y.Node) bool {
	return k.Kind == y.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// flatten returns the effective pairs of mapping m, merged mappings expanded in place.
func (s *Stream) flatten(m *y.Node, mc *mergeCtx) []Pair {
	own := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !isMerge(m.Content[i]) {
			own[s.text(m.Content[i])] = true
		}
	}
	taken := map[string]bool{} // keys supplied by earlier merges
	var out []Pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !isMerge(k) {
			out = append(out, Pair{Key: s.text(k), KeySpan: s.scalarSpan(k), Value: &Node{n: v, key: k, s: s}})
			continue
		}
		for _, t := range mergeTargets(v) {
			if t.Kind != y.MappingNode || mc.seen[t] || mc.merges >= maxMerges {
				continue
			}
			mc.seen[t] = true
			mc.merges++
			merged := s.flatten(t, mc)
			for _, p := range merged {
				if !own[p.Key] && !taken[p.Key] {
					out = append(out, p)
				}
			}
			for _, p := range merged {
				taken[p.Key] = true
			}
		}
	}
	return out
}

// mergeTargets resolves the value of a merge key: one mapping or a sequence of them.
func mergeTargets(v *y.Node) []*y.Node {
	r := (&Node{n: v}).node()
	if r == nil {
		return nil
	}
	if r.Kind != y.SequenceNode {
		return []*y.Node{r}
	}
	out := make([]*y.Node, 0, len(r.Content))
	for _, c := range r.Content {
		if t := (&Node{n: c}).node(); t != nil {
			out = append(out, t)
		}
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
