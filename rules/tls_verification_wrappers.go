package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// Pipelines rarely call requests directly: they wrap it in a project's own operator, hook or
// session factory and pass verify=False through. Those calls and sessions are not resolved to a
// known library, so they are reported at medium confidence on the shape of the call.

// verifyLibraryPrefixes are the callees whose keywords other checks already read.
var verifyLibraryPrefixes = []string{"requests.", "httpx.", "aiohttp.", "hvac.", "elasticsearch.",
	"opensearchpy.", "urllib3.", "kubernetes.", "boto3.", "botocore.", "jwt.", "paramiko."}

// httpVerbs are methods that make a request on a client object.
var httpVerbs = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "request": true, "send": true, "stream": true}

// clientTypeSuffixes are the endings of class names that carry a verify flag to an HTTP client.
var clientTypeSuffixes = []string{"Operator", "Hook", "Sensor", "Client", "Session", "Connector", "Api", "API"}

// wrapperVerifyOff finds verify=False given to a call of a wrapper, and `.verify = False` on an
// object named like a session or client, in a module that need not import requests itself.
func wrapperVerifyOff(pass *Pass, m *python.Module) []Finding {
	var found []Finding
	for _, c := range m.Calls() {
		kw := c.Keyword("verify")
		if kw == nil || !kw.Value.IsFalse() || !isWrapperCall(c) {
			continue
		}
		if f, ok := verifyOffFinding(pass, m, c, kwSpan(kw), "verify=False"); ok {
			f.Confidence = ConfidenceMedium
			f.Message = "`" + calleeText(c) + "` is called with verify=False, which it passes to its HTTP client" +
				strings.TrimPrefix(f.Message, "`"+c.Name+"` is called with verify=False")
			found = append(found, f)
		}
	}
	for _, a := range m.Assignments() {
		if !strings.HasSuffix(a.Target, ".verify") || !a.Value.IsFalse() || knownVerifyAttr(a.Name) {
			continue
		}
		recv := strings.ToLower(strings.TrimSuffix(a.Target, ".verify"))
		recv = recv[strings.LastIndexByte(recv, '.')+1:]
		if !strings.Contains(recv, "session") && !strings.Contains(recv, "client") {
			continue
		}
		found = append(found, Finding{Span: a.TargetSpan.To(a.Value.Span), Confidence: ConfidenceMedium,
			Message: "`" + a.Target + "` is set to False: requests made through this session skip certificate checks"})
	}
	return found
}

// isWrapperCall reports whether c is a call that is not of a library another check reads, but
// looks like an HTTP request or an object that makes them.
func isWrapperCall(c *python.Call) bool {
	name := c.Name
	if name == "" {
		name = c.Callee
	}
	for _, p := range verifyLibraryPrefixes {
		if strings.HasPrefix(name, p) {
			return false
		}
	}
	method := c.Method()
	if c.Receiver != nil && httpVerbs[method] {
		return true
	}
	for _, s := range clientTypeSuffixes {
		if strings.HasSuffix(method, s) {
			return true
		}
	}
	return false
}

// knownVerifyAttr reports whether a resolved attribute write is read by the library checks.
func knownVerifyAttr(name string) bool {
	return name == "requests.Session.verify" || name == "httpx.Client.verify" || name == "httpx.AsyncClient.verify"
}

// calleeText is the callee as written, for the message.
func calleeText(c *python.Call) string {
	if c.Callee != "" {
		return sanitizeName(c.Callee)
	}
	return sanitizeName(c.Name)
}

// reportAll reports each finding.
func reportAll(pass *Pass, fs []Finding) {
	for _, f := range fs {
		pass.Report(f)
	}
}
