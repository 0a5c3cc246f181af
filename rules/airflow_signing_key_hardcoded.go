package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowSigningKeyHardcoded reports literal session / API secret keys and JWT secrets.
var AirflowSigningKeyHardcoded = &Rule{
	Meta: Meta{
		ID:         "airflow-signing-key-hardcoded",
		Title:      "airflow secret key or jwt secret written in configuration",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-798", "CWE-1392"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#secret-key",
			"https://nvd.nist.gov/vuln/detail/CVE-2020-17526",
		},
		Why: "`[webserver] secret_key` (Airflow 2; `[api] secret_key` from 3.0.2) signs UI sessions and the " +
			"tokens workers use to serve task logs; `[api_auth] jwt_secret` (Airflow 3) signs API and " +
			"Execution API tokens. Whoever knows the key can forge a session or a token for any user. " +
			"`temporary_key`, the default of Airflow 1.10.13 and earlier, is known to everyone " +
			"(CVE-2020-17526) and is reported as critical.",
		Remediation: "Supply the key from a secret (`AIRFLOW__API__SECRET_KEY_CMD` / `_SECRET`, a Kubernetes " +
			"Secret, Helm `webserverSecretKeySecretName` / `apiSecretKeySecretName` / `jwtSecretName`), " +
			"or use asymmetric JWT signing (`[api_auth] jwt_private_key_path`). Generate a new random " +
			"key: the committed one is compromised.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"SECRET_KEY"},
	INI:         secretsReport[*ini.File],
	Dotenv:      secretsReport[*dotenv.File],
	TOML:        secretsReport[*toml.File],
	JSON:        secretsReport[*jsonx.File],
	YAML:        secretsReport[*yaml.Stream],
	HCL:         secretsReport[*hcl.File],
}

func airflowSigningKeyHardcodedHits(p *Pass, doc source.Document) []secretHit {
	var hs []secretHit
	if m, ok := doc.(*python.Module); ok {
		// webserver_config.py: SECRET_KEY = "..."
		if !isFlaskAppBuilderConfig(m) {
			return nil
		}
		if a := moduleConstant(m, "SECRET_KEY"); a != nil {
			if lit, ok := literalSecret(a.Value.Value()); ok {
				hs = append(hs, secretHit{Span: a.TargetSpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
					Message: "Flask `SECRET_KEY` is a literal"})
			}
		}
		return markTemporaryKey(p, hs)
	}
	hs = airflowOptionLiteralHits(p, doc, func(section, key string) bool {
		return section == "api" && key == "secret_key" || section == "api_auth" && key == "jwt_secret"
	}, "%s is a literal")
	for _, k := range []string{"webserverSecretKey", "apiSecretKey", "jwtSecret"} {
		hs = append(hs, helmKeyLiteralHits(p, doc, k, "`%s` is a literal")...)
	}
	return markTemporaryKey(p, hs)
}

// markTemporaryKey raises hits on the historical default key to critical.
func markTemporaryKey(p *Pass, hs []secretHit) []secretHit {
	for i := range hs {
		if secrets.IsDefaultSecretKey(p.File.Text(hs[i].Secret)) {
			hs[i].Severity = Critical
			hs[i].Message += " (the well-known default `temporary_key`, CVE-2020-17526)"
		}
	}
	return hs
}
