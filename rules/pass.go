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
	memo    map[string]any
}

// NewPass is used by the engine and tests to run a rule on one file. memo is shared by every rule
// run on the same file (one goroutine at a time), so derived models are computed once per file.
func NewPass(ctx context.Context, r *Rule, f *source.File, opts Options, memo map[string]any, report func(Finding)) *Pass {
	return &Pass{Rule: r, File: f, Options: opts, ctx: ctx, report: report, memo: memo}
}

// Memo returns the value computed for key on this file, computing it on first use. Rules use it
// for models derived from a document that several rules need (the Airflow settings of a config).
func (p *Pass) Memo(key string, compute func() any) any {
	if p.memo == nil {
		return compute()
	}
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
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
