package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"strings"
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
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"airflow"},
}

func airflowDAGConnectionLiteralPasswordHits(p *Pass, doc source.Document) []secretHit {
	m, ok := doc.(*python.Module)
	if !ok || !m.Imports("airflow") {
		return nil // fast path: no Airflow import, no Connection
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		if c.Name != "airflow.models.Connection" {
			continue
		}
		if pw := c.Keyword("password"); pw != nil {
			if lit, ok := literalSecret(pw.Value.Value()); ok {
				hs = append(hs, secretHit{Span: pw.NameSpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
					Message: connectionMessage(c, "password is a string literal")})
			}
		}
		if uri := c.Keyword("uri"); uri != nil {
			if pw, _, at, ok := urlPassword(p.File, uri.Value.Value()); ok && pw != "" {
				hs = append(hs, secretHit{Span: uri.Value.Span, Secret: at, Message: connectionMessage(c, "URI carries a literal password")})
			}
		}
		if extra := c.Keyword("extra"); extra != nil {
			hs = append(hs, dictSecretHits(p, extra.Value, connectionMessage(c, "extra"), 0)...)
			hs = append(hs, jsonSecretHits(p, extra.NameSpan, extra.Value.Value(), connectionMessage(c, "extra holds a literal %q"))...)
		}
	}
	return hs
}

func connectionMessage(c *python.Call, fact string) string {
	if kw := c.Keyword("conn_id"); kw != nil {
		if id, ok := kw.Value.String(); ok && id != "" && !strings.ContainsAny(id, "`\n") {
			return "connection `" + id + "` " + fact
		}
	}
	return "connection " + fact
}
