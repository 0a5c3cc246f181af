package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// DagsterGraphQLClientPlaintext reports Dagster GraphQL clients that talk to a remote webserver
// over plain http, which is the client's default.
var DagsterGraphQLClientPlaintext = &Rule{
	Meta: Meta{
		ID:         "dagster-graphql-client-plaintext",
		Title:      "dagster graphql client over http",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-319"},
		References: []string{"https://docs.dagster.io/api/python-api/libraries/dagster-graphql"},
		Why: "`DagsterGraphQLClient` launches runs, reloads code locations and reads run state through the " +
			"webserver's GraphQL API, and `use_https` defaults to False: unless it is set, every request, and the " +
			"`Dagster-Cloud-Api-Token` header or `auth=` that authorises it, crosses the network in clear. Anyone " +
			"on the path can read the token and launch runs with it.\n\n" +
			"Reported for a literal host that is not local (localhost and loopback are left alone; single-label " +
			"and cluster-internal names are low), high when the client is given credentials.",
		Remediation: "Pass `use_https=True` (Dagster+ needs it: `DagsterGraphQLClient(\"org.dagster.cloud/prod\", " +
			"use_https=True, headers={\"Dagster-Cloud-Api-Token\": os.environ[\"DAGSTER_CLOUD_API_TOKEN\"]})`), or put " +
			"a TLS proxy in front of a self-hosted webserver.",
	},
	Python:      dagsterGraphQLClientPlaintextPython,
	PythonNeeds: []string{"DagsterGraphQLClient"},
}

func dagsterGraphQLClientPlaintextPython(pass *Pass, m *python.Module) error {
	for _, c := range m.Calls() {
		if !strings.HasSuffix(c.Name, "DagsterGraphQLClient") || !strings.HasPrefix(c.Name, "dagster_graphql.") {
			continue
		}
		if k := c.Keyword("use_https"); k != nil && !pyFalse(k.Value) {
			continue // on, or set from somewhere dagwarden cannot read
		}
		hostArg := c.Arg(0)
		if k := c.Keyword("hostname"); k != nil {
			hostArg = k.Value
		}
		text, ok := hostArg.String()
		if !ok {
			continue
		}
		host := text
		if e, ok := parseEndpoint(text); ok && e.Scheme != "" {
			host = e.Host
		}
		host, _, _ = strings.Cut(host, "/") // "org.dagster.cloud/prod": the deployment follows the host
		host, _, _ = strings.Cut(host, ":")
		cred := callCredential(pass, m, c, nil)
		scope := classifyHost(pass, host)
		sev, report := scopeSeverity(scope, Medium, cred != nil)
		if !report {
			continue
		}
		f := Finding{Span: hostArg.Span, Severity: sev,
			Message: "`DagsterGraphQLClient` talks to " + scopeWhere(scope, host) + " over plain http (use_https is off)"}
		if cred != nil {
			f.Message += ": " + cred.What + " travels in clear"
			f.Related = cred.related()
		}
		pass.Report(f)
	}
	return nil
}
