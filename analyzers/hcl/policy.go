package hcl

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Policy is one IAM policy document found in the file.
type Policy struct {
	// Path is where it is written: [block type, labels..., attribute] for an attribute (the
	// policy of resource "aws_iam_role_policy" "x" is [resource aws_iam_role_policy x policy]),
	// [data aws_iam_policy_document name] for a policy document data source.
	Path []string
	// Form is how it is written: "jsonencode", "heredoc", "string" (a quoted JSON string) or
	// "aws_iam_policy_document".
	Form       string
	Span       source.Span
	Statements []*Statement
}

// Statement is one policy statement. Effect is empty (with a zero span) when not written; IAM
// then means Allow, which Allows reports.
type Statement struct {
	Span          source.Span
	Sid           StringAt
	Effect        StringAt
	Actions       []StringAt
	NotActions    []StringAt
	Resources     []StringAt
	NotResources  []StringAt
	Principals    []Principal
	NotPrincipals []Principal
	HasCondition  bool
}

// Allows reports whether the statement allows (Effect "Allow" or absent).
func (s *Statement) Allows() bool {
	return s.Effect.Text == "" && s.Effect.Known || strings.EqualFold(s.Effect.Text, "Allow")
}

// StringAt is a string of a policy with its span. Known is false for a reference or an
// interpolated string (var.arn, "${aws_s3_bucket.b.arn}/*"); Text is then its source text.
type StringAt struct {
	Text  string
	Span  source.Span
	Known bool
}

// Principal is one principal entry: Type is "AWS", "Service", "Federated", "CanonicalUser", or
// "*" for `"Principal": "*"` (whose single value is that "*").
type Principal struct {
	Type     string
	TypeSpan source.Span
	Values   []StringAt
}

// Policies lists the IAM policy documents of the file in source order.
func (t *File) Policies() []*Policy { return t.policies }

// pnode is a policy document reduced to what statements need, whether it came from HCL
// (jsonencode, policy document blocks) or JSON text: objects, arrays and strings with spans.
type pnode struct {
	kind  byte // 'o' object, 'a' array, 's' string, '?' anything else
	str   StringAt
	keys  []StringAt
	vals  []*pnode
	items []*pnode
	span  source.Span
}

func (n *pnode) get(key string) *pnode {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, k := range n.keys {
		if k.Text == key {
			return n.vals[i]
		}
	}
	return nil
}

// strings reads a string or an array of strings (IAM accepts both).
func (n *pnode) strings() []StringAt {
	switch {
	case n == nil:
		return nil
	case n.kind == 's' || n.kind == '?':
		return []StringAt{n.str}
	case n.kind == 'a':
		var out []StringAt
		for _, it := range n.items {
			if it.kind == 's' || it.kind == '?' {
				out = append(out, it.str)
			}
		}
		return out
	}
	return nil
}

func (n *pnode) principals() []Principal {
	switch {
	case n == nil:
		return nil
	case n.kind == 's':
		return []Principal{{Type: n.str.Text, TypeSpan: n.str.Span, Values: []StringAt{n.str}}}
	case n.kind == 'o':
		out := make([]Principal, len(n.keys))
		for i, k := range n.keys {
			out[i] = Principal{Type: k.Text, TypeSpan: k.Span, Values: n.vals[i].strings()}
		}
		return out
	}
	return nil
}

// statements builds a policy's statements from its document ("Statement" is one object or an
// array of them). ok is false when the document is not a policy.
func statements(doc *pnode) ([]*Statement, bool) {
	st := doc.get("Statement")
	if st == nil {
		return nil, false
	}
	items := []*pnode{st}
	if st.kind == 'a' {
		items = st.items
	}
	var out []*Statement
	for _, it := range items {
		if it.kind != 'o' {
			continue
		}
		s := &Statement{Span: it.span,
			Actions: it.get("Action").strings(), NotActions: it.get("NotAction").strings(),
			Resources: it.get("Resource").strings(), NotResources: it.get("NotResource").strings(),
			Principals: it.get("Principal").principals(), NotPrincipals: it.get("NotPrincipal").principals(),
			HasCondition: it.get("Condition") != nil}
		if e := it.get("Effect"); e != nil {
			s.Effect = e.str
		} else {
			s.Effect.Known = true
		}
		if sid := it.get("Sid"); sid != nil {
			s.Sid = sid.str
		}
		out = append(out, s)
	}
	return out, true
}

// findPolicies walks every attribute and every policy document data source.
func (t *File) findPolicies() []*Policy {
	if t.body == nil {
		return nil
	}
	var out []*Policy
	t.policiesIn(t.body, nil, 0, &out)
	return out
}

