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

// AirflowMetadataDBURLPassword reports a literal password in the metadata database URL.
var AirflowMetadataDBURLPassword = &Rule{
	Meta: Meta{
		ID:         "airflow-metadata-db-url-password",
		Title:      "airflow metadata database url holds a password",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-260", "CWE-798"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow/stable/howto/set-up-database.html"},
		Why: "`[database] sql_alchemy_conn` (`[core]` before Airflow 2.3, `AIRFLOW__DATABASE__SQL_ALCHEMY_CONN`) " +
			"is the URL of the metadata database, which holds every connection, variable and XCom. A " +
			"password written into it gives whoever reads the repository the whole database; with the " +
			"Fernet key, every stored credential. Well-known defaults (`airflow:airflow`) are reported by " +
			"`default-credentials`.",
		Remediation: "Supply the URL from a secret: `AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD` / `_SECRET`, a " +
			"Kubernetes Secret, or the Helm chart's `data.metadataSecretName`.",
	},
	INI:    secretsReport[*ini.File],
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func airflowMetadataDBURLPasswordHits(p *Pass, doc source.Document) []secretHit {
	var hs []secretHit
	for _, s := range airflowSettings(p, doc) {
		if s.Via != airflow.Direct || s.Section != "database" || s.Key != "sql_alchemy_conn" {
			continue
		}
		if h, ok := urlPasswordHit(p, s.KeySpan, s.Value, "metadata database URL "+quoteName(s.Option.String())+" holds a literal password"); ok {
			hs = append(hs, h)
		}
	}
	return hs
}
