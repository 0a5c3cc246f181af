package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
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
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html",
			"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/access-control.html",
		},
		Why: "`AUTH_ROLE_PUBLIC` in `webserver_config.py` (or `[fab] auth_role_public` in newer FAB " +
			"providers) gives every visitor who has not logged in the permissions of that role. With " +
			"`Admin`, `Op` or `User` anyone who can reach the webserver can trigger DAGs, edit connections " +
			"and variables, and read every credential Airflow stores: critical. A custom role is reported " +
			"as high with medium confidence, since its permissions are defined elsewhere.\n\n" +
			"`Viewer` is reported at **low** severity. It is sometimes chosen on purpose for read-only " +
			"dashboards on an internal network, so it must not fail a build set to `--fail-on medium`; but " +
			"it still lets anonymous visitors read DAG source, task logs and rendered templates, which " +
			"often contain hostnames and secrets, so it stays visible. FAB's own `Public` role has no " +
			"permissions by default and is not reported, nor is the commented-out template line.",
		Remediation: "Delete the `AUTH_ROLE_PUBLIC` line (or `[fab] auth_role_public`) so anonymous users get " +
			"no permissions, and give people accounts (database, LDAP, OAuth) with the role they need.",
	},
	Python:      airflowAuthRolePublicEnabledPython,
	PythonNeeds: []string{"AUTH_ROLE_PUBLIC"},
	INI:         airflowSettingsHook[*ini.File](airflowAuthRolePublicEnabledConfig),
	Dotenv:      airflowSettingsHook[*dotenv.File](airflowAuthRolePublicEnabledConfig),
	JSON:        airflowSettingsHook[*jsonx.File](airflowAuthRolePublicEnabledConfig),
	TOML:        airflowSettingsHook[*toml.File](airflowAuthRolePublicEnabledConfig),
	YAML:        airflowSettingsHook[*yaml.Stream](airflowAuthRolePublicEnabledConfig),
	HCL:         airflowSettingsHook[*hcl.File](airflowAuthRolePublicEnabledConfig),
}

func airflowAuthRolePublicEnabledPython(pass *Pass, m *python.Module) error {
	for _, a := range m.Assignments() {
		if !a.ModuleLevel || a.Target != "AUTH_ROLE_PUBLIC" {
			continue
		}
		if role, ok := a.Value.String(); ok {
			reportPublicRole(pass, a.TargetSpan.To(a.Value.Span), role)
		}
	}
	return nil
}

func airflowAuthRolePublicEnabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("fab", "auth_role_public") && s.Value.Kind == value.Literal {
			reportPublicRole(pass, settingSpan(s.KeySpan, s.Value), s.Value.Text)
		}
	}
}

// reportPublicRole judges the role anonymous users get.
func reportPublicRole(pass *Pass, at source.Span, role string) {
	role = strings.TrimSpace(role)
	if role == "" || strings.EqualFold(role, "Public") {
		return
	}
	f := Finding{Span: at, Message: "anonymous users get the `" + sanitizeName(role) + "` role"}
	switch {
	case fabPrivilegedRoles[strings.ToLower(role)]:
	case strings.EqualFold(role, "Viewer"):
		f.Severity = Low
		f.Message = "anonymous users get the read-only `Viewer` role"
	default:
		f.Severity, f.Confidence = High, ConfidenceMedium
		f.Message = "anonymous users get the custom `" + sanitizeName(role) + "` role"
	}
	pass.Report(f)
}

// sanitizeName keeps a user-controlled name printable on one line in messages.
func sanitizeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == '`' {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
