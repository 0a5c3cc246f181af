package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowSelfRegistrationPrivilegedRole reports webserver configs where new users register
// themselves straight into a role that can change things.
var AirflowSelfRegistrationPrivilegedRole = &Rule{
	Meta: Meta{
		ID:         "airflow-self-registration-privileged-role",
		Title:      "self-registered users get a privileged airflow role",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-269"},
		References: []string{
			"https://flask-appbuilder.readthedocs.io/en/latest/security.html",
			"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html",
		},
		Why: "With `AUTH_USER_REGISTRATION = True`, Flask-AppBuilder creates an account for every new " +
			"user with `AUTH_USER_REGISTRATION_ROLE`. When that role is `Admin`, `Op` or `User`, everyone who " +
			"can register can trigger DAGs and edit connections and variables; with `Admin`, manage users too.\n\n" +
			"With database authentication (`AUTH_TYPE = AUTH_DB`, Flask-AppBuilder's default) anyone who " +
			"reaches the sign-up form can register, so the finding is critical. With OAuth, LDAP or OpenID " +
			"every user of the identity provider becomes privileged on first login: high.",
		Remediation: "Register new users as `Viewer` or `Public` and grant more through `AUTH_ROLES_MAPPING` " +
			"from identity-provider groups, or turn self-registration off.",
	},
	Python:      airflowSelfRegistrationPrivilegedRolePython,
	PythonNeeds: []string{"AUTH_USER_REGISTRATION"},
}

func airflowSelfRegistrationPrivilegedRolePython(pass *Pass, m *python.Module) error {
	reg := moduleConstant(m, "AUTH_USER_REGISTRATION")
	if reg == nil || !reg.Value.IsTrue() || !isFlaskAppBuilderConfig(m) {
		return nil
	}
	roleAt := moduleConstant(m, "AUTH_USER_REGISTRATION_ROLE")
	if roleAt == nil {
		return nil // Flask-AppBuilder's default is "Public"
	}
	role, ok := roleAt.Value.String()
	if !ok || !fabPrivilegedRoles[strings.ToLower(strings.TrimSpace(role))] {
		return nil
	}
	f := Finding{Span: roleAt.TargetSpan.To(roleAt.Value.Span), Severity: High,
		Message: "every user who signs in through the identity provider is registered as `" + sanitizeName(role) + "`"}
	if authTypeIsDB(m) {
		f.Severity = Critical
		f.Message = "anyone can sign up and is registered as `" + sanitizeName(role) + "` (AUTH_DB self-registration)"
	}
	pass.Report(f)
	return nil
}

// authTypeIsDB reports whether the config uses database authentication, Flask-AppBuilder's default.
func authTypeIsDB(m *python.Module) bool {
	a := moduleConstant(m, "AUTH_TYPE")
	if a == nil {
		return true
	}
	v := a.Value.Resolve()
	name := v.Name()
	if name == "" {
		name = v.Text
	}
	return name == "1" || name == "AUTH_DB" || strings.HasSuffix(name, ".AUTH_DB")
}
