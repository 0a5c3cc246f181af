package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectAPITLSVerifyDisabled reports Prefect clients configured to skip certificate checks.
var PrefectAPITLSVerifyDisabled = &Rule{
	Meta: Meta{
		ID:         "prefect-api-tls-verify-disabled",
		Title:      "prefect client skips certificate checks",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-295"},
		References: []string{"https://docs.prefect.io/v3/api-ref/settings-ref#tls-insecure-skip-verify",
			"https://docs.prefect.io/v3/advanced/self-hosted"},
		Why: "`PREFECT_API_TLS_INSECURE_SKIP_VERIFY=true` (`api.tls_insecure_skip_verify`) makes every Prefect " +
			"client, worker and flow run accept any certificate from the API. They send the API key or auth " +
			"string with every request and receive flow code locations, block documents and parameters in " +
			"return, so an attacker on the path can take both and change what runs. Read from dotenv files, " +
			"`prefect.toml`, `profiles.toml`, `pyproject.toml` `[tool.prefect]` and environment lists in " +
			"compose files, Kubernetes manifests and Helm values.",
		Remediation: "Remove the setting and trust the server's CA instead: `PREFECT_API_SSL_CERT_FILE=/path/ca.pem` " +
			"(`api.ssl_cert_file`) or `SSL_CERT_FILE`.",
	},
	Dotenv: tlsPrefectHook[*dotenv.File](prefectAPITLSVerifyDisabledCheck),
	TOML:   tlsPrefectHook[*toml.File](prefectAPITLSVerifyDisabledCheck),
	YAML:   tlsPrefectHook[*yaml.Stream](prefectAPITLSVerifyDisabledCheck),
}

func prefectAPITLSVerifyDisabledCheck(pass *Pass, scope []prefectSetting) {
	for _, s := range scope {
		if s.Setting == prefect.APITLSInsecureSkipVerify && configTrue(s.Value) {
			f := Finding{Span: settingSpan(s.KeySpan, s.Value), Message: "the Prefect client accepts any certificate from the API"}
			if k, ok := prefectCredential(scope); ok {
				f.Message += ": the " + k.what + " is sent to an unverified endpoint"
				f.Related = []Related{{Path: pass.File.Path, Span: k.at, Message: "the " + k.what}}
			}
			pass.Report(f)
		}
	}
}
