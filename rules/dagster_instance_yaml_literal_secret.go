package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DagsterInstanceYamlLiteralSecret reports literal passwords and secrets in dagster.yaml.
var DagsterInstanceYamlLiteralSecret = &Rule{
	Meta: Meta{
		ID:         "dagster-instance-yaml-literal-secret",
		Title:      "secret written into dagster.yaml",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-260"},
		References: []string{"https://docs.dagster.io/deployment/oss/dagster-yaml"},
		Why: "dagster.yaml configures the instance: run, event log and schedule storage " +
			"(`postgres_db.password`, `postgres_url`), run launchers (registry passwords) and compute log " +
			"managers (cloud storage keys). A literal secret there is committed with the deployment and " +
			"opens the storage that holds every run and its events.",
		Remediation: "Use `{env: DAGSTER_PG_PASSWORD}` for the value (what the official Helm chart renders) " +
			"and fill the variable from a secret.",
	},
	YAML: secretsReport[*yaml.Stream],
}

func dagsterInstanceYAMLLiteralSecretHits(p *Pass, doc source.Document) []secretHit {
	s, ok := doc.(*yaml.Stream)
	if !ok || s.Kind() != yaml.DagsterYAML {
		return nil
	}
	var hs []secretHit
	for _, e := range s.Entries() {
		k := e.Key()
		if strings.HasSuffix(k, "_url") || k == "url" {
			if h, ok := urlPasswordHit(p, e.KeySpan, e.Value, quoteName(k)+" URL holds a literal password"); ok {
				hs = append(hs, h)
			}
			continue
		}
		if !secrets.IsSecretName(k) {
			continue
		}
		if lit, ok := literalSecret(e.Value); ok {
			hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
				Message: quoteName(sanitizeName(e.Dotted())) + " is a literal"})
		}
	}
	return hs
}
