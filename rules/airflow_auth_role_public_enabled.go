package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowAuthRolePublicEnabled reports webserver configs that give anonymous visitors a role.
var AirflowAuthRolePublicEnabled = &Rule{
	Meta: Meta{
		ID:         "airflow-auth-role-public-enabled",
		Title:      "anonymous users get an airflow role",
		Category:   Access,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-306", "CWE-284"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html"},
		Why: "`AUTH_ROLE_PUBLIC` in `webserver_config.py` gives every visitor who has not logged in the " +
			"permissions of that role. With `Admin`, `Op` or `User` anyone who can reach the webserver can " +
			"trigger DAGs, edit connections and variables, and read every credential Airflow stores.\n\n" +
			"`Viewer` is reported at medium severity: it still lets anonymous visitors read DAG source, task " +
			"logs and rendered templates, which often contain hostnames and secrets. FAB's own `Public` role " +
			"has no permissions by default and is not reported.",
		Remediation: "Delete the `AUTH_ROLE_PUBLIC` line so anonymous users get no permissions, and give " +
			"people accounts (database, LDAP, OAuth) with the role they need.",
	},
	Python: airflowAuthRolePublicEnabledPython,
}

func airflowAuthRolePublicEnabledPython(pass *Pass, m *python.Module) error {
	for _, a := range m.Assignments() {
		if !a.ModuleLevel || a.Target != "AUTH_ROLE_PUBLIC" {
			continue
		}
		role, ok := a.Value.String()
		if !ok || role == "" || strings.EqualFold(role, "Public") {
			continue
		}
		f := Finding{Span: a.TargetSpan.To(a.Value.Span)}
		if strings.EqualFold(role, "Viewer") {
			f.Severity = Medium
			f.Message = "anonymous users get the read-only `Viewer` role"
		} else {
			f.Message = "anonymous users get the `" + sanitizeName(role) + "` role"
		}
		pass.Report(f)
	}
	return nil
}

// sanitizeName keeps a user-controlled name printable on one line in messages.
func sanitizeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == '`' {
			return -1
		}
		return r
	}, s)
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return s
}
