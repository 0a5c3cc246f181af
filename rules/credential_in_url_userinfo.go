package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// CredentialInURLUserinfo reports database and broker URIs with a literal password in their
// userinfo (postgresql+psycopg2://user:password@host/db), in any file.
var CredentialInURLUserinfo = &Rule{
	Meta: Meta{
		ID:         "credential-in-url-userinfo",
		Title:      "password in a connection uri",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-798"},
		References: []string{
			"https://docs.sqlalchemy.org/en/20/core/engines.html#creating-urls-programmatically",
			"https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html",
		},
		Why: "A connection URI such as `postgresql://etl:S3cret@db.prod/dwh` carries the password in " +
			"clear text. Written into code or configuration it is committed with them, shown by every " +
			"tool that prints the URI, and often logged by clients on connection errors.\n\n" +
			"The rule covers the database and broker schemes pipelines use (PostgreSQL, MySQL, MariaDB, " +
			"SQL Server, Oracle, Redis, AMQP, Snowflake, MongoDB, Redshift, Trino, Presto, ClickHouse, " +
			"CockroachDB, Db2, Vertica, with SQLAlchemy's `+driver` suffixes). Passwords that are " +
			"placeholders (`<password>`, `changeme`), `${VAR}` references or templates are not " +
			"reported; well-known defaults (`airflow:airflow`) are reported by `default-credentials`, " +
			"and URIs in a setting a pipeline-aware rule knows (`sql_alchemy_conn`, `AIRFLOW_CONN_*`) " +
			"by that rule.",
		Remediation: "Build the URI at run time from a secret, for example " +
			"`sqlalchemy.URL.create(\"postgresql+psycopg2\", username=\"etl\", password=os.environ[\"DB_PASSWORD\"], host=...)`, " +
			"or keep the whole URI in a secrets backend (Airflow connection, Prefect `Secret` block, " +
			"Dagster `EnvVar`).",
	},
	Python:      secretsPrime[*python.Module],
	PythonNeeds: secretsPythonNeeds,
	INI:         secretsPrime[*ini.File],
	Dotenv:      secretsPrime[*dotenv.File],
	TOML:        secretsPrime[*toml.File],
	JSON:        secretsPrime[*jsonx.File],
	YAML:        secretsPrime[*yaml.Stream],
	HCL:         secretsPrime[*hcl.File],
	Text:        credentialInURLUserinfoText,
}

func credentialInURLUserinfoText(pass *Pass, f *source.File) error {
	matches, err := fileSecretMatches(pass)
	if err != nil {
		return err
	}
	claimed := secretsText(pass, f).claimed
	var hits []secretHit
	for _, m := range matches {
		if m.RuleID != secrets.RuleURLUserinfo || m.End > len(f.Content) {
			continue
		}
		sp := f.Span(m.Start, m.End)
		if overlapsAny(sp, claimed) {
			continue
		}
		scheme, user, _, _, ok := secrets.ParseURLUserinfo(string(f.Content[m.MatchStart:m.MatchEnd]))
		if ok && isWeakDefault(user, m.Secret) {
			continue // default-credentials reports it
		}
		if len(m.Secret) < 4 || isDocumentationHost(urlHost(f.Content[m.MatchEnd:])) {
			continue // foo:bar@host, user:pw@db.example.com: a stand-in, as in chart tests and docs
		}
		if !ok {
			scheme = "connection"
		}
		hits = append(hits, secretHit{Span: f.Span(m.MatchStart, m.MatchEnd), Secret: sp,
			Message: quoteName(scheme) + " URI carries a literal password",
			Props:   map[string]string{"gitleaks_rule": m.RuleID}})
	}
	reportSecretHits(pass, foldRepeats(f, hits))
	return nil
}

// isDocumentationHost reports whether host is reserved for documentation (RFC 2606 / RFC 6761):
// example.com, example.org, example.net and their subdomains, *.example and *.invalid.
func isDocumentationHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range []string{"example.com", "example.org", "example.net"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return strings.HasSuffix(host, ".example") || strings.HasSuffix(host, ".invalid")
}
