package jsonx

import (
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Kind is the JSON type of a node.
type Kind int

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"null", "bool", "number", "string", "object", "array"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Node is one JSON value.
type Node struct {
	Kind Kind
	// Span covers the whole value, quotes and brackets included. An object or array cut short
	// by a syntax error ends where the error is.
	Span source.Span
	// TextSpan covers a string's text between its quotes; for other scalars it equals Span.
	TextSpan source.Span
	// Text is the decoded string, or the raw text of a number, boolean or null.
	Text string
	// Members are an object's members in source order, repeated keys included.
	Members []Member
	// Items are an array's elements.
	Items []*Node
}

// Member is one key of an object.
type Member struct {
	Key string
	// KeySpan covers the key's text between its quotes.
	KeySpan source.Span
	Value   *Node
}

// Get returns the value of key in an object, or nil. With repeated keys the last one wins, as
// in most JSON decoders. It is safe to call on nil and on non-objects.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i].Value
		}
	}
	return nil
}

// Member returns the member for key (the last one when repeated).
func (n *Node) Member(key string) (Member, bool) {
	if n != nil {
		for i := len(n.Members) - 1; i >= 0; i-- {
			if n.Members[i].Key == key {
				return n.Members[i], true
			}
		}
	}
	return Member{}, false
}

// Lookup follows a chain of object keys, e.g. Lookup("job_configuration", "env").
func (n *Node) Lookup(keys ...string) *Node {
	for _, k := range keys {
		n = n.Get(k)
	}
	return n
}

// Index returns the i-th element of an array, or nil.
func (n *Node) Index(i int) *Node {
	if n == nil || i < 0 || i >= len(n.Items) {
		return nil
	}
	return n.Items[i]
}

// List returns the elements of an array, or the node itself when it is not an array. IAM's
// Action, Resource and Principal entries are a string or a list of strings; List reads both.
func (n *Node) List() []*Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == Array:
		return n.Items
	}
	return []*Node{n}
}

// IsString reports whether n is a string node.
func (n *Node) IsString() bool { return n != nil && n.Kind == String }

// Value classifies a scalar: strings through value.ClassifyString (so templates and `${VAR}`
// are recognised), other scalars as literals of their raw text. Objects and arrays are Unknown.
func (n *Node) Value() value.Value {
	switch {
	case n == nil:
		return value.Value{}
	case n.Kind == String:
		return value.ClassifyString(n.Text, n.TextSpan)
	case n.Kind == Object || n.Kind == Array:
		return value.Value{Kind: value.Unknown, Span: n.Span}
	}
	return value.Value{Kind: value.Literal, Text: n.Text, Span: n.Span}
}