func (t *File) policiesIn(b *hclsyntax.Body, path []string, depth int, out *[]*Policy) {
	if depth > maxDepth {
		return
	}
	for _, a := range t.attributes(b) {
		if p := t.attributePolicy(a.Expr); p != nil {
			p.Path = append(clone(path), a.Name)
			*out = append(*out, p)
		}
	}
	for _, blk := range b.Blocks {
		p := append(append(clone(path), blk.Type), blk.Labels...)
		if depth == 0 && blk.Type == "data" && len(blk.Labels) == 2 && blk.Labels[0] == "aws_iam_policy_document" {
			*out = append(*out, t.documentPolicy(blk, p))
		}
		t.policiesIn(blk.Body, p, depth+1, out)
	}
}

// attributePolicy recognises jsonencode({Statement = ...}) and JSON strings holding a policy.
func (t *File) attributePolicy(e hclsyntax.Expression) *Policy {
	var doc *pnode
	form := ""
	if w, ok := e.(*hclsyntax.TemplateWrapExpr); ok {
		e = w.Wrapped // "${jsonencode({...})}", as JSON syntax (and Terraform 0.11) writes it
	}
	switch x := e.(type) {
	case *hclsyntax.FunctionCallExpr:
		if x.Name != "jsonencode" || len(x.Args) != 1 {
			return nil
		}
		doc, form = t.exprNode(x.Args[0], 0), "jsonencode"
	case *hclsyntax.TemplateExpr:
		doc, form = t.jsonString(x)
	}
	if doc == nil || doc.kind != 'o' {
		return nil
	}
	sts, ok := statements(doc)
	if !ok {
		return nil
	}
	return &Policy{Form: form, Span: doc.span, Statements: sts}
}

// exprNode converts an HCL expression (the argument of jsonencode) into a pnode.
func (t *File) exprNode(e hclsyntax.Expression, depth int) *pnode {
	n := &pnode{kind: '?', span: t.span(e.Range())}
	if depth > maxDepth {
		return n
	}
	switch x := e.(type) {
	case *hclsyntax.ObjectConsExpr:
		n.kind = 'o'
		for _, item := range x.Items {
			k, ok := literalString(item.KeyExpr)
			if !ok {
				continue
			}
			n.keys = append(n.keys, StringAt{Text: k, Span: t.textSpan(unwrapKey(item.KeyExpr)), Known: true})
			n.vals = append(n.vals, t.exprNode(item.ValueExpr, depth+1))
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n.kind = 'a'
		for _, it := range x.Exprs {
			n.items = append(n.items, t.exprNode(it, depth+1))
		}
		return n
	}
	if isConstant(e) {
		if v, diags := e.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			n.kind, n.str = 's', StringAt{Text: v.AsString(), Span: t.textSpan(e), Known: true}
			return n
		}
	}
	v := t.Value(e) // a reference or an interpolated string (its literal parts kept in Text)
	n.str = StringAt{Text: v.Ref, Span: v.Span}
	if v.Text != "" {
		n.str.Text = v.Text
	}
	return n
}

// documentPolicy reads data "aws_iam_policy_document" with its statement blocks.
func (t *File) documentPolicy(blk *hclsyntax.Block, path []string) *Policy {
	p := &Policy{Path: path, Form: "aws_iam_policy_document", Span: t.span(blk.Range())}
	for _, sb := range blk.Body.Blocks {
		if sb.Type != "statement" {
			continue
		}
		attr := func(name string) *pnode {
			a, ok := sb.Body.Attributes[name]
			if !ok {
				return nil
			}
			return t.exprNode(a.Expr, 0)
		}
		s := &Statement{Span: t.span(sb.Range()),
			Actions: attr("actions").strings(), NotActions: attr("not_actions").strings(),
			Resources: attr("resources").strings(), NotResources: attr("not_resources").strings()}
		if e := attr("effect"); e != nil {
			s.Effect = e.str
		} else {
			s.Effect.Known = true
		}
		if sid := attr("sid"); sid != nil {
			s.Sid = sid.str
		}
		for _, pb := range sb.Body.Blocks {
			switch pb.Type {
			case "principals", "not_principals":
				pr := Principal{}
				if a, ok := pb.Body.Attributes["type"]; ok {
					typ := t.exprNode(a.Expr, 0)
					pr.Type, pr.TypeSpan = typ.str.Text, typ.str.Span
				}
				if a, ok := pb.Body.Attributes["identifiers"]; ok {
					pr.Values = t.exprNode(a.Expr, 0).strings()
				}
				if pb.Type == "principals" {
					s.Principals = append(s.Principals, pr)
				} else {
					s.NotPrincipals = append(s.NotPrincipals, pr)
				}
			case "condition":
				s.HasCondition = true
			}
		}
		p.Statements = append(p.Statements, s)
	}
	return p
}
