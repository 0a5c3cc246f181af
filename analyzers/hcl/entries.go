package hcl

import (
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Entries lists every attribute leaf in source order; see the package doc for the path
// convention. The slice is shared by every caller: read it, do not modify it.
func (t *File) Entries() []value.Entry {
	t.entriesOnce.Do(func() { t.entries = t.walkEntries() })
	return t.entries
}

func (t *File) walkEntries() []value.Entry {
	var out []value.Entry
	if t.body != nil {
		t.walkBody(t.body, nil, 0, &out)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value.Span.Start.Offset < out[j].Value.Span.Start.Offset })
	return out
}

func (t *File) walkBody(b *hclsyntax.Body, path []string, depth int, out *[]value.Entry) {
	if depth > maxDepth {
		return
	}
	for _, a := range t.attributes(b) {
		t.walkExpr(a.Expr, append(clone(path), a.Name), a.NameSpan, depth+1, out)
	}
	for _, blk := range b.Blocks {
		t.walkBody(blk.Body, append(append(clone(path), blk.Type), blk.Labels...), depth+1, out)
	}
}

func clone(p []string) []string { return append([]string(nil), p...) }

func (t *File) walkExpr(e hclsyntax.Expression, path []string, key source.Span, depth int, out *[]value.Entry) {
	if depth > maxDepth {
		return
	}
	switch x := e.(type) {
	case *hclsyntax.ObjectConsExpr:
		for _, item := range x.Items {
			k, ok := literalString(item.KeyExpr)
			if !ok {
				continue // a computed key: nothing a rule could match
			}
			t.walkExpr(item.ValueExpr, append(clone(path), k), t.textSpan(unwrapKey(item.KeyExpr)), depth+1, out)
		}
		return
	case *hclsyntax.TupleConsExpr:
		for i, it := range x.Exprs {
			t.walkExpr(it, append(clone(path), "["+strconv.Itoa(i)+"]"), source.Span{}, depth+1, out)
		}
		return
	}
	*out = append(*out, value.Entry{Path: path, KeySpan: key, Value: t.Value(e)})
}

// unwrapKey returns the expression inside an object key, so a quoted key's span is its text.
func unwrapKey(e hclsyntax.Expression) hclsyntax.Expression {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		return k.Wrapped
	}
	return e
}
