package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectAuthStringHardcoded reports a literal basic-auth string of a self-hosted Prefect server.
var PrefectAuthStringHardcoded = &Rule{
	Meta: Meta{
		ID:         "prefect-auth-string-hardcoded",
		Title:      "prefect server auth string written in configuration",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.prefect.io/v3/advanced/security-settings"},
		Why: "`PREFECT_SERVER_API_AUTH_STRING` (server) and `PREFECT_API_AUTH_STRING` (clients), from Prefect " +
			"3.1, are the `user:password` of the self-hosted server's basic authentication. Committed, " +
			"they let anyone who reads the repository use the API. The prefect-helm chart's " +
			"`basicAuth.authString` is the same value.",
		Remediation: "Set the auth string from a secret: an environment variable filled from a Kubernetes " +
			"Secret, or prefect-helm's `basicAuth.existingSecret`.",
	},
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func prefectAuthStringHardcodedHits(p *Pass, doc source.Document) []secretHit {
	sib := siblingsOf(docEntries(doc))
	return entryLiteralHits(p, doc, func(e value.Entry) bool {
		if isPrefectSetting(doc, e, prefect.ServerAPIAuthString, prefect.APIAuthString) {
			return true
		}
		_, isYAML := doc.(*yaml.Stream)
		// prefect-helm: basicAuth.authString, unused while basicAuth.enabled is false
		return isYAML && e.Key() == "authString" && len(e.Path) >= 2 && e.Path[len(e.Path)-2] == "basicAuth" && !sib.disabled(e)
	}, "auth string `%s` is a literal")
}
