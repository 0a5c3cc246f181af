package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DagsterPlusTokenHardcoded reports literal Dagster+ agent and user tokens.
var DagsterPlusTokenHardcoded = &Rule{
	Meta: Meta{
		ID:         "dagster-plus-token-hardcoded",
		Title:      "dagster+ token written in configuration",
		Category:   Secrets,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.dagster.io/deployment/dagster-plus/management/tokens"},
		Why: "A Dagster+ agent token (`dagster_cloud_api.agent_token`, `DAGSTER_CLOUD_AGENT_TOKEN`) lets its " +
			"holder run an agent for your organisation and receive its code locations and run " +
			"requests; a user token (`DAGSTER_CLOUD_API_TOKEN`, the `Dagster-Cloud-Api-Token` header) acts " +
			"as the user.",
		Remediation: "Read the token from the environment (`agent_token: {env: DAGSTER_CLOUD_AGENT_TOKEN}`) " +
			"and fill it from a Kubernetes Secret or CI secret. Revoke the committed token.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"DAGSTER_CLOUD", "Dagster-Cloud-Api-Token"},
	Dotenv:      secretsReport[*dotenv.File],
	TOML:        secretsReport[*toml.File],
	JSON:        secretsReport[*jsonx.File],
	YAML:        secretsReport[*yaml.Stream],
	HCL:         secretsReport[*hcl.File],
}

func dagsterPlusTokenHardcodedHits(p *Pass, doc source.Document) []secretHit {
	isTokenName := func(n string) bool {
		u := strings.ToUpper(n)
		return u == "DAGSTER_CLOUD_API_TOKEN" || u == "DAGSTER_CLOUD_AGENT_TOKEN"
	}
	if m, ok := doc.(*python.Module); ok {
		return environAssignmentHits(p, m, isTokenName, "%s is set to a literal")
	}
	return entryLiteralHits(p, doc, func(e value.Entry) bool {
		return isTokenName(e.Key()) || e.Key() == "agent_token" && len(e.Path) >= 2 && e.Path[len(e.Path)-2] == "dagster_cloud_api"
	}, "Dagster+ token `%s` is a literal")
}
