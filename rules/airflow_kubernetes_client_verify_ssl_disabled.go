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

// AirflowKubernetesClientVerifySSLDisabled reports the Kubernetes executor's client configured
// without certificate checks.
var AirflowKubernetesClientVerifySSLDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-kubernetes-client-verify-ssl-disabled",
		Title:      "airflow kubernetes client skips certificate checks",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-295"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-cncf-kubernetes/stable/configurations-ref.html#verify-ssl"},
		Why: "`[kubernetes_executor] verify_ssl = False` (legacy `[kubernetes]`, " +
			"`AIRFLOW__KUBERNETES_EXECUTOR__VERIFY_SSL=False`) makes the scheduler's Kubernetes client accept " +
			"any certificate from the API server. The client authenticates with a service-account token that " +
			"can create pods; whoever intercepts it can run code in the cluster.",
		Remediation: "Remove the option (the default is `True`); for a private cluster CA set `ssl_ca_cert` to its " +
			"bundle.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowKubernetesClientVerifySSLDisabledConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowKubernetesClientVerifySSLDisabledConfig),
	JSON:   airflowSettingsHook[*jsonx.File](airflowKubernetesClientVerifySSLDisabledConfig),
	TOML:   airflowSettingsHook[*toml.File](airflowKubernetesClientVerifySSLDisabledConfig),
	YAML:   airflowSettingsHook[*yaml.Stream](airflowKubernetesClientVerifySSLDisabledConfig),
	HCL:    airflowSettingsHook[*hcl.File](airflowKubernetesClientVerifySSLDisabledConfig),
}

func airflowKubernetesClientVerifySSLDisabledConfig(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Is("kubernetes_executor", "verify_ssl") && configFalse(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "the Kubernetes executor's client does not verify the API server's certificate")
		}
	}
}
