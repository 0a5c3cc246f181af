package jsonx

import (
	"errors"
	"strconv"
	"sync"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// MaxDepth bounds the nesting of objects and arrays; deeper input is a syntax error.
const MaxDepth = 1000

// File is a parsed JSON document. It implements source.Document.
type File struct {
	src      *source.File
	root     *Node
	errors   []source.SyntaxError
	comments []source.Comment
	// entries is computed once: many rules read the entries of the same document.
	entriesOnce sync.Once
	entries     []value.Entry
}

// File returns the file the document was parsed from.
func (f *File) File() *source.File { return f.src }

// Comments returns the JSONC comments of the document (none in strict JSON).
func (f *File) Comments() []source.Comment { return f.comments }

// SyntaxErrors returns the first syntax error, if any.
func (f *File) SyntaxErrors() []source.SyntaxError { return f.errors }

// Root returns the top-level value, or nil for an empty or unreadable document. After a
// syntax error it holds what was read before it.
func (f *File) Root() *Node { return f.root }

// Entries returns one entry per scalar leaf, in source order. Array elements appear as "[i]"
// and have no key span. Empty objects and arrays produce no entry. The slice is shared by every
// caller: read it, do not modify it.
func (f *File) Entries() []value.Entry {
	f.entriesOnce.Do(func() { f.entries = f.walkEntries() })
	return f.entries
}

func (f *File) walkEntries() []value.Entry {
	var out []value.Entry
	var walk func(n *Node, path []string, keySpan source.Span)
	walk = func(n *Node, path []string, keySpan source.Span) {
		switch n.Kind {
		case Object:
			for _, m := range n.Members {
				walk(m.Value, append(path[:len(path):len(path)], m.Key), m.KeySpan)
			}
		case Array:
			for i, it := range n.Items {
				walk(it, append(path[:len(path):len(path)], "["+strconv.Itoa(i)+"]"), source.Span{})
			}
		default:
			out = append(out, value.Entry{Path: path, KeySpan: keySpan, Value: n.Value()})
		}
	}
	if f.root != nil {
		walk(f.root, nil, source.Span{})
	}
	return out
}

var errNilFile = errors.New("jsonx: nil file")

// Parse reads a JSON document. Malformed input becomes a syntax error, never a failure; the
// error is reserved for a nil file.
func Parse(f *source.File) (*File, error) {
	if f == nil {
		return nil, errNilFile
	}
	p := &parser{doc: &File{src: f}, b: f.Content}
	if source.HasBOM(p.b) {
		p.i = 3
	}
	p.document()
	return p.doc, nil
}
