package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectDatabaseCredentialsLiteral reports literal Prefect server database and Redis credentials.
var PrefectDatabaseCredentialsLiteral = &Rule{
	Meta: Meta{
		ID:         "prefect-database-credentials-literal",
		Title:      "prefect server database credentials written in configuration",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798", "CWE-1392"},
		References: []string{"https://docs.prefect.io/v3/api-ref/settings-ref#connection-url"},
		Why: "The Prefect server's database holds every flow run, its parameters and results, and every " +
			"block, credential blocks included. A password in `PREFECT_SERVER_DATABASE_CONNECTION_URL`, " +
			"`PREFECT_SERVER_DATABASE_PASSWORD` or the Redis messaging settings, committed, opens it to " +
			"everyone who reads the repository.",
		Remediation: "Set these settings from a secret (a Kubernetes Secret, prefect-helm " +
			"`externalDatabase.existingSecret` / `postgresql.auth.existingSecret`).",
	},
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func prefectDatabaseCredentialsLiteralHits(p *Pass, doc source.Document) []secretHit {
	var hs []secretHit
	for _, e := range docEntries(doc) {
		s, ok := prefectSettingOf(doc, e)
		if !ok {
			continue
		}
		switch s {
		case prefect.ServerDatabaseURL, prefect.RedisMessagingURL, prefect.ServerDocketURL:
			if h, ok := urlPasswordHit(p, e.KeySpan, e.Value, quoteName(string(s))+" URL holds a literal password"); ok {
				hs = append(hs, h)
			}
		case prefect.ServerDatabasePassword, prefect.RedisMessagingPassword:
			if lit, ok := literalSecret(e.Value); ok && !isWeakDefault("", lit.Text) {
				hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
					Message: quoteName(string(s)) + " is a literal"})
			}
		}
	}
	return hs
}
