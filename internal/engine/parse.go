package engine

import (
	"errors"

	"github.com/dagwarden/dagwarden/analyzers/dockerfile"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// parsers holds one worker's front-ends. Stateful parsers (tree-sitter) are created lazily, so a
// scan of YAML files never starts one.
type parsers struct {
	py *python.Parser
}

func newParsers() *parsers { return &parsers{} }

func (p *parsers) close() {
	if p.py != nil {
		p.py.Close()
	}
}

// parse turns a file into its document. A file whose front-end fails becomes a PlainDocument
// plus a parse-error notice, so the text-level rules still run on it.
func (p *parsers) parse(f *source.File) (source.Document, []Notice) {
	var doc source.Document
	var err error
	switch f.Kind {
	case source.Python:
		if p.py == nil {
			if p.py, err = python.NewParser(); err != nil {
				return failed(f, err)
			}
		}
		var m *python.Module
		if m, err = p.py.Parse(f); err == nil {
			doc = m
		}
	case source.INI:
		doc, err = asDoc(ini.Parse(f))
	case source.Dotenv:
		doc, err = asDoc(dotenv.Parse(f))
	case source.TOML:
		doc, err = asDoc(toml.Parse(f))
	case source.JSON:
		doc, err = asDoc(jsonx.Parse(f))
	case source.YAML:
		doc, err = asDoc(yaml.Parse(f))
	case source.HCL:
		doc, err = asDoc(hcl.Parse(f))
	case source.Dockerfile:
		doc, err = asDoc(dockerfile.Parse(f))
	default:
		return &source.PlainDocument{F: f}, nil
	}
	if err != nil {
		return failed(f, err)
	}
	return doc, noticesFromSyntaxErrors(doc)
}

// asDoc adapts a front-end's typed result; a nil pointer must not become a non-nil interface.
func asDoc[T interface {
	source.Document
	comparable
}](d T, err error) (source.Document, error) {
	var zero T
	if err != nil || d == zero {
		if err == nil {
			err = errNoDocument
		}
		return nil, err
	}
	return d, nil
}

var errNoDocument = errors.New("front-end returned no document")

// failed is the document of a file no front-end could read: the text-level rules still run.
func failed(f *source.File, err error) (source.Document, []Notice) {
	return &source.PlainDocument{F: f}, []Notice{{Path: f.Path, Kind: "parse-error", Message: "cannot parse: " + err.Error()}}
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

// ParseFile parses one file with a fresh set of front-ends; the fixture harness uses it to read
// the comments of the same document the engine analysed.
func ParseFile(f *source.File) (source.Document, []Notice) {
	p := newParsers()
	defer p.close()
	return p.parse(f)
}
