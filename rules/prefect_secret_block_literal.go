package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// PrefectSecretBlockLiteral reports Prefect Secret blocks created from a literal value.
var PrefectSecretBlockLiteral = &Rule{
	Meta: Meta{
		ID:         "prefect-secret-block-literal",
		Title:      "prefect secret block created from a literal",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/configuration/store-secrets"},
		Why: "`Secret(value=\"...\").save(\"name\")` stores the value encrypted in Prefect, but the value " +
			"itself is now in the repository, readable by everyone with access to it and kept in its " +
			"history. The block protects nothing.",
		Remediation: "Create the block once outside the code (the UI, `prefect block create`, Terraform " +
			"`prefect_block` with `data_wo`), and only load it in code: `Secret.load(\"name\").get()`.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"prefect"},
}

func prefectSecretBlockLiteralHits(p *Pass, doc source.Document) []secretHit {
	m, ok := doc.(*python.Module)
	if !ok || !m.Imports("prefect") {
		return nil
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		if c.Name != "prefect.blocks.system.Secret" {
			continue
		}
		if v := c.ArgOrKeyword(0, "value"); v != nil {
			if lit, ok := literalSecret(v.Value()); ok {
				hs = append(hs, secretHit{Span: c.Span, Secret: valueSecretSpan(p.File, lit), Message: "Secret block value is a literal"})
			}
		}
	}
	return hs
}
