package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectAPIKeyHardcoded reports a literal Prefect Cloud API key setting.
var PrefectAPIKeyHardcoded = &Rule{
	Meta: Meta{
		ID:         "prefect-api-key-hardcoded",
		Title:      "prefect api key written in configuration",
		Category:   Secrets,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.prefect.io/v3/api-ref/settings-ref#key"},
		Why: "`PREFECT_API_KEY` (`api.key` in prefect.toml, a profile in profiles.toml, `api_key` of the " +
			"Terraform provider) authenticates to Prefect Cloud as a user (`pnu_`) or a service account " +
			"(`pnb_`): whoever has it can read every flow run, its logs and blocks, and run " +
			"deployments on your workers.",
		Remediation: "Set the key from a secret store at run time (a Kubernetes Secret, a CI secret, Helm " +
			"`worker.cloudApiConfig.apiKeySecret`, Terraform `api_key = var.prefect_api_key` with a " +
			"sensitive variable). Revoke the committed key in Prefect Cloud.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"PREFECT_API_KEY"},
	Dotenv:      secretsReport[*dotenv.File],
	TOML:        secretsReport[*toml.File],
	JSON:        secretsReport[*jsonx.File],
	YAML:        secretsReport[*yaml.Stream],
	HCL:         secretsReport[*hcl.File],
}

func prefectAPIKeyHardcodedHits(p *Pass, doc source.Document) []secretHit {
	if m, ok := doc.(*python.Module); ok {
		return environAssignmentHits(p, m, func(name string) bool { s, ok := prefect.SettingFromEnv(name); return ok && s == prefect.APIKey },
			"%s is set to a literal")
	}
	hs := entryLiteralHits(p, doc, func(e value.Entry) bool {
		return isPrefectSetting(doc, e, prefect.APIKey)
	}, "Prefect API key `%s` is a literal")
	if _, ok := doc.(*hcl.File); ok {
		hs = append(hs, entryLiteralHits(p, doc, func(e value.Entry) bool {
			return len(e.Path) >= 3 && e.Path[0] == "provider" && e.Path[1] == "prefect" && e.Key() == "api_key"
		}, "Prefect provider `%s` is a literal")...)
	}
	return hs
}
