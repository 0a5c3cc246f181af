package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectJobVariablesEnvSecret reports secret-named environment variables given literal values in
// deployment job variables.
var PrefectJobVariablesEnvSecret = &Rule{
	Meta: Meta{
		ID:         "prefect-job-variables-env-secret",
		Title:      "secret in prefect deployment job variables",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798", "CWE-200"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/deployments/customize-job-variables"},
		Why: "Job variables (`work_pool.job_variables.env` in prefect.yaml, `job_variables={\"env\": ...}` in " +
			"`flow.deploy`) are stored on the deployment and shown in its Configuration tab to everyone " +
			"with access to the workspace. A password there is both committed and on display.",
		Remediation: "Reference a Secret block (`SNOWFLAKE_PASSWORD: \"{{ prefect.blocks.secret.snowflake-pw }}\"`), " +
			"load the block inside the flow, or inject the variable from a Kubernetes Secret in the work " +
			"pool's base job template.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"job_variables"},
	YAML:        secretsReport[*yaml.Stream],
}

func prefectJobVariablesEnvSecretHits(p *Pass, doc source.Document) []secretHit {
	switch d := doc.(type) {
	case *python.Module:
		var hs []secretHit
		for _, c := range d.Calls() {
			if jv := c.Keyword("job_variables"); jv != nil && jv.Value != nil {
				hs = append(hs, dictSecretHits(p, jv.Value.Get("env"), "job variable `env`", 0)...)
			}
		}
		return hs
	case *yaml.Stream:
		if d.Kind() != yaml.PrefectYAML {
			return nil
		}
		var hs []secretHit
		for _, e := range d.Entries() {
			n := len(e.Path)
			if n < 3 || e.Path[n-2] != "env" || e.Path[n-3] != "job_variables" || !secrets.IsSecretName(e.Key()) {
				continue
			}
			if lit, ok := literalSecret(e.Value); ok {
				hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
					Message: "job variable " + quoteName(e.Key()) + " is a literal"})
			}
		}
		return hs
	}
	return nil
}
