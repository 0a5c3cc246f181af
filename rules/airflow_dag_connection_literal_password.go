package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// AirflowDAGConnectionLiteralPassword reports Airflow Connection objects built in code with a
// password, or a URI carrying one, written as a string literal.
var AirflowDAGConnectionLiteralPassword = &Rule{
	Meta: Meta{
		ID:         "airflow-dag-connection-literal-password",
		Title:      "airflow connection password written in code",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html"},
		Why: "A password written into `Connection(...)` in a DAG file is committed with the code, readable by " +
			"everyone with access to the repository, and shown in the Airflow UI's Code view to every user " +
			"who can see the DAG. Airflow masks connection passwords only when they are read from a " +
			"connection at run time, never in DAG source.",
		Remediation: "Create the connection outside the code (a secrets backend, an `AIRFLOW_CONN_<ID>` " +
			"environment variable filled from a secret, or the UI/CLI) and refer to it by `conn_id`. If the " +
			"object must be built in code, read the password at run time, for example " +
			"`password=Variable.get(\"db_password\")`.",
	},
	Python:      airflowDAGConnectionLiteralPasswordPython,
	PythonNeeds: []string{"airflow"},
}

func airflowDAGConnectionLiteralPasswordPython(pass *Pass, m *python.Module) error {
	if !m.Imports("airflow") {
		return nil // fast path: no Airflow import, no Connection
	}
	for _, c := range m.Calls() {
		if c.Name != "airflow.models.Connection" {
			continue
		}
		if pw := c.Keyword("password"); pw != nil {
			if v := pw.Value.Value(); v.IsHardcoded() {
				pass.Report(Finding{
					Span:      pw.NameSpan.To(v.Span),
					Sensitive: []source.Span{v.Span},
					Message:   connectionMessage(c, "password is a string literal"),
				})
			}
		}
		if uri := c.Keyword("uri"); uri != nil {
			reportURIPassword(pass, c, uri.Value)
		}
	}
	return nil
}

// reportURIPassword reports a literal password in the userinfo of a connection URI.
func reportURIPassword(pass *Pass, c *python.Call, e *python.Expr) {
	v := e.Value()
	if v.Kind != value.Literal {
		return
	}
	at := strings.Index(v.Text, "@")
	scheme := strings.Index(v.Text, "://")
	if at < 0 || scheme < 0 || scheme > at {
		return
	}
	userinfo := v.Text[scheme+3 : at]
	colon := strings.Index(userinfo, ":")
	if colon < 0 {
		return
	}
	pw := userinfo[colon+1:]
	if value.IsPlaceholder(pw) || value.HasTemplate(pw) || strings.HasPrefix(pw, "$") {
		return
	}
	// the literal's span covers the text between the quotes when the string has no escapes
	f := pass.File
	start := v.Span.Start.Offset + scheme + 3 + colon + 1
	end := v.Span.Start.Offset + at
	sens := v.Span
	if v.Span.End.Offset-v.Span.Start.Offset == len(v.Text) && f.Text(f.Span(start, end)) == pw {
		sens = f.Span(start, end)
	}
	pass.Report(Finding{Span: e.Span, Sensitive: []source.Span{sens}, Message: connectionMessage(c, "URI carries a literal password")})
}

func connectionMessage(c *python.Call, fact string) string {
	if kw := c.Keyword("conn_id"); kw != nil {
		if id, ok := kw.Value.String(); ok && id != "" && !strings.ContainsAny(id, "`\n") {
			return "connection `" + id + "` " + fact
		}
	}
	return "connection " + fact
}
