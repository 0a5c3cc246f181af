package rules

import (
	"context"
	"fmt"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Pass is what a rule hook gets for one file: where to report, and the rule's options.
type Pass struct {
	Rule    *Rule
	File    *source.File
	Options Options
	ctx     context.Context
	report  func(Finding)
}

// NewPass is used by the engine and tests to run a rule on one file.
func NewPass(ctx context.Context, r *Rule, f *source.File, opts Options, report func(Finding)) *Pass {
	return &Pass{Rule: r, File: f, Options: opts, ctx: ctx, report: report}
}

// Context is cancelled when the scan stops; long hooks check it between items.
func (p *Pass) Context() context.Context { return p.ctx }

// Report records a finding; the rule ID and path are filled in.
func (p *Pass) Report(f Finding) {
	f.RuleID = p.Rule.ID
	f.Path = p.File.Path
	p.report(f)
}

// Reportf records a finding at span with a formatted message.
func (p *Pass) Reportf(at source.Span, format string, args ...any) {
	p.Report(Finding{Span: at, Message: fmt.Sprintf(format, args...)})
}

// Options are per-rule settings from the config file.
type Options map[string]any

// Strings returns a list option, or nil.
func (o Options) Strings(name string) []string {
	switch v := o[name].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
