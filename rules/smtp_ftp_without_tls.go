package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// SMTPFTPWithoutTLS reports SMTP and FTP logins over connections without TLS.
var SMTPFTPWithoutTLS = &Rule{
	Meta: Meta{
		ID:         "smtp-ftp-without-tls",
		Title:      "smtp or ftp login without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-319", "CWE-295"},
		References: []string{"https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.starttls",
			"https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS",
			"https://github.com/PrefectHQ/prefect/blob/main/src/integrations/prefect-email/prefect_email/credentials.py"},
		Why: "`smtplib.SMTP(...)` followed by `login()` without `starttls()` in the same function, and " +
			"`ftplib.FTP` with a login (`FTP(host, user, passwd)` or `.login(user, passwd)`), send the " +
			"password and then the mail or files in clear (high: a credential travels). Prefect's " +
			"`EmailServerCredentials(smtp_type=\"INSECURE\")` does the same; its `verify=False` accepts any " +
			"certificate. A local relay (`localhost:25`) is not reported.",
		Remediation: "Call `starttls(context=ssl.create_default_context())` before `login()`, or use " +
			"`smtplib.SMTP_SSL`; use `ftplib.FTP_TLS` and `prot_p()`, or SFTP; Prefect: `smtp_type=\"SSL\"` or " +
			"`\"STARTTLS\"`.",
	},
	Python:      smtpFTPWithoutTLSPython,
	PythonNeeds: []string{"smtplib", "ftplib", "prefect_email"},
}

func smtpFTPWithoutTLSPython(pass *Pass, m *python.Module) error {
	// per enclosing function (nil = module level): did it call starttls?
	starttls := map[*python.Function]bool{}
	for _, c := range m.Calls() {
		if c.Name == "smtplib.SMTP.starttls" {
			starttls[c.Func] = true
		}
	}
	for _, c := range m.Calls() {
		switch {
		case c.Name == "smtplib.SMTP.login" && !starttls[c.Func]:
			if h, ok := receiverHost(c, "smtplib.SMTP"); ok && !remoteOrUnknown(pass, h) {
				continue
			}
			pass.Report(Finding{Span: c.Span, Severity: High, Message: "SMTP login without STARTTLS: the password travels in clear"})
		case c.Name == "ftplib.FTP.login":
			if h, ok := receiverHost(c, "ftplib.FTP"); ok && !remoteOrUnknown(pass, h) {
				continue
			}
			if c.Arg(1) != nil || c.Keyword("passwd") != nil {
				pass.Report(Finding{Span: c.Span, Severity: High, Message: "FTP login without TLS: the password travels in clear"})
			}
		case c.Name == "ftplib.FTP" && (c.Arg(2) != nil || c.Keyword("passwd") != nil):
			if h, ok := c.ArgOrKeyword(0, "host").String(); ok && !remoteOrUnknown(pass, h) {
				continue
			}
			pass.Report(Finding{Span: c.Span, Severity: High, Message: "FTP login without TLS: the password travels in clear"})
		case strings.HasPrefix(c.Name, "prefect_email.") && strings.HasSuffix(c.Name, "EmailServerCredentials"):
			if kw := c.Keyword("smtp_type"); kw != nil {
				s, _ := kw.Value.String()
				if strings.EqualFold(s, "INSECURE") || strings.HasSuffix(kw.Value.Text, "SMTPType.INSECURE") {
					pass.Report(Finding{Span: kwSpan(kw), Severity: High,
						Message: "`EmailServerCredentials` uses smtp_type=INSECURE: the SMTP password travels in clear"})
				}
			}
			if kw := c.Keyword("verify"); kw != nil && pyFalse(kw.Value) {
				pass.Report(Finding{Span: kwSpan(kw), Severity: High,
					Message: "`EmailServerCredentials` is created with verify=False: the mail server's certificate is not checked"})
			}
		}
	}
	return nil
}

// receiverHost finds the literal host given to the constructor of a method call's receiver
// (s = smtplib.SMTP("smtp.example.com"); s.login(...)).
func receiverHost(c *python.Call, ctor string) (string, bool) {
	if c.Receiver == nil {
		return "", false
	}
	r := c.Receiver.Resolve()
	if rc := r.Call(); rc != nil && rc.Name == ctor {
		return rc.ArgOrKeyword(0, "host").String()
	}
	return "", false
}

// remoteOrUnknown reports whether traffic to host should be reported (not local or allowed).
func remoteOrUnknown(pass *Pass, host string) bool {
	s := classifyHost(pass, host)
	return s != hostLocal && s != hostAllowed
}
