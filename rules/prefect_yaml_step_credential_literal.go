package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectYamlStepCredentialLiteral reports credentials written into prefect.yaml build, push and
// pull steps (git_clone access_token, repository URLs with userinfo, inline credentials).
var PrefectYamlStepCredentialLiteral = &Rule{
	Meta: Meta{
		ID:         "prefect-yaml-step-credential-literal",
		Title:      "credential written into a prefect.yaml step",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/deployments/prefect-yaml"},
		Why: "The `build`, `push` and `pull` steps of prefect.yaml run with the arguments written in the " +
			"file. An `access_token:` for `git_clone`, a repository URL with a token in it, or inline " +
			"`credentials:` are committed with the project and stored on every deployment created from " +
			"it. Prefect's documentation recommends block references for anything sensitive.",
		Remediation: "Reference a block: `access_token: \"{{ prefect.blocks.secret.github-token }}\"` or " +
			"`credentials: \"{{ prefect.blocks.github-credentials.my-creds }}\"`.",
	},
	YAML: secretsReport[*yaml.Stream],
}

func prefectYAMLStepCredentialLiteralHits(p *Pass, doc source.Document) []secretHit {
	s, ok := doc.(*yaml.Stream)
	if !ok || s.Kind() != yaml.PrefectYAML {
		return nil
	}
	var hs []secretHit
	for _, e := range s.Entries() {
		if !pathHasAny(e.Path, "build", "push", "pull") {
			continue
		}
		if e.Key() == "repository" || e.Key() == "url" {
			if h, ok := urlPasswordHit(p, e.KeySpan, e.Value, "step "+quoteName(e.Key())+" URL holds a literal credential"); ok {
				hs = append(hs, h)
			}
			continue
		}
		if !secrets.IsSecretName(e.Key()) {
			continue
		}
		if lit, ok := literalSecret(e.Value); ok {
			hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
				Message: "step argument " + quoteName(e.Key()) + " is a literal"})
		}
	}
	return hs
}

// pathHasAny reports whether a key path passes through one of the keys.
func pathHasAny(path []string, keys ...string) bool {
	for _, p := range path {
		for _, k := range keys {
			if p == k {
				return true
			}
		}
	}
	return false
}
