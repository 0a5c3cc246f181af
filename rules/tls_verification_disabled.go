package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// TLSVerificationDisabled reports HTTP clients and requests made with certificate verification
// turned off.
var TLSVerificationDisabled = &Rule{
	Meta: Meta{
		ID:         "tls-verification-disabled",
		Title:      "certificate verification disabled",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-295"},
		References: []string{"https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification",
			"https://www.python-httpx.org/advanced/ssl/"},
		Why: "With verification off, the client accepts any certificate, so anyone on the network path can " +
			"impersonate the endpoint, read the credentials and data a task sends, and alter what it receives. " +
			"Pipelines run unattended with API tokens and database passwords, which makes them a good target.",
		Remediation: "Remove `verify=False` (or `ssl=False`). If the endpoint uses a private certificate " +
			"authority, point the client at its bundle: `verify=\"/etc/ssl/certs/corp-ca.pem\"`, or set " +
			"`REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE` in the worker's environment.",
	},
	Python:      tlsVerificationDisabledPython,
	PythonNeeds: []string{"requests", "httpx", "aiohttp"},
}

// verifyKeywords maps client libraries to the keyword that turns verification off.
var verifyKeywords = []struct{ prefix, keyword string }{
	{"requests.", "verify"},
	{"httpx.", "verify"},
	{"aiohttp.", "ssl"},
	{"aiohttp.", "verify_ssl"},
}

func tlsVerificationDisabledPython(pass *Pass, m *python.Module) error {
	if !m.Imports("requests") && !m.Imports("httpx") && !m.Imports("aiohttp") {
		return nil // fast path: no HTTP client library
	}
	for _, c := range m.Calls() {
		for _, vk := range verifyKeywords {
			if !strings.HasPrefix(c.Name, vk.prefix) {
				continue
			}
			if kw := c.Keyword(vk.keyword); kw != nil && kw.Value.IsFalse() {
				pass.Reportf(kw.NameSpan.To(kw.Value.Span), "`%s` is called with %s=False", c.Name, vk.keyword)
			}
		}
	}
	for _, a := range m.Assignments() {
		switch a.Name {
		case "requests.Session.verify", "httpx.Client.verify", "httpx.AsyncClient.verify":
			if a.Value.IsFalse() {
				pass.Reportf(a.TargetSpan.To(a.Value.Span), "`%s` is set to False on a `%s`", a.Target,
					strings.TrimSuffix(a.Name, ".verify"))
			}
		}
	}
	return nil
}
