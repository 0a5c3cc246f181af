package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectAPIURLPlaintext reports Prefect API URLs that use plain http to a remote host.
var PrefectAPIURLPlaintext = &Rule{
	Meta: Meta{
		ID:         "prefect-api-url-plaintext",
		Title:      "prefect api reached over http",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-319"},
		References: []string{"https://docs.prefect.io/v3/advanced/security-settings",
			"https://docs.prefect.io/v3/advanced/self-hosted"},
		Why: "`PREFECT_API_URL` (`api.url`) and `PREFECT_UI_API_URL` (`ui.api_url`) are where clients, workers " +
			"and browsers send every API call. Over `http://` to a remote host, flow parameters, block documents " +
			"and logs travel in clear; when the same scope sets `PREFECT_API_KEY` or `PREFECT_API_AUTH_STRING` " +
			"the credential does too, and the finding is high. Local URLs (`http://127.0.0.1:4200/api`) are " +
			"not reported; in-cluster ones (`http://prefect-server.prefect.svc.cluster.local:4200/api`, a " +
			"compose service name) are low.\n\n" +
			"Read from env files, Dockerfiles, TOML profiles, compose and Kubernetes env lists (including a " +
			"chart's `extraEnvVars`), and the Prefect charts' own values: `worker.selfHostedServerApiConfig.apiUrl`, " +
			"`worker.customerManagedCloudApiConfig.apiUrl` and `server.uiConfig.prefectUiApiUrl`, which the " +
			"charts turn into these settings.",
		Remediation: "Put the server behind a TLS reverse proxy and use its `https://` URL.",
	},
	Dotenv: tlsPrefectHook[*dotenv.File](prefectAPIURLPlaintextCheck),
	TOML:   tlsPrefectHook[*toml.File](prefectAPIURLPlaintextCheck),
	YAML:   tlsPrefectHook[*yaml.Stream](prefectAPIURLPlaintextCheck),
}

func prefectAPIURLPlaintextCheck(pass *Pass, scope []prefectSetting) {
	cred, hasCred := prefectCredential(scope)
	for _, s := range scope {
		if s.Setting != prefect.APIURL && s.Setting != "PREFECT_UI_API_URL" && s.Setting != "PREFECT_SERVER_UI_API_URL" {
			continue
		}
		t, ok := literalText(s.Value)
		if !ok {
			continue
		}
		e, ok := parseEndpoint(t)
		if !ok || e.Scheme != "http" {
			continue
		}
		scope := classifyHost(pass, e.Host)
		sev, report := scopeSeverity(scope, Medium, hasCred)
		if !report {
			continue
		}
		f := Finding{Span: settingSpan(s.KeySpan, s.Value), Severity: sev,
			Message: "the Prefect API is reached over plain http at " + scopeWhere(scope, e.Host)}
		if hasCred {
			f.Message += ": the " + cred.what + " travels in clear"
			f.Related = []Related{{Path: pass.File.Path, Span: cred.at, Message: "the " + cred.what}}
		}
		pass.Report(f)
	}
}

// prefectCred is the credential a Prefect client sends, as set in a scope.
type prefectCred struct {
	what string
	at   source.Span
}

// prefectCredential finds PREFECT_API_KEY or PREFECT_API_AUTH_STRING set (to anything but an empty
// value) in a scope.
func prefectCredential(scope []prefectSetting) (prefectCred, bool) {
	for _, s := range scope {
		if s.Setting != prefect.APIKey && s.Setting != prefect.APIAuthString {
			continue
		}
		if s.Value.Kind == value.Literal && s.Value.Text == "" {
			continue
		}
		what := "API key"
		if s.Setting == prefect.APIAuthString {
			what = "auth string"
		}
		return prefectCred{what, s.KeySpan}, true
	}
	return prefectCred{}, false
}
