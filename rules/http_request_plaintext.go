package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// HTTPRequestPlaintext reports HTTP and websocket requests over plain http:// or ws:// to hosts
// that are not local.
var HTTPRequestPlaintext = &Rule{
	Meta: Meta{
		ID:         "http-request-plaintext",
		Title:      "http request over plaintext",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-319"},
		References: []string{"https://cwe.mitre.org/data/definitions/319.html"},
		Why: "A task that calls an API over `http://` (or a websocket over `ws://`) sends the request and " +
			"receives the response in clear: anyone on the path can read the data and change what the " +
			"pipeline gets back. When the same request carries a credential (`auth=`, an `Authorization` or " +
			"API-key header, a password in the URL, a secret in the body) it travels in clear too, and the " +
			"finding is high and points at the credential.\n\n" +
			"Only URLs given to HTTP clients are judged (requests, httpx, aiohttp, urllib, websockets), not " +
			"every `http://` string. Local hosts (localhost, 127.0.0.0/8, ::1, host.docker.internal) and hosts " +
			"in the `allowed-hosts` option are not reported; single-label compose service names and " +
			"`*.svc.cluster.local` are in-cluster traffic and reported at low severity. Requests inside a " +
			"function decorated with an HTTP-mocking library (`@responses.activate`, `@respx.mock`, " +
			"`@httpretty.activate`, `@requests_mock.Mocker()`) never reach the network and are not reported.",
		Remediation: "Use the `https://` (or `wss://`) URL of the service; if it has none, put a TLS proxy in front " +
			"of it, or list the host in `allowed-hosts` when the network path is trusted.",
	},
	Python:      httpRequestPlaintextPython,
	PythonNeeds: []string{"requests", "httpx", "aiohttp", "urllib", "websocket"},
}

// isHTTPClientCall reports whether a call sends a request (or builds a client) whose URL argument
// is requestURL(c).
func isHTTPClientCall(name string) bool {
	switch {
	case strings.HasPrefix(name, "requests."), strings.HasPrefix(name, "httpx."):
		m := name[strings.LastIndexByte(name, '.')+1:]
		return httpMethods[m] || m == "Client" || m == "AsyncClient" || m == "stream"
	case strings.HasPrefix(name, "aiohttp."):
		m := name[strings.LastIndexByte(name, '.')+1:]
		return httpMethods[m] || m == "ws_connect" || m == "ClientSession"
	case name == "urllib.request.urlopen" || name == "urllib.request.Request" || name == "urllib.request.urlretrieve":
		return true
	case name == "websockets.connect" || name == "websockets.client.connect" || name == "websocket.create_connection" ||
		name == "websocket.WebSocketApp" || name == "websockets.sync.client.connect":
		return true
	}
	return false
}

var httpMethods = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true, "head": true,
	"options": true, "request": true}

func httpRequestPlaintextPython(pass *Pass, m *python.Module) error {
	if !m.Imports("requests") && !m.Imports("httpx") && !m.Imports("aiohttp") && !m.Imports("urllib") &&
		!m.Imports("websockets") && !m.Imports("websocket") {
		return nil
	}
	for _, c := range m.Calls() {
		if !isHTTPClientCall(c.Name) || inMockedHTTP(c.Func) {
			continue
		}
		u := requestURL(c)
		e, ok := exprURL(u)
		if !ok || (e.Scheme != "http" && e.Scheme != "ws") {
			continue
		}
		cred := callCredential(pass, m, c, u)
		scope := classifyHost(pass, e.Host)
		sev, report := scopeSeverity(scope, Medium, cred != nil)
		if !report {
			continue
		}
		f := Finding{Span: u.Span, Severity: sev, Message: "`" + c.Name + "` sends a request over plain " + e.Scheme + " to " + scopeWhere(scope, e.Host)}
		if cred != nil {
			f.Message = "`" + c.Name + "` sends " + cred.What + " over plain " + e.Scheme + " to " + scopeWhere(scope, e.Host)
			f.Related = cred.related()
		}
		if e.Password {
			if v := u.Value(); v.Kind == value.Literal {
				f.Sensitive = []source.Span{passwordSpan(pass.File, v, e)}
			}
		}
		pass.Report(f)
	}
	return nil
}
