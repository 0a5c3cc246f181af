package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// PrefectServerExposedWithoutAuth reports self-hosted Prefect servers bound to every interface
// without basic authentication.
var PrefectServerExposedWithoutAuth = &Rule{
	Meta: Meta{
		ID:         "prefect-server-exposed-without-auth",
		Title:      "prefect server listens on all interfaces without auth",
		Category:   Access,
		Severity:   Critical,
		Confidence: ConfidenceMedium,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-306"},
		References: []string{
			"https://docs.prefect.io/v3/advanced/security-settings",
			"https://docs.prefect.io/v3/api-ref/settings-ref",
		},
		Why: "A self-hosted Prefect server has no authentication unless `PREFECT_SERVER_API_AUTH_STRING` " +
			"(`server.api.auth_string`, Prefect 3.1+) is set; Prefect 2 servers have none at all. With " +
			"`PREFECT_SERVER_API_HOST=0.0.0.0` (`server.api.host`) it accepts connections from every " +
			"network it is on. Anyone who reaches it can create deployments that run code on the workers " +
			"and read every Secret and credentials block (`include_secrets=true`).\n\n" +
			"Confidence is medium: a server inside a container must bind `0.0.0.0`, and whether the port " +
			"is published is decided elsewhere (compose `ports:`, a Kubernetes Service), which this rule " +
			"does not see in `.env` and TOML files. The finding is silenced by an auth string in the same " +
			"file or profile, whatever its form (an env reference counts).",
		Remediation: "Set `PREFECT_SERVER_API_AUTH_STRING` from a secret (and `PREFECT_API_AUTH_STRING` on " +
			"clients), or put an authenticating proxy (OIDC, IAP) in front and bind the server to " +
			"`127.0.0.1`.",
	},
	Dotenv: prefectScopesHook[*dotenv.File](prefectServerExposedWithoutAuthCheck),
	TOML:   prefectScopesHook[*toml.File](prefectServerExposedWithoutAuthCheck),
}

func prefectServerExposedWithoutAuthCheck(pass *Pass, scope []prefectSetting) {
	host, ok := lookupPrefect(scope, prefect.ServerAPIHost)
	if !ok || host.Value.Kind != value.Literal || !allInterfaces(host.Value.Text) {
		return
	}
	if _, ok := lookupPrefect(scope, prefect.ServerAPIAuthString); ok {
		return
	}
	if _, ok := lookupPrefect(scope, prefect.APIAuthString); ok {
		return
	}
	pass.Reportf(settingSpan(host.KeySpan, host.Value),
		"Prefect server listens on `%s` with no auth string: anyone who reaches it can run flows and read secret blocks",
		sanitizeName(strings.TrimSpace(host.Value.Text)))
}

// allInterfaces reports whether a bind address means every interface.
func allInterfaces(h string) bool {
	switch strings.Trim(strings.TrimSpace(h), "[]") {
	case "0.0.0.0", "::", "*", "0":
		return true
	}
	return false
}
