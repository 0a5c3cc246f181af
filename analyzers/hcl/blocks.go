package hcl

import (
	"sort"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Block is one block (resource, data, module, a nested block) with its positions.
type Block struct {
	Type       string
	Labels     []string
	Span       source.Span // the whole block
	TypeSpan   source.Span
	LabelSpans []source.Span
	Syntax     *hclsyntax.Block
	t          *File
}

// Header is where the block is named, the place to report a finding about the block as a whole:
// its type and labels (`resource "aws_mwaa_environment" "etl"`). In JSON syntax the labels are
// nested properties and several blocks share one type property, so it is the innermost label
// (`"etl"`), or the type property of a block without labels.
func (b *Block) Header() source.Span {
	if len(b.LabelSpans) == 0 {
		return b.TypeSpan
	}
	last := b.LabelSpans[len(b.LabelSpans)-1]
	if b.t.json {
		return last
	}
	return b.TypeSpan.To(last)
}

// Attribute is one `name = expr` with its positions.
type Attribute struct {
	Name     string
	NameSpan source.Span
	Span     source.Span // the whole attribute
	Expr     hclsyntax.Expression
	t        *File
}

// Value classifies the attribute's expression (File.Value).
func (a *Attribute) Value() value.Value { return a.t.Value(a.Expr) }

// Blocks lists the root body's blocks in source order.
func (t *File) Blocks() []*Block {
	if t.body == nil {
		return nil
	}
	return t.blocks(t.body, "")
}

// Attributes lists the root body's attributes in source order (a .tfvars file's variables).
func (t *File) Attributes() []*Attribute {
	if t.body == nil {
		return nil
	}
	return t.attributes(t.body)
}

// Blocks lists the block's nested blocks of type typ ("" for all) in source order.
func (b *Block) Blocks(typ string) []*Block { return b.t.blocks(b.Syntax.Body, typ) }

// Attributes lists the block's attributes in source order.
func (b *Block) Attributes() []*Attribute { return b.t.attributes(b.Syntax.Body) }

// Attribute returns the block's attribute name, or nil.
func (b *Block) Attribute(name string) *Attribute {
	a, ok := b.Syntax.Body.Attributes[name]
	if !ok {
		return nil
	}
	return b.t.attribute(a)
}

func (t *File) blocks(body *hclsyntax.Body, typ string) []*Block {
	var out []*Block
	for _, blk := range body.Blocks {
		if typ != "" && blk.Type != typ {
			continue
		}
		b := &Block{Type: blk.Type, Labels: blk.Labels, Span: t.span(blk.Range()), TypeSpan: t.span(blk.TypeRange), Syntax: blk, t: t}
		for _, r := range blk.LabelRanges {
			b.LabelSpans = append(b.LabelSpans, t.span(r))
		}
		out = append(out, b)
	}
	return out
}

func (t *File) attributes(body *hclsyntax.Body) []*Attribute {
	out := make([]*Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		out = append(out, t.attribute(a))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start.Offset < out[j].Span.Start.Offset })
	return out
}

func (t *File) attribute(a *hclsyntax.Attribute) *Attribute {
	return &Attribute{Name: a.Name, NameSpan: t.span(a.NameRange), Span: t.span(a.SrcRange), Expr: a.Expr, t: t}
}
