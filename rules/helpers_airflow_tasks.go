package rules

// Which functions of a module are Airflow task bodies, whose return value Airflow pushes to XCom.

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// airflowTaskKind says how a function's return value reaches XCom.
type airflowTaskKind int

const (
	notATask        airflowTaskKind = iota
	taskFlowTask                    // @task (and @task.virtualenv, @task.docker, ...)
	pythonCallable                  // python_callable= of a PythonOperator with do_xcom_push on
	operatorExecute                 // execute() of a custom operator
)

// airflowPythonOperators are the operators that push their callable's return value.
var airflowPythonOperatorSuffixes = []string{".PythonOperator", ".PythonVirtualenvOperator", ".ExternalPythonOperator"}

// airflowXComTasks maps each function whose return value becomes an XCom to how it does.
func airflowXComTasks(m *python.Module) map[*python.Function]airflowTaskKind {
	out := map[*python.Function]airflowTaskKind{}
	operators := airflowOperatorClasses(m)
	for _, f := range m.Functions() {
		if d := f.Decorator("airflow.decorators.task"); d != nil {
			// @task.bash returns the command (airflow-secret-in-logged-command), @task.branch and
			// @task.short_circuit return what runs next, @task.sensor a poke result
			if !strings.HasSuffix(d.Name, ".bash") && !strings.HasSuffix(d.Name, ".branch") &&
				!strings.HasSuffix(d.Name, ".short_circuit") && !strings.HasSuffix(d.Name, ".sensor") && xcomPushOn(d) {
				out[f] = taskFlowTask
			}
			continue
		}
		if f.Name == "execute" && operators[f.Class] {
			out[f] = operatorExecute
		}
	}
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Name, "airflow.") || !hasAnySuffix(c.Name, airflowPythonOperatorSuffixes) || !xcomPushOn(c) {
			continue
		}
		k := c.Keyword("python_callable")
		if k == nil {
			continue
		}
		if f := m.Function(k.Value.Text); f != nil {
			if _, seen := out[f]; !seen {
				out[f] = pythonCallable
			}
		}
	}
	return out
}

// xcomPushOn reports whether an operator or @task call leaves do_xcom_push at its default True.
func xcomPushOn(c *python.Call) bool {
	k := c.Keyword("do_xcom_push")
	return k == nil || !k.Value.IsFalse()
}

// airflowOperatorClasses are the module's classes derived, directly or through other classes of
// the module, from an Airflow operator or sensor.
func airflowOperatorClasses(m *python.Module) map[string]bool {
	ops := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, cl := range m.Classes() {
			if ops[cl.Name] {
				continue
			}
			for _, b := range cl.Bases {
				if ops[b] || (strings.HasPrefix(b, "airflow.") && (strings.HasSuffix(b, "Operator") || strings.HasSuffix(b, "Sensor"))) {
					ops[cl.Name] = true
					changed = true
					break
				}
			}
		}
	}
	return ops
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
