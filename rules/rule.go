package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Rule is a policy check: its metadata plus one hook per input format it understands. The set of
// non-nil hooks is the rule's applicability, so the docs' "Applies to" cannot drift from the code.
// Hooks return an error only for an internal failure, never to signal a finding.
type Rule struct {
	Meta
	Python func(*Pass, *python.Module) error
	// Text runs on every scanned file, parsed or not, on its raw bytes (text-level secret scan).
	Text func(*Pass, *source.File) error
}

// Kinds lists the input kinds the rule has hooks for.
func (r *Rule) Kinds() []source.Kind {
	var ks []source.Kind
	if r.Python != nil {
		ks = append(ks, source.Python)
	}
	if r.Text != nil {
		ks = append(ks, source.Text)
	}
	return ks
}

// Run calls the hook that matches the document's type. Text hooks run on every document.
func (r *Rule) Run(p *Pass, doc source.Document) error {
	switch d := doc.(type) {
	case *python.Module:
		if r.Python != nil {
			if err := r.Python(p, d); err != nil {
				return err
			}
		}
	}
	if r.Text != nil {
		if err := r.Text(p, doc.File()); err != nil {
			return err
		}
	}
	return nil
}

// Wants reports whether the rule has a hook that can run on a document of kind k.
func (r *Rule) Wants(k source.Kind) bool {
	switch k {
	case source.Python:
		if r.Python != nil {
			return true
		}
	}
	return r.Text != nil
}
