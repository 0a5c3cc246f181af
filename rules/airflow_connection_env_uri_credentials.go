package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowConnectionEnvURICredentials reports AIRFLOW_CONN_* variables whose URI or JSON holds a
// literal password or secret.
var AirflowConnectionEnvURICredentials = &Rule{
	Meta: Meta{
		ID:         "airflow-connection-env-uri-credentials",
		Title:      "airflow connection variable holds a credential",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html#storing-connections-in-environment-variables"},
		Why: "`AIRFLOW_CONN_<ID>` defines a connection in the environment, as a URI " +
			"(`postgresql://etl:pw@db/dwh`) or as JSON (`{\"conn_type\": \"postgres\", \"password\": ...}`). Written " +
			"with its password into a compose file, Helm values, a Dockerfile or a `.env` file, the " +
			"credential is committed and visible to everyone who can read the file or inspect the " +
			"container.",
		Remediation: "Keep connections in a secrets backend (`[secrets] backend`), or fill the variable " +
			"from a Kubernetes Secret (`valueFrom.secretKeyRef`, Helm `extraSecrets` + `extraEnvFrom`) " +
			"or a CI secret.",
	},
	INI:    secretsReport[*ini.File],
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func airflowConnectionEnvURICredentialsHits(p *Pass, doc source.Document) []secretHit {
	var hs []secretHit
	for _, e := range docEntries(doc) {
		kind, id := airflow.ParseResourceEnv(e.Key())
		if kind != airflow.Connection {
			continue
		}
		if h, ok := urlPasswordHit(p, e.KeySpan, e.Value, "connection "+quoteName(id)+" URI holds a literal password"); ok {
			hs = append(hs, h)
			continue
		}
		hs = append(hs, jsonSecretHits(p, e.KeySpan, e.Value, "connection "+quoteName(id)+" JSON holds a literal %q")...)
	}
	return hs
}
