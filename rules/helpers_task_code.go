package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// taskCode is the set of a module's functions that run as orchestrator task code, whose output
// goes to the task or run log the orchestrator stores and shows: Airflow @task functions,
// python_callable targets and operator execute methods, Prefect flows and tasks, Dagster
// runtime code (see dagsterRuntime), functions nested in them and same-module functions they
// call.
type taskCode map[*python.Function]bool

func taskCodeOf(p *Pass, m *python.Module) taskCode {
	return p.Memo("task-code", func() any { return computeTaskCode(p, m) }).(taskCode)
}

func computeTaskCode(p *Pass, m *python.Module) taskCode {
	tc := taskCode{}
	var queue []*python.Function
	mark := func(f *python.Function) {
		if f != nil && !tc[f] {
			tc[f] = true
			queue = append(queue, f)
		}
	}
	for f := range dagsterRuntimeOf(p, m) {
		mark(f)
	}
	airflowClasses := map[string]bool{}
	for _, cl := range m.Classes() {
		for _, b := range cl.Bases {
			if strings.HasPrefix(b, "airflow.") {
				airflowClasses[cl.Name] = true
			}
		}
	}
	for _, f := range m.Functions() {
		if airflowClasses[f.Class] && (f.Name == "execute" || f.Name == "poke") {
			mark(f)
		}
		for _, d := range f.Decorators {
			if isTaskDecorator(d.Name) {
				mark(f)
				break
			}
		}
	}
	for _, c := range m.Calls() {
		if k := c.Keyword("python_callable"); k != nil {
			mark(m.Function(k.Value.Text))
		}
	}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, c := range f.Calls() {
			mark(m.Function(c.Name))
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range m.Functions() {
			if !tc[f] && f.Parent != nil && tc[f.Parent] {
				tc[f] = true
				changed = true
			}
		}
	}
	return tc
}

// isTaskDecorator: @task and its variants in Airflow (not @dag, whose body runs when the DAG is
// parsed), @flow and @task in Prefect.
func isTaskDecorator(name string) bool {
	switch {
	case strings.HasPrefix(name, "airflow."):
		return strings.Contains(name, ".task")
	case strings.HasPrefix(name, "prefect."):
		return strings.HasSuffix(name, ".flow") || strings.HasSuffix(name, ".task") ||
			strings.Contains(name, ".flow.") || strings.Contains(name, ".task.")
	}
	return false
}

// runs reports whether code in f runs as task code (nil f: module level, which does not).
func (tc taskCode) runs(f *python.Function) bool { return f != nil && tc[f] }
