package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// SSLUnverifiedContext reports TLS contexts built or changed so that certificates or host names
// are not checked, and environment settings that turn verification off process-wide.
var SSLUnverifiedContext = &Rule{
	Meta: Meta{
		ID:         "ssl-unverified-context",
		Title:      "unverified ssl context",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-295"},
		References: []string{"https://docs.python.org/3/library/ssl.html#ssl.SSLContext.check_hostname",
			"https://peps.python.org/pep-0493/",
			"https://docs.astral.sh/ruff/rules/suspicious-unverified-context-usage/"},
		Why: "An SSL context without certificate checks (`ssl._create_unverified_context()`, " +
			"`verify_mode = ssl.CERT_NONE`) or without host-name checks (`check_hostname = False`) accepts a " +
			"certificate from anyone on the network path, so every connection made with it (urllib, SMTP, " +
			"database drivers, websockets) can be intercepted. `ssl._create_default_https_context = " +
			"ssl._create_unverified_context` does this for every HTTPS request the process makes.\n\n" +
			"The environment can do the same: `PYTHONHTTPSVERIFY=0` turns verification off in the standard " +
			"library of interpreters that honour PEP 493, and an empty `CURL_CA_BUNDLE` / `REQUESTS_CA_BUNDLE` " +
			"turns it off in older `requests` releases (reported at medium confidence).",
		Remediation: "Use `ssl.create_default_context()` (optionally with `cafile=` for a private CA) and leave " +
			"`check_hostname` and `verify_mode` at their defaults. Remove `PYTHONHTTPSVERIFY=0`; point " +
			"`SSL_CERT_FILE` / `REQUESTS_CA_BUNDLE` at a CA bundle instead of emptying them.",
	},
	Python:      sslUnverifiedContextPython,
	PythonNeeds: []string{"ssl", "CERT_NONE", "PYTHONHTTPSVERIFY", "CA_BUNDLE"},
	Dotenv:      envHook[*dotenv.File](sslUnverifiedContextEnv),
	YAML:        envHook[*yaml.Stream](sslUnverifiedContextEnv),
}

func sslUnverifiedContextPython(pass *Pass, m *python.Module) error {
	for _, c := range m.Calls() {
		switch {
		case c.Name == "ssl._create_unverified_context" && !isDefaultContextAssignment(m, c):
			pass.Reportf(c.Span, "`ssl._create_unverified_context()` builds a context that checks neither certificate nor host name")
		case strings.Contains(c.Name, "urllib3."):
			// urllib3 pools are tls-verification-disabled's
		default:
			if kw := c.Keyword("cert_reqs"); kw != nil && isCertNone(kw.Value) && c.Name != "" {
				pass.Reportf(kwSpan(kw), "`%s` is called with cert_reqs=CERT_NONE", c.Name)
			}
		}
	}
	for _, a := range m.Assignments() {
		switch {
		case a.Name == "ssl._create_default_https_context":
			if n := a.Value.Name(); n == "ssl._create_unverified_context" {
				pass.Reportf(a.TargetSpan.To(a.Value.Span), "every HTTPS request of the process skips certificate verification")
			}
		case strings.HasSuffix(a.Target, ".check_hostname") && a.Value.IsFalse():
			if conf, ok := sslContextTarget(m, a, "check_hostname"); ok {
				pass.Report(Finding{Span: a.TargetSpan.To(a.Value.Span), Confidence: conf,
					Message: "`" + a.Target + "` is set to False: any valid certificate is accepted for any host"})
			}
		case strings.HasSuffix(a.Target, ".verify_mode") && isCertNone(a.Value):
			if conf, ok := sslContextTarget(m, a, "verify_mode"); ok {
				pass.Report(Finding{Span: a.TargetSpan.To(a.Value.Span), Confidence: conf,
					Message: "`" + a.Target + "` is set to CERT_NONE: certificates are not checked"})
			}
		case a.Name == "os.environ[]":
			if name, val, ok := environWrite(a); ok {
				if msg, conf, bad := insecureEnvSetting(name, val); bad {
					pass.Report(Finding{Span: a.TargetSpan.To(a.Value.Span), Message: msg, Confidence: conf})
				}
			}
		}
	}
	return nil
}

// isDefaultContextAssignment reports whether call c is the value of the module-wide
// `ssl._create_default_https_context = ssl._create_unverified_context()` (reported once there).
func isDefaultContextAssignment(m *python.Module, c *python.Call) bool {
	for _, a := range m.Assignments() {
		if a.Name == "ssl._create_default_https_context" && a.Value.Span == c.Span {
			return true
		}
	}
	return false
}

// sslContextTarget reports whether an assignment writes attr of an ssl.SSLContext: resolved (high
// confidence), or, in a module that imports ssl, on an object of unknown type whose name says it
// is a context (self.ssl_ctx, context: medium confidence).
func sslContextTarget(m *python.Module, a *python.Assignment, attr string) (Confidence, bool) {
	if a.Name == "ssl.SSLContext."+attr {
		return ConfidenceHigh, true
	}
	if !m.Imports("ssl") || a.Name != "" && !isModuleClassAttr(m, a.Name) {
		return 0, false
	}
	obj := strings.ToLower(strings.TrimSuffix(a.Target, "."+attr))
	obj = obj[strings.LastIndexByte(obj, '.')+1:]
	if strings.Contains(obj, "ctx") || strings.Contains(obj, "context") {
		return ConfidenceMedium, true
	}
	return 0, false
}

// environWrite reads os.environ["NAME"] = "value" with literal name and value.
func environWrite(a *python.Assignment) (name, val string, ok bool) {
	t := a.Target
	i, j := strings.IndexAny(t, "\"'"), strings.LastIndexAny(t, "\"'")
	if i < 0 || j <= i {
		return "", "", false
	}
	v, ok := a.Value.String()
	return t[i+1 : j], v, ok
}

// insecureEnvSetting judges one environment variable that turns verification off process-wide.
func insecureEnvSetting(name, val string) (string, Confidence, bool) {
	switch strings.ToUpper(name) {
	case "PYTHONHTTPSVERIFY":
		if strings.TrimSpace(val) == "0" {
			return "`PYTHONHTTPSVERIFY=0` turns certificate verification off in the standard library", ConfidenceHigh, true
		}
	case "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE":
		if strings.TrimSpace(val) == "" {
			return "`" + strings.ToUpper(name) + "` is empty, which turns verification off in older `requests` releases", ConfidenceMedium, true
		}
	}
	return "", 0, false
}

func sslUnverifiedContextEnv(pass *Pass, vars []envVar) {
	for _, v := range vars {
		text, ok := literalText(v.Value)
		if !ok {
			continue
		}
		if msg, conf, bad := insecureEnvSetting(v.Name, text); bad {
			pass.Report(Finding{Span: settingSpan(v.KeySpan, v.Value), Message: msg, Confidence: conf})
		}
	}
}

// isModuleClassAttr reports whether a qualified name is an attribute of a class of the module
// (self.ctx in a method is "Mailer.ctx"), whose type is unknown.
func isModuleClassAttr(m *python.Module, name string) bool {
	cls, _, _ := strings.Cut(name, ".")
	for _, c := range m.Classes() {
		if c.Name == cls {
			return true
		}
	}
	return false
}
