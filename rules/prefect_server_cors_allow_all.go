package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectServerCORSAllowAll reports self-hosted Prefect servers that accept cross-origin requests
// from every origin.
var PrefectServerCORSAllowAll = &Rule{
	Meta: Meta{
		ID:         "prefect-server-cors-allow-all",
		Title:      "prefect server allows cross-origin requests from any origin",
		Category:   Access,
		Severity:   Low,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-942"},
		References: []string{
			"https://docs.prefect.io/v3/advanced/security-settings",
			"https://docs.prefect.io/v3/api-ref/settings-ref",
		},
		Why: "`PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS` (`server.api.cors_allowed_origins`, legacy " +
			"`PREFECT_SERVER_CORS_ALLOWED_ORIGINS`) lists the web origins whose scripts may call the " +
			"server's API from a browser, and defaults to `*`. With `*`, a script on any web page can " +
			"call a server that the visitor's browser can reach (a server on the office network or on " +
			"localhost has no authentication of its own) and read the answers: flows, deployments, " +
			"logs, block documents.\n\n" +
			"An explicit `*` is reported at high confidence. A server configured to listen on every " +
			"interface (`PREFECT_SERVER_API_HOST=0.0.0.0`) that leaves the option unset gets the `*` " +
			"default and is reported at low confidence. Files are read as one scope per process: a " +
			"dotenv file, a profile, `prefect.toml`, a compose service's environment, a Kubernetes or " +
			"Helm document's env lists.",
		Remediation: "Set `PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS` to the origin that serves the UI " +
			"(`https://prefect.example.com`), comma-separated if there are several.",
	},
	Dotenv: prefectScopesHook[*dotenv.File](prefectServerCORSAllowAllCheck),
	TOML:   prefectScopesHook[*toml.File](prefectServerCORSAllowAllCheck),
	YAML:   prefectScopesHook[*yaml.Stream](prefectServerCORSAllowAllCheck),
}

func prefectServerCORSAllowAllCheck(pass *Pass, scope []prefectSetting) {
	if origins, ok := lookupPrefect(scope, prefect.ServerCORSAllowedOrigins); ok {
		if anyOriginListed(origins.Value) {
			pass.Reportf(settingSpan(origins.KeySpan, origins.Value),
				"Prefect server accepts cross-origin requests from any web origin (`*`)")
		}
		return
	}
	host, ok := lookupPrefect(scope, prefect.ServerAPIHost)
	if !ok || host.Value.Kind != value.Literal || !allInterfaces(host.Value.Text) {
		return
	}
	pass.Report(Finding{Span: settingSpan(host.KeySpan, host.Value), Confidence: ConfidenceLow,
		Message: "Prefect server listens on `" + sanitizeName(strings.TrimSpace(host.Value.Text)) +
			"` and leaves its CORS origins at the default `*`: any web page can call it from a visitor's browser"})
}
