package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
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
			"https://www.python-httpx.org/advanced/ssl/",
			"https://docs.astral.sh/ruff/rules/request-with-no-cert-validation/"},
		Why: "With verification off, the client accepts any certificate, so anyone on the network path can " +
			"impersonate the endpoint, read the credentials and data a task sends, and alter what it receives. " +
			"Pipelines run unattended with API tokens and database passwords, which makes them a good target.\n\n" +
			"Reported: `verify=False` on requests and httpx calls, sessions and clients (`session.verify = False`, " +
			"`httpx.AsyncClient(verify=False)`), aiohttp `ssl=False` / `verify_ssl=False` (also on " +
			"`TCPConnector`), urllib3 pools with `cert_reqs=\"CERT_NONE\"`, `hvac.Client(verify=False)`, " +
			"Elasticsearch and OpenSearch clients with `verify_certs=False`, and the Kubernetes client's " +
			"`Configuration().verify_ssl = False`. The message says what travels to the unverified endpoint " +
			"when it is visible (an `Authorization` header, basic-auth credentials) and points at it. " +
			"Requests to a local host (localhost, 127.0.0.1) are not reported.\n\n" +
			"Pipelines often wrap requests in their own operators, hooks and session factories. `verify=False` " +
			"given to a call whose class name ends in Operator, Hook, Sensor, Client or Session, or to an HTTP " +
			"verb method (`api.get(..., verify=False)`), and `.verify = False` on an object named like a " +
			"session or client are reported at medium confidence: dagwarden cannot see the wrapper's code, " +
			"only that it is handed the flag. `jwt.decode(..., verify=False)` is not a TLS setting and is " +
			"left alone.\n\n" +
			"`urllib3.disable_warnings()` alone is reported at low confidence: it hides the warning that " +
			"unverified requests print, which usually means one is made somewhere. Next to a finding it is " +
			"shown as a related location instead.",
		Remediation: "Remove `verify=False` (or `ssl=False`, `verify_certs=False`). If the endpoint uses a private " +
			"certificate authority, point the client at its bundle: `verify=\"/etc/ssl/certs/corp-ca.pem\"`, or " +
			"set `REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE` in the worker's environment.",
	},
	Python: tlsVerificationDisabledPython,
	PythonNeeds: []string{"requests", "httpx", "aiohttp", "urllib3", "hvac", "elasticsearch", "opensearch",
		"kubernetes", "verify"},
}

// verifyKeywords maps client libraries to the keyword that turns verification off.
var verifyKeywords = []struct{ prefix, keyword string }{
	{"requests.", "verify"},
	{"httpx.", "verify"},
	{"aiohttp.", "ssl"},
	{"aiohttp.", "verify_ssl"},
	{"hvac.", "verify"},
	{"elasticsearch.", "verify_certs"},
	{"opensearchpy.", "verify_certs"},
	{"elasticsearch.", "ssl_assert_hostname"},
}

func tlsVerificationDisabledPython(pass *Pass, m *python.Module) error {
	found := wrapperVerifyOff(pass, m)
	if !m.Imports("requests") && !m.Imports("httpx") && !m.Imports("aiohttp") && !m.Imports("urllib3") &&
		!m.Imports("hvac") && !m.Imports("elasticsearch") && !m.Imports("opensearchpy") && !m.Imports("kubernetes") {
		reportAll(pass, found)
		return nil // fast path: no HTTP client library
	}
	var silenced []*python.Call
	for _, c := range m.Calls() {
		if strings.HasSuffix(c.Name, "urllib3.disable_warnings") {
			silenced = append(silenced, c)
			continue
		}
		for _, vk := range verifyKeywords {
			if !strings.HasPrefix(c.Name, vk.prefix) {
				continue
			}
			kw := c.Keyword(vk.keyword)
			if kw == nil || !kw.Value.IsFalse() {
				continue
			}
			if f, ok := verifyOffFinding(pass, m, c, kwSpan(kw), vk.keyword+"=False"); ok {
				found = append(found, f)
			}
		}
		if strings.Contains(c.Name, "urllib3.") {
			if kw := c.Keyword("cert_reqs"); kw != nil && isCertNone(kw.Value) {
				found = append(found, Finding{Span: kwSpan(kw), Message: "`" + c.Name + "` is created with cert_reqs=CERT_NONE"})
			}
		}
	}
	for _, a := range m.Assignments() {
		switch {
		case a.Name == "requests.Session.verify" || a.Name == "httpx.Client.verify" || a.Name == "httpx.AsyncClient.verify":
			if a.Value.IsFalse() {
				found = append(found, Finding{Span: a.TargetSpan.To(a.Value.Span),
					Message: "`" + a.Target + "` is set to False on a `" + strings.TrimSuffix(a.Name, ".verify") + "`"})
			}
		case strings.HasPrefix(a.Name, "kubernetes.") && strings.HasSuffix(a.Name, "Configuration.verify_ssl"):
			if a.Value.IsFalse() {
				found = append(found, Finding{Span: a.TargetSpan.To(a.Value.Span),
					Message: "`" + a.Target + "` is set to False: the Kubernetes API server's certificate is not checked"})
			}
		}
	}
	for _, f := range found {
		for _, s := range silenced {
			f.Related = append(f.Related, Related{Path: pass.File.Path, Span: s.Span, Message: "the insecure-request warning is silenced here"})
		}
		pass.Report(f)
	}
	if len(found) == 0 {
		for _, s := range silenced {
			pass.Report(Finding{Span: s.Span, Confidence: ConfidenceLow,
				Message: "urllib3's insecure-request warning is silenced: unverified requests are made somewhere"})
		}
	}
	return nil
}

// verifyOffFinding builds the finding for a call with verification off: it names what travels to
// the unverified endpoint, and skips requests to local hosts.
func verifyOffFinding(pass *Pass, m *python.Module, c *python.Call, at source.Span, what string) (Finding, bool) {
	urlArg := requestURL(c)
	if e, ok := exprURL(urlArg); ok {
		if s := classifyHost(pass, e.Host); s == hostLocal || s == hostAllowed {
			return Finding{}, false
		}
	}
	f := Finding{Span: at, Message: "`" + c.Name + "` is called with " + what}
	if cred := callCredential(pass, m, c, urlArg); cred != nil {
		f.Message += ": " + cred.What + " sent to an unverified endpoint"
		f.Related = cred.related()
	}
	return f, true
}

// requestURL is the URL argument of a client call or constructor: url= / base_url= / hosts=, or
// the first string-valued positional argument (requests.request(method, url) has it second).
func requestURL(c *python.Call) *python.Expr {
	for _, k := range []string{"url", "base_url", "str_or_url", "hosts"} {
		if kw := c.Keyword(k); kw != nil {
			return kw.Value
		}
	}
	if c.Method() == "request" {
		return c.Arg(1)
	}
	return c.Arg(0)
}

// isCertNone reports whether e is ssl.CERT_NONE or the string "CERT_NONE" / "NONE".
func isCertNone(e *python.Expr) bool {
	if e == nil {
		return false
	}
	if e.Name() == "ssl.CERT_NONE" || strings.HasSuffix(e.Text, "CERT_NONE") && e.Kind == "attribute" {
		return true
	}
	if s, ok := e.String(); ok {
		return strings.EqualFold(s, "CERT_NONE") || strings.EqualFold(s, "NONE")
	}
	return false
}
