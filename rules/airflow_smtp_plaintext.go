package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowSMTPPlaintext reports Airflow's SMTP settings that send mail without TLS to a remote
// server.
var AirflowSMTPPlaintext = &Rule{
	Meta: Meta{
		ID:         "airflow-smtp-plaintext",
		Title:      "airflow smtp without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-319"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#smtp"},
		Why: "With `[smtp] smtp_starttls = False` and `smtp_ssl` off (its default), Airflow talks to the mail " +
			"server in clear: the SMTP login (`smtp_user` / `smtp_password`) and every alert, which often " +
			"quotes task logs and hostnames, can be read on the path. Reported when `smtp_host` names a " +
			"remote server (an unset host means Airflow's default, localhost); high when the same file sets " +
			"`smtp_password`, low for an in-cluster relay.",
		Remediation: "Keep `smtp_starttls = True` (the default) or set `smtp_ssl = True` with port 465.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowSMTPPlaintextConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowSMTPPlaintextConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowSMTPPlaintextConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowSMTPPlaintextConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowSMTPPlaintextConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowSMTPPlaintextConfig),
}

func airflowSMTPPlaintextConfig(pass *Pass, settings []airflow.Setting) {
	st, ok := lastSetting(settings, "smtp", "smtp_starttls")
	if !ok || !configFalse(st.Value) {
		return
	}
	if ssl, ok := lastSetting(settings, "smtp", "smtp_ssl"); ok && !configFalse(ssl.Value) {
		return // SMTP over TLS, or a value we cannot read
	}
	host, ok := lastSetting(settings, "smtp", "smtp_host")
	if !ok {
		return
	}
	h, ok := literalText(host.Value)
	if !ok {
		return
	}
	pw, hasPW := lastSetting(settings, "smtp", "smtp_password")
	scope := classifyHost(pass, h)
	sev, report := scopeSeverity(scope, Medium, hasPW)
	if !report {
		return
	}
	f := Finding{Span: settingSpan(st.KeySpan, st.Value), Severity: sev,
		Message: "mail to " + scopeWhere(scope, h) + " is sent without STARTTLS or SSL"}
	if hasPW {
		f.Message += ": the SMTP password travels in clear"
		f.Related = []Related{{Path: pass.File.Path, Span: pw.KeySpan, Message: "the SMTP password"}}
	}
	pass.Report(f)
}
