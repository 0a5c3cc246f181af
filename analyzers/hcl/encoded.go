package hcl

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// EncodedEntries lists the leaves of the object or tuple an attribute passes to jsonencode(...)
// (parameters = jsonencode({db_password = "x"})), with paths relative to the attribute and exact
// spans; nil when the attribute is not a jsonencode call. Entries does not descend into function
// calls, so this is how a rule reads values written inside one.
func (a *Attribute) EncodedEntries() []value.Entry {
	call, ok := a.Expr.(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 {
		return nil
	}
	var out []value.Entry
	a.t.walkExpr(call.Args[0], nil, source.Span{}, 0, &out)
	return out
}
