package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowMetadataDBTLSDisabled reports Airflow metadata database URLs that turn TLS off.
var AirflowMetadataDBTLSDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-metadata-db-tls-disabled",
		Title:      "airflow metadata database without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-319"},
		References: []string{"https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION",
			"https://airflow.apache.org/docs/apache-airflow/stable/howto/set-up-database.html"},
		Why: "The metadata database holds every connection, variable and XCom, and Airflow logs in to it with " +
			"its password. `sslmode=disable` (libpq; `allow` and `prefer` also accept a plaintext connection " +
			"and are reported at low severity), MySQL `ssl_disabled=true` / `ssl_mode=DISABLED` or `ssl=false` in " +
			"`[database] sql_alchemy_conn` (or `[core]` before 2.3, in any config format) let anyone on the " +
			"network path read that traffic. In-cluster hosts are reported at low severity; local and " +
			"socket connections are not reported. With a password in the URL the finding is high.",
		Remediation: "Use `sslmode=verify-full` with `sslrootcert=` (or at least `sslmode=require`), or the " +
			"driver's equivalent (`ssl_ca=` for MySQL).",
	},
	INI:    airflowSettingsHook[*ini.File](airflowMetadataDBTLSDisabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowMetadataDBTLSDisabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowMetadataDBTLSDisabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowMetadataDBTLSDisabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowMetadataDBTLSDisabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowMetadataDBTLSDisabledConfig),
}

func airflowMetadataDBTLSDisabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if !s.Is("database", "sql_alchemy_conn") || s.Via != airflow.Direct {
			continue
		}
		if f, ok := dbURLTLSOff(pass, s.Value, "the metadata database"); ok {
			f.Span = settingSpan(s.KeySpan, s.Value)
			pass.Report(f)
		}
	}
}

// dbURLTLSOff judges a database URL value that turns TLS off: the severity follows the host and
// whether the URL carries a password; `allow` / `prefer` are low.
func dbURLTLSOff(pass *Pass, v value.Value, what string) (Finding, bool) {
	t, ok := literalText(v)
	if !ok {
		return Finding{}, false
	}
	e, ok := parseEndpoint(t)
	if !ok {
		return Finding{}, false
	}
	param, off := urlTLSOff(e)
	if !off {
		return Finding{}, false
	}
	host := e.Host
	if h, ok := e.queryGet("host"); ok && host == "" {
		host = h
	}
	scope := classifyHost(pass, host)
	sev, report := scopeSeverity(scope, Medium, e.Password)
	if !report {
		return Finding{}, false
	}
	if m, _ := e.queryGet("sslmode"); m != "" && !strings.EqualFold(m, "disable") {
		sev = Low
	}
	f := Finding{Severity: sev, Message: what + " at " + scopeWhere(scope, host) + " is reached without TLS (`" + sanitizeName(param) + "`)"}
	if e.Password {
		f.Message += ": its password travels in clear"
		if v.Kind == value.Literal {
			f.Sensitive = []source.Span{passwordSpan(pass.File, v, e)}
		}
	}
	return f, true
}
