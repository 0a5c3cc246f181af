// Package yaml is the YAML front-end: multi-document streams with exact positions, anchors and
// aliases (each value reported once, where it is defined), docker-compose and Kubernetes
// environment lists turned into plain keys, and Helm templates that do not parse as YAML read
// again with their template actions blanked out.
package yaml

import (
	"bytes"
	"errors"
	"io"
	"path"
	"regexp"
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// maxDepth bounds recursion over deeply nested documents.
const maxDepth = 500

// Stream is a parsed YAML file.
type Stream struct {
	f         *source.File
	docs      []*y.Node
	errors    []source.SyntaxError
	comments  []source.Comment
	templated bool
}

// File returns the file.
func (s *Stream) File() *source.File { return s.f }

// Comments returns the `#` comments of the file.
func (s *Stream) Comments() []source.Comment { return s.comments }

// SyntaxErrors returns the documents that could not be parsed.
func (s *Stream) SyntaxErrors() []source.SyntaxError { return s.errors }

// Templated reports whether the file holds Helm/Jinja template actions.
func (s *Stream) Templated() bool { return s.templated }

// Documents returns the parsed documents' root nodes (document content, not the document node).
func (s *Stream) Documents() []*Node {
	var out []*Node
	for _, d := range s.docs {
		if len(d.Content) > 0 {
			out = append(out, &Node{n: d.Content[0], s: s})
		}
	}
	return out
}

var templateAction = regexp.MustCompile(`\{\{-?[\s\S]*?-?\}\}|\{%-?[\s\S]*?-?%\}`)

// Parse reads every document of a stream. A document that fails to parse becomes a syntax error;
// a Helm template is parsed again with its actions replaced by spaces (offsets unchanged).
func Parse(f *source.File) (*Stream, error) {
	s := &Stream{f: f, comments: comments(f)}
	s.templated = bytes.Contains(f.Content, []byte("{{")) || bytes.Contains(f.Content, []byte("{%"))
	docs, err := decodeAll(f.Content)
	if err != nil && s.templated {
		blanked := templateAction.ReplaceAllFunc(f.Content, func(m []byte) []byte {
			out := bytes.Repeat([]byte(" "), len(m))
			for i, b := range m {
				if b == '\n' {
					out[i] = '\n'
				}
			}
			return out
		})
		if d2, err2 := decodeAll(blanked); err2 == nil {
			docs, err = d2, nil
		}
	}
	s.docs = docs
	if err != nil {
		s.errors = append(s.errors, syntaxError(f, err, s.templated))
	}
	return s, nil
}

func decodeAll(content []byte) (docs []*y.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errors.New("the YAML parser failed on this file")
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
		docs = append(docs, &n)
	}
}

func syntaxError(f *source.File, err error, templated bool) source.SyntaxError {
	line, col := 1, 1
	msg := "not valid YAML"
	var le *y.LoadError
	var les *y.LoadErrors
	switch {
	case errors.As(err, &le):
		line, col, msg = le.Mark.Line, le.Mark.Column, le.Message
	case errors.As(err, &les) && len(les.Errors) > 0:
		line, col, msg = les.Errors[0].Mark.Line, les.Errors[0].Mark.Column, les.Errors[0].Message
	}
	if templated {
		msg = "template that is not valid YAML even with its actions blanked (" + msg + "); scanned as text"
	}
	line = max(1, min(line, f.LineCount()))
	off := f.OffsetAt(line, max(col, 1))
	return source.SyntaxError{Span: f.Span(off, off), Msg: msg}
}

// comments finds `#` comments that start a line or follow whitespace outside quoted text.
func comments(f *source.File) []source.Comment {
	var out []source.Comment
	for line := 1; line <= f.LineCount(); line++ {
		start, end := f.LineStart(line), f.LineEnd(line)
		text := f.Content[start:end]
		var quote byte
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if i == 0 || text[i-1] == ' ' || text[i-1] == ':' || text[i-1] == '-' || text[i-1] == '[' || text[i-1] == ',' {
					quote = c
				}
			case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
				out = append(out, source.Comment{Span: f.Span(start+i, end), Text: strings.TrimSpace(string(text[i+1:])),
					OwnLine: len(bytes.TrimSpace(text[:i])) == 0})
				i = len(text)
			}
		}
	}
	return out
}

// Kind is what a YAML file is, as far as dagwarden cares.
type Kind string

// Recognised kinds.
const (
	Compose     Kind = "docker-compose"
	Kubernetes  Kind = "kubernetes"
	HelmValues  Kind = "helm-values"
	HelmChart   Kind = "helm-template"
	PrefectYAML Kind = "prefect.yaml"
	DagsterYAML Kind = "dagster.yaml"
	Workspace   Kind = "workspace.yaml"
	DagsterPlus Kind = "dagster_cloud.yaml"
	Generic     Kind = "yaml"
)

// Kind decides the file's kind by name first and content second.
func (s *Stream) Kind() Kind {
	base := strings.ToLower(path.Base(s.f.Path))
	switch {
	case base == "prefect.yaml" || base == "prefect.yml":
		return PrefectYAML
	case base == "dagster.yaml" || base == "dagster.yml":
		return DagsterYAML
	case base == "workspace.yaml" || base == "workspace.yml":
		return Workspace
	case base == "dagster_cloud.yaml" || base == "dagster_cloud.yml":
		return DagsterPlus
	case strings.Contains(base, "compose"):
		return Compose
	case (strings.Contains(s.f.Path, "/templates/") || strings.HasPrefix(s.f.Path, "templates/")) && s.templated:
		return HelmChart
	case strings.HasPrefix(base, "values"):
		return HelmValues
	}
	for _, d := range s.Documents() {
		if d.Get("apiVersion") != nil && d.Get("kind") != nil {
			return Kubernetes
		}
		if d.Get("services") != nil {
			return Compose
		}
	}
	return Generic
}

// valueOf classifies a scalar node.
func (s *Stream) valueOf(n *y.Node) value.Value {
	sp := s.scalarSpan(n)
	if n.Tag == "!!null" {
		return value.Value{Kind: value.Literal, Text: "", Span: sp}
	}
	if n.Tag != "!!str" && n.Tag != "" && n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle) == 0 {
		return value.Value{Kind: value.Literal, Text: n.Value, Span: sp}
	}
	return value.ClassifyString(n.Value, sp)
}

// scalarSpan is the span of a scalar's text: between the quotes for a quoted scalar, the value
// itself for a plain one on one line, and the indicator line for block scalars.
func (s *Stream) scalarSpan(n *y.Node) source.Span {
	f := s.f
	if n.Line < 1 || n.Line > f.LineCount() {
		return f.Span(0, 0)
	}
	start := f.OffsetAt(n.Line, n.Column)
	lineEnd := f.LineEnd(n.Line)
	switch {
	case n.Style&(y.DoubleQuotedStyle|y.SingleQuotedStyle) != 0 && start < lineEnd:
		q := f.Content[start]
		i := start + 1
		for i < lineEnd && (f.Content[i] != q || (q == '"' && f.Content[i-1] == '\\')) {
			i++
		}
		return f.Span(start+1, i)
	case n.Style&(y.LiteralStyle|y.FoldedStyle) != 0:
		return f.Span(start, lineEnd)
	}
	end := start + len(n.Value)
	if end > lineEnd || !bytes.HasPrefix(f.Content[start:], []byte(n.Value)) {
		end = lineEnd
	}
	return f.Span(start, end)
}
