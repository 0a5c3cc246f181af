package yaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// maxDepth bounds recursion over deeply nested documents (yaml itself stops at 10000).
const maxDepth = 500

// Stream is a parsed YAML file.
type Stream struct {
	f *source.File
	// pf holds the bytes yaml actually parsed: f.Content with template actions blanked. It has the
	// same length and line structure as f, so its byte offsets are f's; it exists because yaml's
	// columns count the characters of what it parsed.
	pf        *source.File
	docs      []*y.Node // document contents (never nil)
	errors    []source.SyntaxError
	comments  []source.Comment
	templated bool
	kind      Kind
	// entries is computed once: two dozen rules read the entries of the same stream.
	entriesOnce sync.Once
	entries     []value.Entry
}

// File returns the file.
func (s *Stream) File() *source.File { return s.f }

// Comments returns the `#` comments of the file in source order.
func (s *Stream) Comments() []source.Comment { return s.comments }

// SyntaxErrors returns one error per document that could not be parsed.
func (s *Stream) SyntaxErrors() []source.SyntaxError { return s.errors }

// Templated reports whether the file holds template actions where YAML structure is expected
// (a Helm template): it was parsed with them blanked, or could not be parsed at all.
func (s *Stream) Templated() bool { return s.templated }

// Documents returns the root node of every parsed document, in stream order.
func (s *Stream) Documents() []*Node {
	out := make([]*Node, len(s.docs))
	for i, d := range s.docs {
		out[i] = &Node{n: d, s: s}
	}
	return out
}

// Parse reads every document of a stream. It never returns an error: a document that does not
// parse becomes a SyntaxError and the rest of the stream is kept.
func Parse(f *source.File) (*Stream, error) {
	s := &Stream{f: f, pf: f}
	content := f.Content
	actions := findActions(content)
	if structural(content, actions) {
		s.templated = true
		content = blank(content, actions)
		s.pf = source.NewFile(f.Path, f.Kind, content)
	}
	docs, err := decodeAll(content, 0)
	if err != nil {
		docs = s.recoverDocuments(content, actions)
	}
	s.docs = docs
	s.comments = comments(f, s.commentExclusions(actions))
	s.kind = s.detectKind()
	return s, nil
}

// recoverDocuments parses each `---`-separated document on its own, so one broken document
// (often a Helm template that blanking could not save) does not hide the others.
func (s *Stream) recoverDocuments(content []byte, actions []span) []*y.Node {
	var docs []*y.Node
	for _, c := range splitDocuments(content) {
		d, err := decodeAll(content[c.start:c.end], c.line-1)
		docs = append(docs, d...)
		if err != nil {
			if len(actions) > 0 {
				s.templated = true // unparseable with template actions: a template, scanned as text
			}
			s.errors = append(s.errors, s.syntaxError(err, c.line-1))
		}
	}
	return docs
}

type chunk struct{ start, end, line int }

// splitDocuments cuts content at document markers (`---` or `...` at column 0). Inside a
// document they can only be markers: block scalars are indented and flow scalars may not hold
// them.
func splitDocuments(content []byte) []chunk {
	var out []chunk
	start, startLine, line := 0, 1, 1
	for off := 0; off < len(content); line++ {
		end := bytes.IndexByte(content[off:], '\n')
		next := len(content)
		if end >= 0 {
			next = off + end + 1
		}
		if off > start && isMarker(content[off:next]) {
			out = append(out, chunk{start, off, startLine})
			start, startLine = off, line
		}
		off = next
	}
	return append(out, chunk{start, len(content), startLine})
}

func isMarker(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) && !bytes.HasPrefix(l, []byte("...")) {
		return false
	}
	return len(l) == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\n' || l[3] == '\r'
}

// decodeAll decodes every document; lineOffset is added to node lines (for a chunk that does
// not start on line 1). Documents decoded before an error are returned with it.
func decodeAll(content []byte, lineOffset int) (docs []*y.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the YAML parser failed: %v", p)
		}
	}()
	dec := y.NewDecoder(bytes.NewReader(content))
	for {
		var n y.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return docs, err
		}
		if len(n.Content) == 0 || n.Content[0] == nil {
			continue // an empty document
		}
		if lineOffset != 0 {
			shiftLines(n.Content[0], lineOffset, 0)
		}
		docs = append(docs, n.Content[0])
	}
}

// shiftLines moves a subtree down by d lines. Aliases are not followed: their targets are
// visited where they are defined.
func shiftLines(n *y.Node, d, depth int) {
	if n == nil || depth > 2*maxDepth {
		return
	}
	n.Line += d
	if n.Kind == y.AliasNode {
		return
	}
	for _, c := range n.Content {
		shiftLines(c, d, depth+1)
	}
}

func (s *Stream) syntaxError(err error, lineOffset int) source.SyntaxError {
	line, col, msg := 0, 0, err.Error()
	var le *y.LoadError
	var les *y.LoadErrors
	switch {
	case errors.As(err, &le):
		line, col, msg = le.Mark.Line, le.Mark.Column, le.Message
	case errors.As(err, &les) && len(les.Errors) > 0:
		line, col, msg = les.Errors[0].Mark.Line, les.Errors[0].Mark.Column, les.Errors[0].Message
	}
	if line == 0 {
		line, col = 1, 1
	}
	line = max(1, min(line+lineOffset, s.f.LineCount()))
	if s.templated {
		msg = "template that is not valid YAML even with its actions blanked (" + msg + "); scanned as text only"
	}
	off := s.pf.OffsetAt(line, max(col, 1))
	return source.SyntaxError{Span: s.f.Span(off, off), Msg: msg}
}
