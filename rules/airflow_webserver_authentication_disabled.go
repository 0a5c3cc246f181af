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

// AirflowWebserverAuthenticationDisabled reports Airflow 1.x configs that serve the UI without login.
var AirflowWebserverAuthenticationDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-webserver-authentication-disabled",
		Title:      "airflow 1.x webserver without authentication",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceMedium,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-306"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/1.10.15/security.html#web-authentication"},
		Why: "In Airflow 1.10 the classic (non-RBAC) UI only asks for a login when `[webserver] authenticate = " +
			"True`. With `authenticate = False` (`AIRFLOW__WEBSERVER__AUTHENTICATE=False`) and without `rbac = " +
			"True`, anyone who reaches the webserver can edit connections, read their passwords in the admin " +
			"views and trigger DAGs. Such configs are still copied into new deployments.\n\n" +
			"The finding has medium confidence: Airflow 2 and later ignore the option (the UI always " +
			"authenticates), so it is dead configuration there. It is not reported when the same file sets " +
			"`rbac = True`.",
		Remediation: "Upgrade to a supported Airflow. On 1.10, set `[webserver] rbac = True` and configure " +
			"authentication in `webserver_config.py`.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowWebserverAuthenticationDisabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowWebserverAuthenticationDisabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowWebserverAuthenticationDisabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowWebserverAuthenticationDisabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowWebserverAuthenticationDisabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowWebserverAuthenticationDisabledConfig),
}

func airflowWebserverAuthenticationDisabledConfig(pass *Pass, settings []airflow.Setting) {
	if s, ok := lastSetting(settings, "webserver", "rbac"); ok && configTrue(s.Value) {
		return // the RBAC UI always authenticates
	}
	for _, s := range settings {
		if s.Is("webserver", "authenticate") && configFalse(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "webserver serves the UI to anonymous users with full rights (`authenticate = False`)")
		}
	}
}
