// Package hcl is the Terraform front-end (.tf, .tfvars) on hashicorp/hcl/v2: blocks and
// attributes with exact positions, literal evaluation without variables (references such as
// var.x or random_password.x.result are expressions, never literals), and comments.
package hcl

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// maxDepth bounds recursion over nested blocks and objects.
const maxDepth = 100

// File is a parsed Terraform file.
type File struct {
	f        *source.File
	body     *hclsyntax.Body
	errors   []source.SyntaxError
	comments []source.Comment
}

// File returns the file.
func (t *File) File() *source.File { return t.f }

// Comments returns `#`, `//` and `/* */` comments.
func (t *File) Comments() []source.Comment { return t.comments }

// SyntaxErrors returns HCL's diagnostics; the recovered body is still analysed.
func (t *File) SyntaxErrors() []source.SyntaxError { return t.errors }

// Body is the root body (nil when nothing could be recovered).
func (t *File) Body() *hclsyntax.Body { return t.body }

// Parse reads a Terraform file. Errors become SyntaxErrors; whatever HCL recovered is kept.
func Parse(f *source.File) (t *File, err error) {
	t = &File{f: f}
	defer func() {
		if p := recover(); p != nil {
			t.body = nil
			t.errors = append(t.errors, source.SyntaxError{Span: f.Span(0, 0), Msg: "the HCL parser failed on this file"})
			err = nil
		}
	}()
	hf, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos)
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		sp := f.Span(0, 0)
		if d.Subject != nil {
			sp = t.span(*d.Subject)
		}
		t.errors = append(t.errors, source.SyntaxError{Span: sp, Msg: d.Summary})
	}
	if hf != nil {
		t.body, _ = hf.Body.(*hclsyntax.Body)
	}
	t.comments = comments(f)
	return t, nil
}

func (t *File) span(r hcl.Range) source.Span {
	return t.f.Span(clamp(r.Start.Byte, len(t.f.Content)), clamp(r.End.Byte, len(t.f.Content)))
}

func clamp(x, n int) int { return max(0, min(x, n)) }

// Entries lists attributes as key paths [block type, labels..., attribute] (nested blocks
// append their type and labels); object values add one level per key, so MWAA's
// airflow_configuration_options = {"core.fernet_key" = "..."} gives [..., "airflow_configuration_options", "core.fernet_key"].
func (t *File) Entries() []value.Entry {
	var out []value.Entry
	if t.body != nil {
		t.walkBody(t.body, nil, 0, &out)
	}
	return out
}

func (t *File) walkBody(b *hclsyntax.Body, path []string, depth int, out *[]value.Entry) {
	if depth > maxDepth {
		return
	}
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return b.Attributes[names[i]].SrcRange.Start.Byte < b.Attributes[names[j]].SrcRange.Start.Byte
	})
	for _, n := range names {
		a := b.Attributes[n]
		t.walkExpr(a.Expr, append(append([]string(nil), path...), n), t.span(a.NameRange), depth+1, out)
	}
	for _, blk := range b.Blocks {
		p := append(append(append([]string(nil), path...), blk.Type), blk.Labels...)
		t.walkBody(blk.Body, p, depth+1, out)
	}
	sort.SliceStable(*out, func(i, j int) bool { return (*out)[i].KeySpan.Start.Offset < (*out)[j].KeySpan.Start.Offset })
}

func (t *File) walkExpr(e hclsyntax.Expression, path []string, key source.Span, depth int, out *[]value.Entry) {
	if depth > maxDepth {
		return
	}
	if obj, ok := e.(*hclsyntax.ObjectConsExpr); ok {
		for _, item := range obj.Items {
			k, ok := literalString(item.KeyExpr)
			if !ok {
				continue
			}
			t.walkExpr(item.ValueExpr, append(append([]string(nil), path...), k), t.span(item.KeyExpr.Range()), depth+1, out)
		}
		return
	}
	if tup, ok := e.(*hclsyntax.TupleConsExpr); ok {
		for i, x := range tup.Exprs {
			t.walkExpr(x, append(append([]string(nil), path...), "["+itoa(i)+"]"), key, depth+1, out)
		}
		return
	}
	*out = append(*out, value.Entry{Path: path, KeySpan: key, Value: t.Value(e)})
}

// Value classifies an expression: a literal string, number or bool evaluated without
// variables, or an expression naming what it refers to (var.x, data.y, a function call).
func (t *File) Value(e hclsyntax.Expression) value.Value {
	sp := t.span(e.Range())
	if tmpl, ok := e.(*hclsyntax.TemplateExpr); ok && len(tmpl.Parts) == 1 {
		if lit, ok := tmpl.Parts[0].(*hclsyntax.LiteralValueExpr); ok {
			sp = t.span(lit.Range()) // between the quotes
		}
	}
	if len(e.Variables()) == 0 && !hasCall(e) {
		v, diags := e.Value(nil)
		if !diags.HasErrors() && v.IsKnown() && !v.IsNull() {
			switch v.Type() {
			case cty.String:
				return value.ClassifyString(v.AsString(), sp)
			case cty.Bool:
				if v.True() {
					return value.Value{Kind: value.Literal, Text: "true", Span: sp}
				}
				return value.Value{Kind: value.Literal, Text: "false", Span: sp}
			case cty.Number:
				return value.Value{Kind: value.Literal, Text: v.AsBigFloat().String(), Span: sp}
			}
		}
	}
	return value.Value{Kind: value.Expr, Ref: strings.TrimSpace(string(t.f.Content[sp.Start.Offset:sp.End.Offset])), Span: sp}
}

func hasCall(e hclsyntax.Expression) bool {
	found := false
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		if _, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			found = true
		}
		return nil
	})
	return found
}

func literalString(e hclsyntax.Expression) (string, bool) {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
			return name, true
		}
		e = k.Wrapped
	}
	if len(e.Variables()) != 0 {
		return "", false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// comments finds `#` and `//` line comments and `/* */` blocks outside strings.
func comments(f *source.File) []source.Comment {
	var out []source.Comment
	c := f.Content
	inStr := false
	lineHasCode := false
	for i := 0; i < len(c); i++ {
		switch {
		case c[i] == '\n':
			inStr, lineHasCode = false, false
		case inStr:
			if c[i] == '\\' {
				i++
			} else if c[i] == '"' {
				inStr = false
			}
		case c[i] == '"':
			inStr, lineHasCode = true, true
		case c[i] == '#' || (c[i] == '/' && i+1 < len(c) && c[i+1] == '/'):
			end := i
			for end < len(c) && c[end] != '\n' {
				end++
			}
			lead := 1
			if c[i] == '/' {
				lead = 2
			}
			out = append(out, source.Comment{Span: f.Span(i, end), Text: strings.TrimSpace(strings.TrimRight(string(c[i+lead:end]), "\r")), OwnLine: !lineHasCode})
			i = end - 1
		case c[i] == '/' && i+1 < len(c) && c[i+1] == '*':
			end := strings.Index(string(c[i+2:]), "*/")
			stop := len(c)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			out = append(out, source.Comment{Span: f.Span(i, stop), Text: strings.TrimSpace(strings.TrimSuffix(string(c[i+2:stop]), "*/")), OwnLine: !lineHasCode})
			i = stop - 1
		case c[i] != ' ' && c[i] != '\t' && c[i] != '\r':
			lineHasCode = true
		}
	}
	return out
}
