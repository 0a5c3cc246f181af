package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowFernetKeyHardcoded reports a literal Airflow Fernet key in any configuration format.
var AirflowFernetKeyHardcoded = &Rule{
	Meta: Meta{
		ID:         "airflow-fernet-key-hardcoded",
		Title:      "airflow fernet key written in configuration",
		Category:   Secrets,
		Severity:   Critical,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-321"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/fernet.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/howto/set-config.html",
		},
		Why: "The Fernet key (`[core] fernet_key`, `AIRFLOW__CORE__FERNET_KEY`, the Helm chart's " +
			"`fernetKey`) encrypts every connection password and variable stored in the metadata " +
			"database. Whoever has the key and a database dump (a backup, a read replica, a leaked " +
			"snapshot) can decrypt them all. Committed to a repository, the key is as public as the " +
			"repository. The key printed in Airflow's \"generate a fernet key\" instructions, configured as " +
			"the key, is reported too: everyone has it.",
		Remediation: "Supply the key from a secret: `AIRFLOW__CORE__FERNET_KEY_CMD` / `_SECRET`, a " +
			"Kubernetes Secret through `valueFrom.secretKeyRef`, or the Helm chart's " +
			"`fernetKeySecretName`. Generate a new key and rotate (`airflow rotate-fernet-key`) since " +
			"the committed one is compromised.",
	},
	INI:    secretsReport[*ini.File],
	Dotenv: secretsReport[*dotenv.File],
	TOML:   secretsReport[*toml.File],
	JSON:   secretsReport[*jsonx.File],
	YAML:   secretsReport[*yaml.Stream],
	HCL:    secretsReport[*hcl.File],
}

func airflowFernetKeyHardcodedHits(p *Pass, doc source.Document) []secretHit {
	hs := airflowOptionLiteralHits(p, doc, func(section, key string) bool { return section == "core" && key == "fernet_key" },
		"Fernet key %s is a literal")
	// the literal check drops documented examples; as the configured key this one is public
	for _, s := range airflowSettings(p, doc) {
		if s.Via == airflow.Direct && s.Section == "core" && s.Key == "fernet_key" && s.Value.Kind == value.Literal &&
			secrets.IsTutorialFernetKey(s.Value.Text) {
			hs = append(hs, secretHit{Span: settingSpan(s.KeySpan, s.Value), Secret: valueSecretSpan(p.File, s.Value),
				Message: "Fernet key `" + s.Option.String() + "` is the example key from Airflow's instructions: anyone can decrypt what it encrypts"})
		}
	}
	// community chart (airflow-helm/charts): airflow.fernetKey
	return append(hs, helmKeyLiteralHits(p, doc, "fernetKey", "Fernet key `%s` is a literal")...)
}
