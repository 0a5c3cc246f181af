package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowDAGAccessControlBroad reports DAG-level permissions that let broad built-in roles change a
// DAG.
var AirflowDAGAccessControlBroad = &Rule{
	Meta: Meta{
		ID:         "airflow-dag-access-control-broad",
		Title:      "dag access control grants write access to broad roles",
		Category:   Access,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-284"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/access-control.html"},
		Why: "`access_control` on a DAG adds DAG-level permissions to roles. Granting `can_edit`, " +
			"`can_delete` or `can_create` (on the DAG or on its `DAG Runs`) to `Public`, `Viewer` or `User`, " +
			"roles every account (or every anonymous visitor, for `Public`) has, lets all of them pause, " +
			"trigger, clear or delete this DAG's runs, defeating the per-team separation the setting is for. " +
			"Read-only grants are not reported.",
		Remediation: "Grant edit and delete rights to a dedicated team role (`{\"payments-ops\": {\"can_edit\"}}`) " +
			"and keep broad roles at `can_read`.",
	},
	Python:      airflowDAGAccessControlBroadPython,
	PythonNeeds: []string{"access_control"},
}

// broadRoles are the built-in roles every user (or, for Public, every visitor) has.
var broadRoles = map[string]bool{"public": true, "viewer": true, "user": true}

// dagWriteActions are DAG-level actions that change a DAG or its runs (current and 1.10/2.0 names).
var dagWriteActions = map[string]bool{"can_edit": true, "can_delete": true, "can_create": true,
	"can_dag_edit": true}

func airflowDAGAccessControlBroadPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	for _, c := range m.Calls() {
		if c.Name != "airflow.models.DAG" && c.Name != "airflow.decorators.dag" {
			continue
		}
		kw := c.Keyword("access_control")
		if kw == nil {
			continue
		}
		for _, p := range kw.Value.Dict() {
			if !broadRoles[strings.ToLower(p.KeyText)] {
				continue
			}
			if acts := dagWrites(p.Value); len(acts) > 0 {
				pass.Reportf(p.KeySpan.To(p.Value.Span), "access_control grants %s to the broad `%s` role",
					"`"+strings.Join(acts, "`, `")+"`", sanitizeName(p.KeyText))
			}
		}
	}
	return nil
}

// dagWrites lists the write actions in a role's grant: a set of actions, or a dict from resource
// name ("DAGs", "DAG Runs") to a set of actions.
func dagWrites(e *python.Expr) []string {
	var out []string
	add := func(items []*python.Expr) {
		for _, it := range items {
			if s, ok := it.String(); ok && dagWriteActions[s] {
				out = append(out, sanitizeName(s))
			}
		}
	}
	if d := e.Dict(); d != nil {
		for _, p := range d {
			add(p.Value.Items())
		}
		return out
	}
	add(e.Items())
	return out
}
