package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// PrefectCredentialsBlockLiteral reports Prefect credential blocks (AwsCredentials,
// GitHubCredentials, SnowflakeCredentials, SlackWebhook, ...) given literal secrets.
var PrefectCredentialsBlockLiteral = &Rule{
	Meta: Meta{
		ID:         "prefect-credentials-block-literal",
		Title:      "prefect credentials block given a literal secret",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/configuration/store-secrets"},
		Why: "Credential blocks (`AwsCredentials`, `GcpCredentials`, `GitHubCredentials`, `SnowflakeCredentials`, " +
			"`DatabaseCredentials`, `SlackWebhook`, ...) exist so that code loads a credential by name. " +
			"Built in code with a literal key or password, the credential is in the repository.",
		Remediation: "Configure the block outside the code and load it: `AwsCredentials.load(\"prod\")`; " +
			"better, use workload identity (IRSA, GKE Workload Identity) and no key at all.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"prefect"},
}

func prefectCredentialsBlockLiteralHits(p *Pass, doc source.Document) []secretHit {
	m, ok := doc.(*python.Module)
	if !ok || !m.Frameworks().Has(python.Prefect) {
		return nil
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Name, "prefect") {
			continue
		}
		meth := c.Method()
		switch {
		case strings.HasSuffix(meth, "Credentials"):
			hs = append(hs, callSecretHits(p, c, "`"+sanitizeName(meth)+"`")...)
		case meth == "SlackWebhook":
			if u := c.ArgOrKeyword(0, "url"); u != nil {
				if lit, ok := literalSecret(u.Value()); ok && strings.Contains(lit.Text, "hooks.slack.com/") {
					hs = append(hs, secretHit{Span: u.Span, Secret: valueSecretSpan(p.File, lit), Message: "`SlackWebhook` URL is a literal"})
				}
			}
		}
	}
	return hs
}
