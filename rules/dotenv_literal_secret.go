package rules

import (
	"path"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// DotenvLiteralSecret reports secret-named variables with literal values in .env files.
var DotenvLiteralSecret = &Rule{
	Meta: Meta{
		ID:         "dotenv-literal-secret",
		Title:      "secret in a committed env file",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceMedium,
		CWE:        []string{"CWE-798", "CWE-260"},
		References: []string{"https://docs.docker.com/compose/how-tos/environment-variables/best-practices/"},
		Why: "A `.env` file is meant to stay on one machine; dagwarden skips the ones `.gitignore` " +
			"excludes, so a `.env` it reads is usually committed. A variable named like a credential " +
			"(`DB_PASSWORD`, `API_TOKEN`, `AWS_SECRET_ACCESS_KEY`) with a real-looking value is then a " +
			"committed secret, even when its entropy is too low for a token scanner. Placeholders " +
			"(`changeme`, `<password>`, `${VAR}`) are not reported; template files (`.env.example`, " +
			"`.env.sample`, `.env.template`) are reported with low severity, since their values are " +
			"meant to be replaced.",
		Remediation: "Add the file to `.gitignore`, commit a `.env.example` with placeholders instead, and " +
			"rotate the credentials that were committed.",
	},
	Dotenv: secretsReport[*dotenv.File],
}

func dotenvLiteralSecretHits(p *Pass, doc source.Document) []secretHit {
	d, ok := doc.(*dotenv.File)
	if !ok {
		return nil
	}
	base := strings.ToLower(path.Base(p.File.Path))
	template := strings.Contains(base, "example") || strings.Contains(base, "sample") ||
		strings.Contains(base, "template") || strings.HasSuffix(base, ".dist")
	var hs []secretHit
	for _, v := range d.Vars() {
		if !v.Assigned || !secrets.IsSecretName(v.Name) {
			continue
		}
		lit, ok := literalSecret(v.Value)
		if !ok {
			continue
		}
		h := secretHit{Span: settingSpan(v.NameSpan, v.Value), Secret: valueSecretSpan(p.File, lit),
			Message: quoteName(v.Name) + " is a literal"}
		if template {
			h.Severity = Low
		}
		hs = append(hs, h)
	}
	return hs
}
