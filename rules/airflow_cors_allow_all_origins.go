package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowCORSAllowAllOrigins reports an Airflow REST API that accepts cross-origin requests from
// every origin.
var AirflowCORSAllowAllOrigins = &Rule{
	Meta: Meta{
		ID:         "airflow-cors-allow-all-origins",
		Title:      "airflow api allows cross-origin requests from any origin",
		Category:   Access,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-942"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#access-control-allow-origins",
			"https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS",
		},
		Why: "`[api] access_control_allow_origins` (`AIRFLOW__API__ACCESS_CONTROL_ALLOW_ORIGINS`, " +
			"`access_control_allow_origin` before 2.2) lists the web origins whose scripts may call the " +
			"REST API from a browser; it is empty by default. A `*` in it lets a script on any web page " +
			"send requests to the API and read the answers: with the basic-auth or Kerberos backends, or " +
			"an API reachable without authentication, that page can list DAGs, connections and variables " +
			"and trigger runs from the browser of anyone on the network who opens it.\n\n" +
			"Reported in every spelling of the option (airflow.cfg, environment, compose, Helm " +
			"`config.api`, MWAA options). A list of explicit origins is not reported.",
		Remediation: "List the origins that need the API, separated by spaces " +
			"(`access_control_allow_origins = https://portal.example.com`), or leave the option empty; keep " +
			"`access_control_allow_methods` and `access_control_allow_headers` to what those callers use.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowCORSAllowAllOriginsConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowCORSAllowAllOriginsConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowCORSAllowAllOriginsConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowCORSAllowAllOriginsConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowCORSAllowAllOriginsConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowCORSAllowAllOriginsConfig),
}

func airflowCORSAllowAllOriginsConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("api", "access_control_allow_origins") && anyOriginListed(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value),
				"REST API accepts cross-origin requests from any web origin (`access_control_allow_origins = *`)")
		}
	}
}

// anyOriginListed reports whether a literal origin list (space- or comma-separated) holds `*`.
func anyOriginListed(v value.Value) bool {
	if v.Kind != value.Literal {
		return false
	}
	for _, o := range strings.FieldsFunc(v.Text, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		if strings.Trim(o, `"'[]`) == "*" {
			return true
		}
	}
	return false
}
