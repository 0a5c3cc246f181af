package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowCSRFDisabled reports webserver configs that turn off CSRF protection.
var AirflowCSRFDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-csrf-disabled",
		Title:      "airflow webserver csrf protection disabled",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-352"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html"},
		Why: "`WTF_CSRF_ENABLED = False` (or the legacy `CSRF_ENABLED = False`) in `webserver_config.py` " +
			"removes Flask-WTF's CSRF tokens from the Airflow UI. A page a logged-in user visits can then " +
			"submit forms in their name: trigger or clear DAG runs, change connections and variables, " +
			"create users when the victim is an admin.\n\n" +
			"Only modules that are Airflow webserver configs (by name, or importing Airflow or " +
			"Flask-AppBuilder) are checked, so generic Flask test settings are left alone.",
		Remediation: "Remove the line or set `WTF_CSRF_ENABLED = True` (the template default). Exempt a " +
			"specific API view with `csrf.exempt` instead of disabling protection everywhere.",
	},
	Python:      airflowCSRFDisabledPython,
	PythonNeeds: []string{"CSRF_ENABLED"},
}

func airflowCSRFDisabledPython(pass *Pass, m *python.Module) error {
	for _, a := range m.Assignments() {
		if !a.ModuleLevel || a.Op != "=" || a.Target != "WTF_CSRF_ENABLED" && a.Target != "CSRF_ENABLED" {
			continue
		}
		if a.Value.IsFalse() && isFlaskAppBuilderConfig(m) {
			pass.Reportf(a.TargetSpan.To(a.Value.Span), "CSRF protection of the Airflow UI is off (`%s = False`)", a.Target)
		}
	}
	return nil
}
