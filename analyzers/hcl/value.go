package hcl

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Value classifies an expression (see the package doc): a Literal when it is a string, number
// or bool that needs no variable and no function, an Expr naming its source text otherwise.
// Collections are Expr too; Entries flattens them.
func (t *File) Value(e hclsyntax.Expression) value.Value {
	if e == nil {
		return value.Value{Kind: value.Unknown, Span: t.f.Span(0, 0)}
	}
	sp := t.textSpan(e)
	if isConstant(e) {
		v, diags := e.Value(nil)
		if !diags.HasErrors() && v.IsKnown() && !v.IsNull() {
			switch v.Type() {
			case cty.String:
				return value.ClassifyString(v.AsString(), sp)
			case cty.Bool:
				return value.Value{Kind: value.Literal, Text: map[bool]string{true: "true", false: "false"}[v.True()], Span: sp}
			case cty.Number:
				return value.Value{Kind: value.Literal, Text: v.AsBigFloat().Text('g', -1), Span: sp}
			}
		}
		if !diags.HasErrors() && v.IsNull() {
			return value.Value{Kind: value.Literal, Text: "", Span: sp}
		}
	}
	out := value.Value{Kind: value.Expr, Ref: t.srcText(e.Range()), Span: sp}
	if w, ok := e.(*hclsyntax.TemplateWrapExpr); ok {
		out.Ref = t.srcText(w.Wrapped.Range()) // "${var.x}" refers to var.x
	} else if _, ok := e.(*hclsyntax.TemplateExpr); ok {
		out.Text = t.f.Text(sp) // literal parts, interpolations as written
	}
	return out
}

// isConstant reports whether e can be evaluated with no variables and no functions.
func isConstant(e hclsyntax.Expression) bool {
	if len(e.Variables()) != 0 {
		return false
	}
	call := false
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		if _, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			call = true
		}
		return nil
	})
	return !call
}

// textSpan is where an expression's text is: between the quotes of a quoted string, the body of
// a heredoc, the whole expression otherwise.
func (t *File) textSpan(e hclsyntax.Expression) source.Span {
	r := e.Range()
	a, b := clamp(r.Start.Byte, len(t.f.Content)), clamp(r.End.Byte, len(t.f.Content))
	switch e.(type) {
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr:
		src := t.f.Content[a:b]
		switch {
		case len(src) >= 2 && src[0] == '"' && src[len(src)-1] == '"':
			return t.f.Span(a+1, b-1)
		case len(src) >= 4 && bytes.HasPrefix(src, []byte(`\"`)) && bytes.HasSuffix(src, []byte(`\"`)):
			return t.f.Span(a+2, b-2) // a string inside an interpolation of a JSON string
		case bytes.HasPrefix(src, []byte("<<")):
			// the body: from the line after <<MARKER to the start of the closing marker's line
			first := bytes.IndexByte(src, '\n')
			last := bytes.LastIndexByte(bytes.TrimRight(src, "\r\n"), '\n')
			if first >= 0 && last >= first {
				return t.f.Span(a+first+1, a+last+1)
			}
		}
	}
	return t.f.Span(a, b)
}

func (t *File) at(off int) byte {
	if off < 0 || off >= len(t.f.Content) {
		return 0
	}
	return t.f.Content[off]
}

// srcText is the source text of a range, trimmed.
func (t *File) srcText(r hcl.Range) string {
	return strings.TrimSpace(t.f.Text(t.span(r)))
}

// literalString evaluates a constant string (an object key, a label-like value).
func literalString(e hclsyntax.Expression) (string, bool) {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(k.Wrapped); name != "" && !k.ForceNonLiteral {
			return name, true
		}
		e = k.Wrapped
	}
	if !isConstant(e) {
		return "", false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}
