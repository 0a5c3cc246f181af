package rules

import (
	"bytes"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowHelmInlineSecretValues reports literal passwords and secrets in values for the Airflow
// Helm charts (metadataConnection.pass, redis.password, env entries with secret names, ...).
var AirflowHelmInlineSecretValues = &Rule{
	Meta: Meta{
		ID:         "airflow-helm-inline-secret-values",
		Title:      "secret written into airflow helm values",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-798", "CWE-1392"},
		References: []string{"https://airflow.apache.org/docs/helm-chart/stable/production-guide.html"},
		Why: "Helm values such as `data.metadataConnection.pass`, `redis.password`, `flower.password`, " +
			"`postgresql.auth.password` or an `env:` entry named `*_PASSWORD` are rendered into Secrets " +
			"and pod specs, but the values file itself is committed: everyone who reads the repository " +
			"has the credential. The chart's own comment: \"Do not set config containing secrets via " +
			"plain text values, use Env Var or k8s secret object\".",
		Remediation: "Point the chart at existing Secrets (`data.metadataSecretName`, `data.resultBackendSecretName`, " +
			"`redis.passwordSecretName`, `flower.secretName`, the top-level `secret:` list) or pass values " +
			"at install time with `--set-string` / Terraform `set_sensitive`.",
	},
	YAML: secretsReport[*yaml.Stream],
}

func airflowHelmInlineSecretValuesHits(p *Pass, doc source.Document) []secretHit {
	s, ok := doc.(*yaml.Stream)
	if !ok {
		return nil
	}
	switch s.Kind() {
	case yaml.AirflowHelm, yaml.AirflowHelmCommunity:
	case yaml.HelmValues:
		if !bytes.Contains(bytes.ToLower(p.File.Content), []byte("airflow")) {
			return nil
		}
	default:
		return nil
	}
	var hs []secretHit
	for _, e := range s.Entries() {
		k := e.Key()
		if strings.HasSuffix(k, "Url") || strings.HasSuffix(k, "URL") || strings.HasSuffix(k, "_url") {
			if h, ok := urlPasswordHit(p, e.KeySpan, e.Value, quoteName(sanitizeName(e.Dotted()))+" URL holds a literal password"); ok {
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
