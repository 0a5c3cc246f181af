package python

import (
	"errors"
	"fmt"
	"math"
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Parser parses Python files. It is not safe for concurrent use: create one per worker goroutine
// and Close it when the worker stops.
type Parser struct {
	p *ts.Parser
}

// NewParser returns a parser for Python 3 (and what tree-sitter accepts of Python 2).
func NewParser() (*Parser, error) {
	if unsafe.Sizeof(ts.Parser{}) != unsafe.Sizeof(uintptr(0)) {
		return nil, errors.New("python: unexpected go-tree-sitter Parser layout (version not pinned?)")
	}
	p := ts.NewParser()
	if err := p.SetLanguage(language); err != nil {
		p.Close()
		return nil, fmt.Errorf("python: tree-sitter language: %w", err)
	}
	return &Parser{p: p}, nil
}

// Close frees the parser's C memory. The parser must not be used afterwards.
func (p *Parser) Close() {
	if p != nil && p.p != nil {
		p.p.Close()
		p.p = nil
	}
}

// Parse parses f and builds its model. Syntax errors do not fail the parse: the module is partial
// and SyntaxErrors lists them. The error is non-nil only when no tree could be produced at all.
// The returned Module holds plain Go data only and may be shared between goroutines.
func (p *Parser) Parse(f *source.File) (*Module, error) {
	if p == nil || p.p == nil {
		return nil, errors.New("python: parser is closed")
	}
	if len(f.Content) > math.MaxUint32/2 {
		return nil, fmt.Errorf("python: %s: file too large", f.Path)
	}
	// The Go parser covers most valid files and is many times faster; whatever it is unsure of
	// goes to tree-sitter, which also does the error recovery for files with syntax errors.
	nodes, ok := goParse(f.Content)
	if !ok {
		nodes, ok = parseFlat(p.p, f.Content)
	}
	if !ok || len(nodes) == 0 {
		return nil, fmt.Errorf("python: %s: tree-sitter produced no tree", f.Path)
	}
	syn := newSyntax(string(f.Content), nodes)
	return build(f, syn), nil
}
