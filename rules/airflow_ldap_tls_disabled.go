package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowLDAPTLSDisabled reports LDAP login to the Airflow UI over plaintext or without
// certificate checks.
var AirflowLDAPTLSDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-ldap-tls-disabled",
		Title:      "airflow ldap login without tls",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-319", "CWE-295"},
		References: []string{"https://flask-appbuilder.readthedocs.io/en/latest/security.html#authentication-ldap",
			"https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html"},
		Why: "With `AUTH_TYPE = AUTH_LDAP` the Airflow webserver checks every login by binding to the directory " +
			"with the user's own password, and searches it with `AUTH_LDAP_BIND_PASSWORD`. Over `ldap://` without " +
			"`AUTH_LDAP_USE_TLS = True` (StartTLS) those passwords cross the network in clear. " +
			"`AUTH_LDAP_ALLOW_SELF_SIGNED = True` sets python-ldap's `OPT_X_TLS_ALLOW`, which accepts any " +
			"certificate, so a machine in the path can pose as the directory, collect the passwords and log in " +
			"whoever it likes.\n\n" +
			"Reported in `webserver_config.py` (module-level assignments): an `ldap://` server on a host that is " +
			"not local without StartTLS (low for in-cluster names), and `AUTH_LDAP_ALLOW_SELF_SIGNED = True`. " +
			"`ldaps://` servers and `AUTH_LDAP_USE_TLS = True` are the secure forms. Flask-AppBuilder's default " +
			"for both flags is off, so an `ldap://` server with no `AUTH_LDAP_USE_TLS` line is plaintext.",
		Remediation: "Use `AUTH_LDAP_SERVER = \"ldaps://ldap.example.com:636\"` or keep `ldap://` with " +
			"`AUTH_LDAP_USE_TLS = True`; for a private certificate authority set `AUTH_LDAP_TLS_CACERTFILE` " +
			"instead of `AUTH_LDAP_ALLOW_SELF_SIGNED`.",
	},
	Python:      airflowLDAPTLSDisabledPython,
	PythonNeeds: []string{"AUTH_LDAP_"},
}

func airflowLDAPTLSDisabledPython(pass *Pass, m *python.Module) error {
	var server, useTLS *python.Assignment
	for _, a := range m.Assignments() {
		if !a.ModuleLevel {
			continue
		}
		switch a.Target {
		case "AUTH_LDAP_SERVER":
			server = a
		case "AUTH_LDAP_USE_TLS":
			useTLS = a
		case "AUTH_LDAP_ALLOW_SELF_SIGNED":
			if pyTrue(a.Value) {
				pass.Report(Finding{Span: a.TargetSpan.To(a.Value.Span),
					Message: "AUTH_LDAP_ALLOW_SELF_SIGNED is True: the LDAP server's certificate is not checked at login"})
			}
		}
	}
	if server == nil || (useTLS != nil && !pyFalse(useTLS.Value)) {
		return nil // no LDAP server, or StartTLS on (or set from somewhere dagwarden cannot read)
	}
	text, ok := server.Value.String()
	if !ok {
		return nil
	}
	// AUTH_LDAP_SERVER may list several space-separated URLs; the first plaintext one is reported.
	for _, u := range strings.Fields(text) {
		e, ok := parseEndpoint(u)
		if !ok || e.Scheme != "ldap" {
			continue
		}
		scope := classifyHost(pass, e.Host)
		sev, report := scopeSeverity(scope, High, true)
		if !report {
			continue
		}
		pass.Report(Finding{Span: server.TargetSpan.To(server.Value.Span), Severity: sev,
			Message: "Airflow UI logins are checked against " + scopeWhere(scope, e.Host) +
				" over plain ldap:// without StartTLS: users' passwords travel in clear"})
		return nil
	}
	return nil
}
