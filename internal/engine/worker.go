package engine

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

// worker scans files one at a time; it owns the parsers that are not goroutine-safe.
type worker struct {
	opt     *Options
	parsers *parsers
	ran     map[string]bool
	gate    *rules.PythonGate
	runner  *fileRunner
}

func newWorker(opt *Options, gate *rules.PythonGate) *worker {
	ran := map[string]bool{}
	for _, r := range opt.Rules {
		ran[r.ID] = true
	}
	return &worker{opt: opt, parsers: newParsers(), ran: ran, gate: gate}
}

func (w *worker) close() {
	if w.runner != nil {
		close(w.runner.in)
	}
	w.parsers.close()
}

func (w *worker) scan(ctx context.Context, c source.Candidate) *fileResult {
	data, notice := readFile(c)
	if notice != nil {
		return &fileResult{notices: []Notice{*notice}}
	}
	if data == nil {
		return nil // binary
	}
	kind, ok := source.Classify(c.Path, data[:min(len(data), 512)])
	if !ok {
		return nil
	}
	f := source.NewFile(c.Path, kind, data)
	return w.scanWithBudget(ctx, f)
}

// fileRunner is a goroutine that scans the files a worker hands it, one at a time. It lives as
// long as the worker, so its stack, grown once by the parsers and regexes, is reused for every
// file instead of being grown again by a fresh goroutine per file.
type fileRunner struct {
	in   chan *source.File
	done chan *fileResult
}

func (w *worker) startRunner(ctx context.Context, ps *parsers) *fileRunner {
	r := &fileRunner{in: make(chan *source.File), done: make(chan *fileResult, 1)}
	go func() {
		for f := range r.in {
			r.done <- w.scanRecovered(ctx, f, ps)
		}
	}()
	return r
}

func (w *worker) scanRecovered(ctx context.Context, f *source.File, ps *parsers) (fr *fileResult) {
	defer func() {
		if p := recover(); p != nil {
			fr = &fileResult{file: f, notices: []Notice{{Path: f.Path, Kind: "internal-error", Message: fmt.Sprintf("scan failed on this file: %v", p)}}}
		}
	}()
	return w.scanFile(ctx, f, ps)
}

// scanWithBudget scans a file on the worker's runner goroutine and gives up waiting after the
// file budget: one pathological file becomes a notice instead of stalling the scan. The abandoned
// runner keeps the parsers it was using (tree-sitter parsers are not goroutine-safe) and closes
// them when it finishes that file; this worker carries on with a new runner and fresh parsers.
func (w *worker) scanWithBudget(ctx context.Context, f *source.File) *fileResult {
	if w.runner == nil {
		w.runner = w.startRunner(ctx, w.parsers)
	}
	r := w.runner
	r.in <- f
	timer := time.NewTimer(w.opt.FileBudget)
	defer timer.Stop()
	select {
	case fr := <-r.done:
		return fr
	case <-timer.C:
		ps := w.parsers
		close(r.in)
		go func() { <-r.done; ps.close() }()
		w.parsers = newParsers()
		w.runner = nil
		return &fileResult{file: f, notices: []Notice{{Path: f.Path, Kind: "timeout",
			Message: fmt.Sprintf("file took longer than %s to analyse; skipped", w.opt.FileBudget)}}}
	}
}

// scanFile parses a file once and runs every rule that wants it.
func (w *worker) scanFile(ctx context.Context, f *source.File, ps *parsers) *fileResult {
	fr := &fileResult{file: f}
	var doc source.Document
	var notices []Notice
	if f.Kind == source.Python && !w.gate.Needed(f.Content) {
		// fast path: no rule's Python hook can find anything here; the text rules still run
		doc = &source.PlainDocument{F: f}
	} else {
		doc, notices = ps.parse(f)
	}
	fr.notices = append(fr.notices, notices...)
	if m, ok := doc.(*python.Module); ok {
		fr.frameworks = m.Frameworks().Names()
	}
	var found []rules.Finding
	memo := map[string]any{}
	for _, r := range w.opt.Rules {
		if r.Builtin || !r.Wants(f.Kind) {
			continue
		}
		if err := w.runRule(ctx, r, doc, memo, &found); err != nil {
			fr.notices = append(fr.notices, Notice{Path: f.Path, Kind: "internal-error", Message: err.Error()})
		}
	}
	found = w.enrich(found)
	if w.isTestPath(f.Path) {
		for i := range found {
			if found[i].Severity > rules.Low {
				found[i].Severity = rules.Low
				if found[i].Properties == nil {
					found[i].Properties = map[string]string{}
				}
				found[i].Properties["downgraded"] = "test, fixture or example path"
			}
		}
	}
	if !w.opt.NoIgnores {
		directives, invalid := suppress.Parse(doc)
		found = append(found, w.enrich(invalid)...)
		unused := suppress.Apply(f.Path, directives, found, func(id string) bool { return w.ran[id] })
		found = append(found, w.enrich(unused)...)
	}
	found = dedupe(found)
	suppress.Fingerprints(f, found)
	fr.findings = found
	return fr
}

func (w *worker) isTestPath(p string) bool {
	for _, g := range w.opt.TestPaths {
		if doublestar.MatchUnvalidated(g, p) {
			return true
		}
	}
	return false
}

// runRule runs one rule on one document, turning a panic into an error so one broken rule on one
// odd file never stops the scan.
func (w *worker) runRule(ctx context.Context, r *rules.Rule, doc source.Document, memo map[string]any, out *[]rules.Finding) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rule %s failed on this file: %v", r.ID, p)
			if debugPanics {
				err = fmt.Errorf("%w\n%s", err, debug.Stack())
			}
		}
	}()
	pass := rules.NewPass(ctx, r, doc.File(), w.opt.RuleOptions[r.ID], memo, func(f rules.Finding) { *out = append(*out, f) })
	if err := r.Run(pass, doc); err != nil {
		return fmt.Errorf("rule %s failed on this file: %w", r.ID, err)
	}
	return nil
}

// debugPanics adds stack traces to rule-failure notices (set in tests).
var debugPanics = false

// enrich fills defaults from rule metadata, applies severity overrides and the confidence floor.
func (w *worker) enrich(fs []rules.Finding) []rules.Finding {
	out := fs[:0]
	for _, f := range fs {
		r, ok := rules.ByID(f.RuleID)
		if !ok || !w.ran[r.ID] {
			continue // built-in diagnostics of a rule the user turned off
		}
		if f.Severity == 0 {
			f.Severity = r.Severity
		}
		if s, ok := w.opt.Severity[r.ID]; ok {
			f.Severity = s
		}
		if f.Confidence == 0 {
			f.Confidence = r.Confidence
		}
		if r.Category == rules.Secrets && len(f.Sensitive) == 0 {
			// NOTE: a secrets finding always masks its primary span, even if the rule forgot to
			// say which bytes are secret.
			f.Sensitive = []source.Span{f.Span}
		}
		f.Message = firstLine(f.Message)
		if f.Confidence < w.opt.MinConfidence {
			continue
		}
		out = append(out, f)
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

func dedupe(fs []rules.Finding) []rules.Finding {
	type key struct {
		rule       string
		start, end int
		msg        string
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.RuleID, f.Span.Start.Offset, f.Span.End.Offset, f.Message}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	SortFindings(out)
	return out
}
