package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// AirflowOperatorLiteralCredential reports credentials passed as literals to Airflow operators,
// hooks and sensors: secret-named keyword arguments, Authorization headers, and secret-named keys
// of env_vars / env / environment.
var AirflowOperatorLiteralCredential = &Rule{
	Meta: Meta{
		ID:         "airflow-operator-literal-credential",
		Title:      "credential passed as a literal to an airflow operator",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-798"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow-providers-cncf-kubernetes/stable/operators.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
		},
		Why: "A password, token or API key written as an operator or hook argument (`password=`, `token=`, " +
			"`headers={\"Authorization\": \"Bearer ...\"}`, KubernetesPodOperator `env_vars`) is committed " +
			"with the DAG and shown in the UI's Code view; template fields such as `env_vars` and " +
			"`headers` also appear, rendered, in the Rendered Template view.",
		Remediation: "Keep the credential in an Airflow connection and pass its `*_conn_id`; hooks add it at " +
			"run time. For pods, use `secrets=[Secret(\"env\", \"API_KEY\", \"k8s-secret\", \"api-key\")]`; " +
			"otherwise template it from a secrets backend (`{{ conn.x.password }}`, `{{ var.value.x }}`).",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"airflow"},
}

func airflowOperatorLiteralCredentialHits(p *Pass, doc source.Document) []secretHit {
	m, ok := doc.(*python.Module)
	if !ok || !m.Imports("airflow") {
		return nil
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Name, "airflow.") || c.Decorator || strings.HasPrefix(c.Name, "airflow.models.") ||
			strings.HasPrefix(c.Name, "airflow.configuration") || strings.HasSuffix(c.Name, ".secret.Secret") {
			continue // Connection has its own rule; Variable.set and the KPO Secret (a k8s Secret's name) take no credential
		}
		hs = append(hs, callSecretHits(p, c, "`"+sanitizeName(c.Method())+"`")...)
	}
	return hs
}
