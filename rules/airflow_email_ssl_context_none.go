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

// AirflowEmailSSLContextNone reports Airflow's e-mail sender configured without certificate checks.
var AirflowEmailSSLContextNone = &Rule{
	Meta: Meta{
		ID:         "airflow-email-ssl-context-none",
		Title:      "airflow e-mail tls without certificate checks",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-295"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#ssl-context"},
		Why: "`[email] ssl_context = none` (`AIRFLOW__EMAIL__SSL_CONTEXT=none`) makes Airflow's SMTP client " +
			"use a TLS context that checks neither the certificate nor the host name. Airflow's own " +
			"documentation warns that it \"allows MITM\": anyone on the path to the mail server can pose as it " +
			"and collect the SMTP login and every alert and report the scheduler sends.",
		Remediation: "Set `ssl_context = default` (the default), which uses `ssl.create_default_context()`; " +
			"install the mail server's CA in the system trust store if it uses a private one.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowEmailSSLContextNoneConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowEmailSSLContextNoneConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowEmailSSLContextNoneConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowEmailSSLContextNoneConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowEmailSSLContextNoneConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowEmailSSLContextNoneConfig),
}

func airflowEmailSSLContextNoneConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if !s.Is("email", "ssl_context") {
			continue
		}
		if t, ok := literalText(s.Value); ok && strings.EqualFold(strings.TrimSpace(t), "none") {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "e-mail is sent over TLS without certificate or host name checks (`ssl_context = none`)")
		}
	}
}
