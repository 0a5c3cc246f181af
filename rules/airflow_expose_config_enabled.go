package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowExposeConfigEnabled reports the UI showing the whole configuration, secrets included.
var AirflowExposeConfigEnabled = &Rule{
	Meta: Meta{
		ID:         "airflow-expose-config-enabled",
		Title:      "airflow ui shows the full configuration",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-200"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#expose-config"},
		Why: "`expose_config = True` (`[webserver]` in Airflow 2, `[api]` from 3.0.1, or " +
			"`AIRFLOW__WEBSERVER__EXPOSE_CONFIG` / `AIRFLOW__API__EXPOSE_CONFIG`) shows every configuration " +
			"value on the Configuration page and API endpoint: the Fernet key, the metadata database URL " +
			"with its password, the webserver secret key and broker credentials. Everyone who may view it " +
			"gets the keys to all stored connections.\n\n" +
			"`non-sensitive-only` hides the options Airflow marks sensitive and is not reported.",
		Remediation: "Set `expose_config = False` (the default), or `non-sensitive-only` if operators need " +
			"to see the configuration.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowExposeConfigEnabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowExposeConfigEnabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowExposeConfigEnabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowExposeConfigEnabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowExposeConfigEnabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowExposeConfigEnabledConfig),
}

func airflowExposeConfigEnabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("api", "expose_config") && configTrue(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "configuration page shows every option, secrets included (`expose_config = %s`)",
				sanitizeName(strings.TrimSpace(s.Value.Text)))
		}
	}
}
