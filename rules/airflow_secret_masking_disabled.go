package rules

import (
	"strconv"
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

// AirflowSecretMaskingDisabled reports Airflow configured not to mask secrets in task logs and the UI.
var AirflowSecretMaskingDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-secret-masking-disabled",
		Title:      "airflow secret masking in logs and ui turned off",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-532"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/configurations-ref.html#hide-sensitive-var-conn-fields",
		},
		Why: "Airflow replaces connection passwords, Variables with sensitive names and sensitive connection " +
			"extra fields by `***` wherever they appear in task logs and the Rendered Template view. " +
			"`[core] hide_sensitive_var_conn_fields = False` (`AIRFLOW__CORE__HIDE_SENSITIVE_VAR_CONN_FIELDS`, " +
			"`core.hide_sensitive_var_conn_fields` in MWAA options, `config.core` in the Helm chart) turns that " +
			"off: every credential a task prints, logs, raises or renders into a command is then stored in " +
			"clear in the task logs and shown to everyone who can read them.\n\n" +
			"`[logging] min_length_masked_secret` (Airflow 3) leaves secrets shorter than it unmasked; a value " +
			"above 8 exempts many real passwords and is reported at medium severity.\n\n" +
			"An empty `[core] sensitive_var_conn_names` is the default and is not reported by itself. What makes " +
			"it matter, DAGs whose Variables have names Airflow does not mask (`snowflake_pw`, `warehouse_dsn`), " +
			"is reported where such a value is used, at high severity, by `airflow-secret-logged-in-task` and " +
			"`airflow-secret-in-logged-command`.",
		Remediation: "Leave `hide_sensitive_var_conn_fields` at its default `True`, keep " +
			"`min_length_masked_secret` at 5 or lower, and extend `[core] sensitive_var_conn_names` with the " +
			"names your Variables use (`pw,dsn,cred`) rather than turning masking off.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowSecretMaskingDisabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowSecretMaskingDisabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowSecretMaskingDisabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowSecretMaskingDisabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowSecretMaskingDisabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowSecretMaskingDisabledConfig),
}

// maxMaskedSecretLength is the highest min_length_masked_secret not reported: 8 still masks
// passwords of the usual minimum length.
const maxMaskedSecretLength = 8

func airflowSecretMaskingDisabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Via != airflow.Direct {
			continue
		}
		switch {
		case s.Is("core", "hide_sensitive_var_conn_fields") && configFalse(s.Value):
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "secret masking in task logs and the UI is turned off (`hide_sensitive_var_conn_fields = %s`)",
				sanitizeName(strings.TrimSpace(s.Value.Text)))
		case s.Is("logging", "min_length_masked_secret"):
			if n, ok := configInt(s.Value); ok && n > maxMaskedSecretLength {
				pass.Report(Finding{
					Span:     settingSpan(s.KeySpan, s.Value),
					Message:  "secrets shorter than " + strconv.Itoa(n) + " characters are not masked in task logs (`min_length_masked_secret`)",
					Severity: Medium,
				})
			}
		}
	}
}

// configInt reads a literal integer option value.
func configInt(v value.Value) (int, bool) {
	if v.Kind != value.Literal {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Text))
	return n, err == nil
}
