package secrets

import (
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/regexp"
)

// The IDs of dagwarden's own detector rules. gitleaks' rules keep their own IDs.
const (
	RuleURLUserinfo       = "dagwarden-url-userinfo"
	RuleFernetKey         = "dagwarden-fernet-key"
	RulePrefectAPIKey     = "dagwarden-prefect-api-key"
	RuleDagsterCloudToken = "dagwarden-dagster-cloud-token"
)

const (
	ownRuleTag              = "dagwarden"
	urlSchemesAlternation   = `postgres(?:ql)?|mysql|mariadb|mssql|oracle|redis|rediss|amqps?|snowflake|mongodb(?:\+srv)?|redshift|trino|presto|clickhouse|cockroachdb|db2|vertica`
	fernetKeyCharsLastGroup = `[AEIMQUYcgkosw048]`
)

// ownRules returns dagwarden's rules as gitleaks rules, so that they share the keyword automaton,
// the window loop and every gitleaks semantic (secret group, entropy, allowlists, de-duplication).
func ownRules() []config.Rule {
	return []config.Rule{
		{
			RuleID:      RuleURLUserinfo,
			Description: "Connection URI with a password in its userinfo",
			// scheme (+ optional SQLAlchemy driver) :// user : password @ — the password runs to the
			// last '@' before a '/', '?', '#', whitespace or quote, as ParseURLUserinfo reads it.
			Regex: regexp.MustCompile(`(?i)\b((?:` + urlSchemesAlternation + `)(?:\+[a-z0-9_]+)?)://` +
				`([^\s:@/?#'"\x60]*):([^\s/?#'"\x60]+)@`),
			SecretGroup: 3,
			Keywords: []string{"postgres", "mysql", "mariadb", "mssql", "oracle", "redis", "amqp",
				"snowflake", "mongodb", "redshift", "trino", "presto", "clickhouse", "cockroachdb", "db2", "vertica"},
			Tags: []string{ownRuleTag, "connection-uri"},
		},
		{
			RuleID:      RuleFernetKey,
			Description: "Airflow Fernet key (urlsafe base64 of 32 bytes) in a fernet context",
			// fernet_key = K, AIRFLOW__CORE__FERNET_KEY: "K", fernetKey: K, Fernet(b"K"). The 43rd
			// character of a 32-byte key always has its low two bits clear.
			Regex: regexp.MustCompile(`(?i)fernet[\w.-]{0,30}(?:["']?[ \t]*(?:=|:|=>)[ \t]*|\([ \t]*)` +
				`(?:b|rb|br)?["'\x60]?((?-i:[A-Za-z0-9_-]{42}` + fernetKeyCharsLastGroup + `=))(?:[^A-Za-z0-9_=-]|$)`),
			SecretGroup: 1,
			Entropy:     3,
			Keywords:    []string{"fernet"},
			Tags:        []string{ownRuleTag, "airflow"},
		},
		{
			RuleID:      RulePrefectAPIKey,
			Description: "Prefect Cloud API key (pnu_ user key or pnb_ service-account key)",
			Regex:       regexp.MustCompile(`\b(pn[ub]_[A-Za-z0-9]{36})\b`),
			SecretGroup: 1,
			Entropy:     3,
			Keywords:    []string{"pnu_", "pnb_"},
			Tags:        []string{ownRuleTag, "prefect"},
		},
		{
			RuleID:      RuleDagsterCloudToken,
			Description: "Dagster+ (Dagster Cloud) agent or user token",
			// agent:<org>:<secret> and user:<org>:<secret>, plus the four-part form
			// <type>:<org>:<org public id>:<secret> parsed by dagster-cloud.
			Regex:       regexp.MustCompile(`\b((?:agent|user):[A-Za-z0-9][\w-]{0,62}(?::[\w-]{1,64})?:[A-Za-z0-9]{24,64})\b`),
			SecretGroup: 1,
			Entropy:     3,
			Keywords:    []string{"agent:", "user:"},
			Tags:        []string{ownRuleTag, "dagster"},
		},
	}
}
