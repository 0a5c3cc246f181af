package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowExperimentalAPIEnabled reports Airflow 2 configs that turn on the experimental REST API.
var AirflowExperimentalAPIEnabled = &Rule{
	Meta: Meta{
		ID:         "airflow-experimental-api-enabled",
		Title:      "airflow experimental api enabled",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-284"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/2.7.1/configurations-ref.html#enable-experimental-api"},
		Why: "The experimental REST API of Airflow 1.10 and 2.x has no access control: \"the authenticated " +
			"user has full access\", so every account, however limited its UI role, can trigger DAGs, read " +
			"task instances and pools. Combined with an allow-all auth backend it was CVE-2020-13927. " +
			"Airflow 3 removed it.",
		Remediation: "Leave `[api] enable_experimental_api` at `False` and use the stable REST API, which " +
			"checks each caller's permissions.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowExperimentalAPIEnabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowExperimentalAPIEnabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowExperimentalAPIEnabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowExperimentalAPIEnabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowExperimentalAPIEnabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowExperimentalAPIEnabledConfig),
}

func airflowExperimentalAPIEnabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("api", "enable_experimental_api") && configTrue(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "experimental API is enabled: every logged-in user has full access to it")
		}
	}
}
