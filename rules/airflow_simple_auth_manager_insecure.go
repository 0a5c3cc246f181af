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

// AirflowSimpleAuthManagerInsecure reports Airflow 3's SimpleAuthManager set to make everyone admin.
var AirflowSimpleAuthManagerInsecure = &Rule{
	Meta: Meta{
		ID:         "airflow-simple-auth-manager-insecure",
		Title:      "airflow simple auth manager makes everyone admin",
		Category:   Access,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-306"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/auth-manager/simple/index.html"},
		Why: "`[core] simple_auth_manager_all_admins = True` (`AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS`) " +
			"tells Airflow 3's default SimpleAuthManager to \"disable authentication and allow everyone as " +
			"admin\". Anyone who reaches the API server or UI can run code through DAG triggers, read " +
			"connections and change every setting. The SimpleAuthManager itself is meant for development.\n\n" +
			"`simple_auth_manager_users = \"admin:admin\"` is `username:role`, not a password, and is not " +
			"reported.",
		Remediation: "Remove `simple_auth_manager_all_admins` and use the FAB auth manager or an SSO auth " +
			"manager (`[core] auth_manager = airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager`).",
	},
	INI:    airflowSettingsHook[*ini.File](airflowSimpleAuthManagerInsecureConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowSimpleAuthManagerInsecureConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowSimpleAuthManagerInsecureConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowSimpleAuthManagerInsecureConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowSimpleAuthManagerInsecureConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowSimpleAuthManagerInsecureConfig),
}

func airflowSimpleAuthManagerInsecureConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("core", "simple_auth_manager_all_admins") && configTrue(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "authentication is off: every visitor is an Airflow admin (`simple_auth_manager_all_admins`)")
		}
	}
}
