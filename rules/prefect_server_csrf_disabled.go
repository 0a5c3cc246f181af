package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/toml"
)

// PrefectServerCSRFDisabled reports Prefect servers configured with CSRF protection off.
var PrefectServerCSRFDisabled = &Rule{
	Meta: Meta{
		ID:         "prefect-server-csrf-disabled",
		Title:      "prefect server csrf protection disabled",
		Category:   Access,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-352"},
		References: []string{"https://docs.prefect.io/v3/advanced/security-settings"},
		Why: "`PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED=false` (`server.api.csrf_protection_enabled`, " +
			"legacy `PREFECT_SERVER_CSRF_PROTECTION_ENABLED`) lets any web page a Prefect user visits send " +
			"state-changing requests to the server in their browser: create deployments, run flows, change " +
			"blocks. Prefect recommends enabling it in production.\n\n" +
			"Only an explicit `false` is reported (the default is off too, but an unset value says nothing " +
			"about whether the file configures a server), and not when the same file disables the UI " +
			"(`PREFECT_SERVER_UI_ENABLED=false`, an API-only server).",
		Remediation: "Set `PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED=true` on the server; clients from " +
			"Prefect 2.x-late and 3.x handle the token automatically.",
	},
	Dotenv: prefectScopesHook[*dotenv.File](prefectServerCSRFDisabledCheck),
	TOML:   prefectScopesHook[*toml.File](prefectServerCSRFDisabledCheck),
}

func prefectServerCSRFDisabledCheck(pass *Pass, scope []prefectSetting) {
	if ui, ok := lookupPrefect(scope, prefect.ServerUIEnabled); ok && configFalse(ui.Value) {
		return
	}
	for _, s := range scope {
		if s.Setting == prefect.ServerCSRFProtection && configFalse(s.Value) {
			pass.Reportf(settingSpan(s.KeySpan, s.Value), "Prefect server CSRF protection is off: any web page can act in a logged-in user's name")
		}
	}
}
