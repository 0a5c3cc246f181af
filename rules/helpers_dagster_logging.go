package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// dagsterRuntime is the set of a module's functions whose output Dagster captures: the bodies of
// assets, ops, sensors and schedules (any dagster decorator), methods of resource and IO manager
// classes (a dagster base, directly or through a class of the module), functions nested in them,
// and same-module functions they call.
type dagsterRuntime map[*python.Function]bool

func dagsterRuntimeOf(p *Pass, m *python.Module) dagsterRuntime {
	return p.Memo("dagster-runtime", func() any { return computeDagsterRuntime(m) }).(dagsterRuntime)
}

func computeDagsterRuntime(m *python.Module) dagsterRuntime {
	rt := dagsterRuntime{}
	if !m.Frameworks().Has(python.Dagster) {
		return rt
	}
	classes := dagsterClasses(m)
	var queue []*python.Function
	mark := func(f *python.Function) {
		if f != nil && !rt[f] {
			rt[f] = true
			queue = append(queue, f)
		}
	}
	for _, f := range m.Functions() {
		if classes[f.Class] {
			mark(f)
			continue
		}
		for _, d := range f.Decorators {
			if strings.HasPrefix(d.Name, "dagster") {
				mark(f)
				break
			}
		}
	}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, c := range f.Calls() {
			mark(m.Function(c.Name))
			if f.Class != "" && strings.HasPrefix(c.Callee, "self.") {
				mark(m.Function(f.Class + "." + c.Method()))
			}
		}
	}
	// nested functions run where their parent runs
	for changed := true; changed; {
		changed = false
		for _, f := range m.Functions() {
			if !rt[f] && f.Parent != nil && rt[f.Parent] {
				rt[f] = true
				changed = true
			}
		}
	}
	return rt
}

// dagsterClasses are the module's classes with a dagster base, directly or through another class
// of the module (ConfigurableResource, ConfigurableIOManager, IOManager, Config).
func dagsterClasses(m *python.Module) map[string]bool {
	out := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, cl := range m.Classes() {
			if out[cl.Name] {
				continue
			}
			for _, b := range cl.Bases {
				if strings.HasPrefix(b, "dagster") || out[b] {
					out[cl.Name] = true
					changed = true
					break
				}
			}
		}
	}
	return out
}

// runs reports whether code in f runs inside Dagster (nil f: module level, which does not).
func (rt dagsterRuntime) runs(f *python.Function) bool { return f != nil && rt[f] }

// taintedPart returns the narrowest tainted piece of e: the value of the first tainted entry of a
// dict literal (nested dicts followed), else e itself when tainted.
func taintedPart(m *python.Module, e *python.Expr, depth int) (*python.Expr, *python.Origin) {
	if e == nil || depth > 4 {
		return nil, nil
	}
	if d := e.Resolve(); d != nil && d.Kind == "dictionary" {
		for _, p := range d.Dict() {
			if sub, o := taintedPart(m, p.Value, depth+1); sub != nil {
				return sub, o
			}
		}
		return nil, nil
	}
	if o, ok := m.Tainted(e); ok {
		return e, o
	}
	return nil, nil
}

// secretFlowFinding is a finding at span for a secret reaching a sink, pointing at where the
// secret came from; name-based origins (a variable called token) are less certain than a read.
func secretFlowFinding(pass *Pass, o *python.Origin, at source.Span, fact string) Finding {
	f := Finding{Span: at, Message: "secret from " + quoteCode(o.Desc) + " " + fact}
	if o.Kind == python.OriginName {
		f.Confidence = ConfidenceMedium
	}
	if !o.Span.IsZero() && o.Span != at {
		f.Related = []Related{{Path: pass.File.Path, Span: o.Span, Message: "the secret comes from here"}}
	}
	return f
}
