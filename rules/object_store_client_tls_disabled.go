package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// ObjectStoreClientTLSDisabled reports S3-compatible clients without TLS or certificate checks.
var ObjectStoreClientTLSDisabled = &Rule{
	Meta: Meta{
		ID:         "object-store-client-tls-disabled",
		Title:      "object store client without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-319", "CWE-295"},
		References: []string{"https://boto3.amazonaws.com/v1/documentation/api/latest/reference/core/session.html#boto3.session.Session.client",
			"https://github.com/PrefectHQ/prefect/blob/main/src/integrations/prefect-aws/prefect_aws/client_parameters.py"},
		Why: "boto3 clients sign every request with the AWS key and move the pipeline's data. `use_ssl=False` " +
			"or an `http://` `endpoint_url` sends objects (and lets the signed requests be replayed) in clear; " +
			"`verify=False` accepts any certificate, so the endpoint can be impersonated (high). Reported on " +
			"`boto3.client` / `boto3.resource` / `Session.client`, Prefect's `AwsClientParameters` and Dagster's " +
			"`S3Resource`. MinIO or LocalStack on a local host is not reported; in-cluster endpoints are low.",
		Remediation: "Use an `https://` endpoint and leave `use_ssl` and `verify` at their defaults, or set " +
			"`verify=\"/path/ca.pem\"` for a private CA.",
	},
	Python:      objectStoreClientTLSDisabledPython,
	PythonNeeds: []string{"boto3", "prefect_aws", "dagster_aws"},
}

// isObjectStoreClient reports whether a call builds an S3-compatible client.
func isObjectStoreClient(name string) bool {
	switch {
	case name == "boto3.client" || name == "boto3.resource" || name == "boto3.session.Session.client" ||
		name == "boto3.session.Session.resource":
		return true
	case strings.HasPrefix(name, "prefect_aws.") && strings.HasSuffix(name, "AwsClientParameters"):
		return true
	case strings.HasPrefix(name, "dagster_aws.") && (strings.HasSuffix(name, "S3Resource") || strings.HasSuffix(name, "S3ComputeLogManager")):
		return true
	}
	return false
}

func objectStoreClientTLSDisabledPython(pass *Pass, m *python.Module) error {
	for _, c := range m.Calls() {
		if !isObjectStoreClient(c.Name) {
			continue
		}
		host, hostKnown := "*", false
		var plainEndpoint *python.Keyword
		if kw := c.Keyword("endpoint_url"); kw != nil {
			if e, ok := exprURL(kw.Value); ok {
				host, hostKnown = e.Host, true
				if e.Scheme == "http" {
					plainEndpoint = kw
				}
			}
		}
		scope := hostRemote
		if hostKnown {
			scope = classifyHost(pass, host)
		}
		where := ""
		if hostKnown {
			where = " to " + scopeWhere(scope, host)
		}
		if kw := c.Keyword("verify"); kw != nil && pyFalse(kw.Value) {
			if sev, ok := scopeSeverity(scope, High, false); ok {
				pass.Report(Finding{Span: kwSpan(kw), Severity: sev,
					Message: "`" + c.Name + "` is created with verify=False" + where + ": the endpoint's certificate is not checked"})
			}
		}
		if kw := c.Keyword("use_ssl"); kw != nil && pyFalse(kw.Value) {
			if sev, ok := scopeSeverity(scope, Medium, false); ok {
				pass.Report(Finding{Span: kwSpan(kw), Severity: sev,
					Message: "`" + c.Name + "` is created with use_ssl=False" + where + ": objects travel in clear"})
			}
		} else if plainEndpoint != nil {
			if sev, ok := scopeSeverity(scope, Medium, false); ok {
				pass.Report(Finding{Span: kwSpan(plainEndpoint), Severity: sev,
					Message: "`" + c.Name + "` uses an http:// endpoint" + where + ": objects travel in clear"})
			}
		}
	}
	return nil
}
