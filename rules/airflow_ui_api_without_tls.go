package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowUIAPIWithoutTLS reports an Airflow webserver / API server published over plain http.
var AirflowUIAPIWithoutTLS = &Rule{
	Meta: Meta{
		ID:         "airflow-ui-api-without-tls",
		Title:      "airflow ui and api served over http",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceMedium,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-319"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/security/webserver.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#base-url"},
		Why: "`[webserver] base_url` (Airflow 3: `[api] base_url`) is the address users and API clients reach " +
			"Airflow at. An `http://` address on a remote host, with no `ssl_cert` configured in the same " +
			"file, means logins, session cookies, API tokens and the DAG, connection and log data shown in the " +
			"UI travel in clear. It is high when the REST API accepts basic auth (`[fab] auth_backends` / " +
			"2.x `[api] auth_backends` with `basic_auth`), since every API call then carries a password; low " +
			"for in-cluster hosts.\n\n" +
			"Confidence is medium: TLS is often terminated at a load balancer or ingress in front of Airflow; " +
			"then `base_url` should still say `https://` so links and redirects do not fall back to http.",
		Remediation: "Serve Airflow over TLS (`[api] ssl_cert` / `ssl_key`, or 2.x `[webserver] " +
			"web_server_ssl_cert` / `web_server_ssl_key`, or a TLS-terminating proxy) and set `base_url` to " +
			"the `https://` address.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowUIAPIWithoutTLSConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowUIAPIWithoutTLSConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowUIAPIWithoutTLSConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowUIAPIWithoutTLSConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowUIAPIWithoutTLSConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowUIAPIWithoutTLSConfig),
}

func airflowUIAPIWithoutTLSConfig(pass *Pass, settings []airflow.Setting) {
	if cert, ok := lastSetting(settings, "api", "ssl_cert"); ok {
		if t, lit := literalText(cert.Value); !lit || strings.TrimSpace(t) != "" {
			return // a certificate is configured (or supplied at run time)
		}
	}
	base, ok := lastSetting(settings, "api", "base_url")
	if !ok {
		return
	}
	t, ok := literalText(base.Value)
	if !ok {
		return
	}
	e, ok := parseEndpoint(t)
	if !ok || e.Scheme != "http" {
		return
	}
	basic := false
	var basicAt airflow.Setting
	if ab, ok := lastSetting(settings, "fab", "auth_backends"); ok {
		if v, lit := literalText(ab.Value); lit && strings.Contains(v, "basic_auth") {
			basic, basicAt = true, ab
		}
	}
	scope := classifyHost(pass, e.Host)
	sev, report := scopeSeverity(scope, Medium, basic)
	if !report {
		return
	}
	f := Finding{Span: settingSpan(base.KeySpan, base.Value), Severity: sev,
		Message: "Airflow is published over plain http at " + scopeWhere(scope, e.Host)}
	if basic {
		f.Message += ": API passwords (basic auth) travel in clear"
		f.Related = []Related{{Path: pass.File.Path, Span: settingSpan(basicAt.KeySpan, basicAt.Value), Message: "basic auth is enabled here"}}
	}
	pass.Report(f)
}
