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

// AirflowAPIAuthBackendAllowAll reports REST API auth backends that let every request through.
var AirflowAPIAuthBackendAllowAll = &Rule{
	Meta: Meta{
		ID:         "airflow-api-auth-backend-allow-all",
		Title:      "airflow api accepts unauthenticated requests",
		Category:   Access,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-306"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/2.7.1/security/api.html",
			"https://nvd.nist.gov/vuln/detail/CVE-2020-13927",
		},
		Why: "`airflow.api.auth.backend.default` \"allows all requests for historic reasons\": with it in " +
			"`[api] auth_backends` (`auth_backend` before 2.3, `[fab] auth_backends` with the FAB provider, " +
			"or the matching `AIRFLOW__…__AUTH_BACKEND(S)` variables) the REST API does not ask who is " +
			"calling. Requests then run with the permissions of the anonymous user: nothing by default, " +
			"everything with `AUTH_ROLE_PUBLIC = \"Admin\"`. The experimental API has no permission checks " +
			"at all, which is how CVE-2020-13927 (in CISA's KEV list) was exploited.\n\n" +
			"Reported as high; critical when the same file also enables the experimental API. A unit-test " +
			"configuration (`[core] unit_test_mode = True`, as in Airflow's `unittests.cfg`) is reported at low " +
			"confidence: no server runs with it.",
		Remediation: "Use `airflow.providers.fab.auth_manager.api.auth.backend.session` (with `basic_auth` or " +
			"`kerberos_auth` for scripts), or `airflow.api.auth.backend.deny_all` when the API is not used.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowAPIAuthBackendAllowAllConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowAPIAuthBackendAllowAllConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowAPIAuthBackendAllowAllConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowAPIAuthBackendAllowAllConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowAPIAuthBackendAllowAllConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowAPIAuthBackendAllowAllConfig),
}

func airflowAPIAuthBackendAllowAllConfig(pass *Pass, settings []airflow.Setting) {
	experimental := false
	if s, ok := lastSetting(settings, "api", "enable_experimental_api"); ok && configTrue(s.Value) {
		experimental = true
	}
	// Airflow's own test settings (unittests.cfg) turn unit_test_mode on: no server reads them
	unitTest := false
	if s, ok := lastSetting(settings, "core", "unit_test_mode"); ok && configTrue(s.Value) {
		unitTest = true
	}
	for _, s := range settings {
		if !s.Is("fab", "auth_backends") || s.Via != airflow.Direct || s.Value.Kind != value.Literal {
			continue
		}
		for _, b := range strings.FieldsFunc(s.Value.Text, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
			if !isAllowAllBackend(b) {
				continue
			}
			f := Finding{Span: settingSpan(s.KeySpan, s.Value), Severity: High,
				Message: "API auth backend `" + sanitizeName(b) + "` lets every request in without authentication"}
			if experimental {
				f.Severity = Critical
				f.Message += "; the experimental API is enabled"
			}
			if unitTest {
				f.Confidence = ConfidenceLow
				f.Message += " (a unit-test configuration: `unit_test_mode = True`)"
			}
			pass.Report(f)
			break
		}
	}
}

// isAllowAllBackend recognises the allow-all backend, also under a provider's module path.
func isAllowAllBackend(module string) bool {
	return module == "airflow.api.auth.backend.default" ||
		strings.HasPrefix(module, "airflow.providers.") && strings.HasSuffix(module, ".api.auth.backend.default")
}
