package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowSensitiveConfigOptionLiteral reports credentials written into Airflow options marked
// sensitive, other than those with their own rule (Fernet key, secret keys, metadata DB URL).
var AirflowSensitiveConfigOptionLiteral = &Rule{
	Meta: Meta{
		ID:         "airflow-sensitive-config-option-literal",
		Title:      "credential in a sensitive airflow option",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-260"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/howto/set-config.html"},
		Why: "Airflow marks some options `sensitive`: the Celery `broker_url` and `result_backend`, " +
			"`flower_basic_auth`, `[smtp] smtp_password`, `[secrets] backend_kwargs`, `[sentry] sentry_dsn` " +
			"and more. They carry credentials (a password in a URL, a Vault token in JSON) and can be " +
			"supplied through `_cmd` / `_secret` precisely so that the credential never sits in a file. " +
			"The rule reports a password in a URL, a secret-named JSON key with a literal value, and " +
			"literal passwords.",
		Remediation: "Use the option's `_CMD` / `_SECRET` variant (`AIRFLOW__CELERY__BROKER_URL_SECRET`), a " +
			"Kubernetes Secret, or, for secrets backends, an authentication method that needs no " +
			"token in configuration (Vault Kubernetes auth, workload identity).",
	},
	INI:    secretsReport[*ini.File],
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func airflowSensitiveConfigOptionLiteralHits(p *Pass, doc source.Document) []secretHit {
	var hs []secretHit
	for _, s := range airflowSettings(p, doc) {
		if s.Via != airflow.Direct || !airflow.IsSensitive(s.Section, s.Key) {
			continue
		}
		switch {
		case s.Section == "core" && s.Key == "fernet_key", s.Section == "api" && s.Key == "secret_key",
			s.Section == "api_auth" && s.Key == "jwt_secret", s.Section == "database" && s.Key == "sql_alchemy_conn":
			continue // their own rules
		}
		name := quoteName(s.Option.String())
		if h, ok := urlPasswordHit(p, s.KeySpan, s.Value, name+" URL holds a literal password"); ok {
			hs = append(hs, h)
			continue
		}
		if j := jsonSecretHits(p, s.KeySpan, s.Value, name+" holds a literal %q"); len(j) > 0 {
			hs = append(hs, j...)
			continue
		}
		if strings.Contains(s.Key, "password") || strings.HasSuffix(s.Key, "basic_auth") {
			if lit, ok := literalSecret(s.Value); ok {
				hs = append(hs, secretHit{Span: settingSpan(s.KeySpan, s.Value), Secret: valueSecretSpan(p.File, lit),
					Message: name + " is a literal"})
			}
		}
	}
	return hs
}
