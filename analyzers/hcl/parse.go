package hcl

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// maxDepth bounds recursion over nested blocks, objects and JSON documents.
const maxDepth = 100

// File is a parsed Terraform file.
type File struct {
	f        *source.File
	body     *hclsyntax.Body
	errors   []source.SyntaxError
	comments []source.Comment
	policies []*Policy
	json     bool // written in JSON syntax (.tf.json, .tfvars.json)
	// entries is computed once: many rules read the entries of the same file.
	entriesOnce sync.Once
	entries     []value.Entry
}

// File returns the file.
func (t *File) File() *source.File { return t.f }

// Comments returns the `#`, `//` and `/* */` comments in source order.
func (t *File) Comments() []source.Comment { return t.comments }

// SyntaxErrors returns HCL's error diagnostics; the recovered body is still analysed.
func (t *File) SyntaxErrors() []source.SyntaxError { return t.errors }

// Body is HCL's root body (nil when nothing could be recovered).
func (t *File) Body() *hclsyntax.Body { return t.body }

// Parse reads a Terraform file. It never returns an error: problems become SyntaxErrors and
// whatever HCL recovered is kept.
func Parse(f *source.File) (t *File, err error) {
	t = &File{f: f}
	defer func() {
		if p := recover(); p != nil {
			t.body, t.policies = nil, nil
			t.errors = append(t.errors, source.SyntaxError{Span: f.Span(0, 0), Msg: fmt.Sprintf("the HCL parser failed on this file: %v", p)})
		}
	}()
	if t.json = isJSONSyntax(f.Path); t.json {
		t.parseJSON()
		t.policies = t.findPolicies()
		return t, nil
	}
	t.comments = t.lexComments()
	hf, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos)
	t.addDiags(diags)
	if hf != nil {
		t.body, _ = hf.Body.(*hclsyntax.Body)
	}
	t.policies = t.findPolicies()
	return t, nil
}

// span converts an HCL range through its byte offsets (its columns count characters).
func (t *File) span(r hcl.Range) source.Span {
	n := len(t.f.Content)
	return t.f.Span(clamp(r.Start.Byte, n), clamp(r.End.Byte, n))
}

func clamp(x, n int) int { return max(0, min(x, n)) }

// lexComments takes comments from HCL's lexer, which knows strings, heredocs and templates.
func (t *File) lexComments() []source.Comment {
	toks, _ := hclsyntax.LexConfig(t.f.Content, t.f.Path, hcl.InitialPos)
	var out []source.Comment
	for _, tok := range toks {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		start, end := clamp(tok.Range.Start.Byte, len(t.f.Content)), clamp(tok.Range.End.Byte, len(t.f.Content))
		raw := string(t.f.Content[start:end])
		trimmed := strings.TrimRight(raw, "\r\n")
		end -= len(raw) - len(trimmed) // line comments include their newline
		var text string
		switch {
		case strings.HasPrefix(trimmed, "#"):
			text = trimmed[1:]
		case strings.HasPrefix(trimmed, "//"):
			text = trimmed[2:]
		default:
			text = strings.TrimSuffix(strings.TrimPrefix(trimmed, "/*"), "*/")
		}
		ls := t.f.LineStart(t.f.Pos(start).Line)
		own := strings.TrimSpace(strings.TrimPrefix(string(t.f.Content[ls:start]), "\ufeff")) == ""
		out = append(out, source.Comment{Span: t.f.Span(start, end), Text: strings.TrimSpace(text), OwnLine: own})
	}
	return out
}
