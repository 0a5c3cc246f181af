package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowConnectionTLSWeakened reports Airflow connections and HTTP operators that turn
// certificate verification or TLS off, and HTTP connections that use plain http to remote hosts.
var AirflowConnectionTLSWeakened = &Rule{
	Meta: Meta{
		ID:         "airflow-connection-tls-weakened",
		Title:      "airflow connection with tls weakened",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-295", "CWE-319"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-http/stable/connections/http.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html"},
		Why: "An Airflow connection carries the credentials of the system it points at, and every task that " +
			"uses it sends them. Extras that turn verification off (`verify: false`, `verify_ssl: false` for " +
			"HTTP and AWS, `verify_certs: false` for Elasticsearch, Snowflake `insecure_mode: true`), Postgres " +
			"`sslmode: disable`, or `extra_options={\"verify\": False}` on `HttpOperator`, `HttpSensor` and " +
			"`HttpHook.run` let anyone on the network path read and change that traffic.\n\n" +
			"HTTP connections default to plain `http` when their schema is empty, so an HTTP connection to a " +
			"remote host without `schema=https` (or an `https://` host) is reported too: at medium severity, " +
			"high when it has a login or password, low for in-cluster hosts. Connections are read from " +
			"`AIRFLOW_CONN_*` variables (URI or JSON) in any environment file, connection exports (JSON) and " +
			"`Connection(...)` in Python.",
		Remediation: "Leave verification on, or point `verify` at a CA bundle path (a path is secure); use " +
			"`sslmode=verify-full` (or at least `require`); set the HTTP connection's schema to `https`.",
	},
	Python:      airflowConnectionTLSWeakenedPython,
	PythonNeeds: []string{"airflow"},
	Dotenv:      envConnHook[*dotenv.File](airflowConnectionTLSWeakenedConn),
	YAML:        envConnHook[*yaml.Stream](airflowConnectionTLSWeakenedConn),
	JSON:        airflowConnectionTLSWeakenedJSON,
}

func airflowConnectionTLSWeakenedPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil
	}
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Name, "airflow.providers.http.") {
			continue
		}
		kw := c.Keyword("extra_options")
		if kw == nil {
			continue
		}
		for _, p := range kw.Value.Dict() {
			if (p.KeyText == "verify" || p.KeyText == "verify_ssl") && pyFalse(p.Value) {
				pass.Reportf(p.KeySpan.To(p.Value.Span), "`%s` is given extra_options with %s=False: the endpoint's certificate is not checked",
					c.Name[strings.LastIndexByte(c.Name, '.')+1:], p.KeyText)
			}
		}
	}
	for _, c := range pyConns(m) {
		airflowConnectionTLSWeakenedConn(pass, c)
	}
	return nil
}

func airflowConnectionTLSWeakenedJSON(pass *Pass, f *jsonx.File) error {
	for _, c := range jsonConns(f.Root()) {
		airflowConnectionTLSWeakenedConn(pass, c)
	}
	return nil
}

// envConnHook adapts a check of one connection to the AIRFLOW_CONN_* variables of a document.
func envConnHook[D source.Document](check func(*Pass, airflowConn)) func(*Pass, D) error {
	return func(p *Pass, d D) error {
		for _, c := range envConns(d) {
			check(p, c)
		}
		return nil
	}
}

// verifyExtras are connection extras whose false value turns certificate verification off.
var verifyExtras = []string{"verify", "verify_ssl", "verify_certs", "ssl_verify", "validate_certs"}

func airflowConnectionTLSWeakenedConn(pass *Pass, c airflowConn) {
	name := "connection"
	if c.ID != "" {
		name = "connection `" + sanitizeName(c.ID) + "`"
	}
	creds := ""
	if c.Password {
		creds = "; its password travels over it"
	}
	hostScheme := ""
	if e, ok := parseEndpoint(c.Host); ok && c.URI == nil {
		c.Host, hostScheme = e.Host, e.Scheme
	}
	if s := classifyHost(pass, c.Host); s == hostLocal || s == hostAllowed {
		return
	}
	for _, k := range verifyExtras {
		if b, ok := c.extraBool(k); ok && !b {
			pass.Reportf(c.extraSpan(k), "%s turns certificate verification off (`%s: false`)%s", name, k, creds)
		}
	}
	if b, ok := c.extraBool("insecure_mode"); ok && b {
		pass.Reportf(c.extraSpan("insecure_mode"), "%s sets `insecure_mode: true`: certificate revocation is not checked", name)
	}
	if m, ok := c.extraString("sslmode"); ok && strings.EqualFold(m, "disable") {
		pass.Reportf(c.extraSpan("sslmode"), "%s sets `sslmode: disable`: the database traffic is not encrypted%s", name, creds)
	}
	airflowHTTPConnPlaintext(pass, c, name, hostScheme)
}

// airflowHTTPConnPlaintext reports an HTTP connection whose requests go over plain http to a
// host that is not local: HttpHook uses the connection's schema, or http when it is empty, unless
// the host itself starts with a scheme.
func airflowHTTPConnPlaintext(pass *Pass, c airflowConn, name, hostScheme string) {
	if c.Type != "http" && c.Type != "https" {
		return
	}
	scheme := strings.ToLower(c.Schema)
	if hostScheme != "" {
		scheme = hostScheme // a host written with its scheme is used as the base URL as is
	}
	if c.URI != nil && c.Type == "https" {
		return // https://host: the conn_type is https, which HttpHook treats as the scheme
	}
	if scheme != "" && scheme != "http" {
		return
	}
	scope := classifyHost(pass, c.Host)
	sev, ok := scopeSeverity(scope, Medium, c.Login || c.Password)
	if !ok {
		return
	}
	msg := "HTTP " + name + " sends requests over plain http to " + scopeWhere(scope, c.Host)
	if c.Password || c.Login {
		msg += ": its login and password travel in clear"
	}
	pass.Report(Finding{Span: c.Span, Message: msg, Severity: sev})
}
