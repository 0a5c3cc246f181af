package rules

import (
	"fmt"
	"strings"
)

// Severity is the impact of a finding if it is true.
type Severity int

// Severities, lowest first. The zero value means "not set" and is replaced by the rule's default.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return "unset"
}

// ParseSeverity reads a severity name as users write it on the command line or in config.
func ParseSeverity(s string) (Severity, error) {
	for k, v := range severityNames {
		if strings.EqualFold(s, v) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
}

// Confidence is the probability that a finding is true.
type Confidence int

// Confidences, lowest first. The zero value means "not set".
const (
	ConfidenceLow Confidence = iota + 1
	ConfidenceMedium
	ConfidenceHigh
)

var confidenceNames = map[Confidence]string{ConfidenceLow: "low", ConfidenceMedium: "medium", ConfidenceHigh: "high"}

func (c Confidence) String() string {
	if n, ok := confidenceNames[c]; ok {
		return n
	}
	return "unset"
}

// ParseConfidence reads a confidence name.
func ParseConfidence(s string) (Confidence, error) {
	for k, v := range confidenceNames {
		if strings.EqualFold(s, v) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown confidence %q (want low, medium or high)", s)
}

// Category groups rules by the kind of hazard. Every rule has exactly one.
type Category string

// The categories dagwarden reports.
const (
	Secrets Category = "secrets" // hardcoded credentials and keys
	TLS     Category = "tls"     // plaintext transport and disabled verification
	Access  Category = "access"  // over-broad roles and permissions, auth disabled
	Logging Category = "logging" // sensitive values reaching logs, task results and the UI
	Tool    Category = "tool"    // dagwarden's own diagnostics (bad suppressions)
)

// Categories lists the policy categories in report order.
var Categories = []Category{Secrets, TLS, Access, Logging}

// Meta is everything about a rule except its code: what the docs, the SARIF rule descriptor and
// `dagwarden explain` show.
type Meta struct {
	ID         string   // kebab-case, stable forever
	Aliases    []string // former IDs, still accepted by suppressions and --select
	Title      string   // lower-case noun phrase, at most 60 characters, no trailing period
	Category   Category
	Severity   Severity
	Confidence Confidence
	Frameworks []string // "airflow", "prefect", "dagster"; empty means any
	CWE        []string // "CWE-798"
	References []string // URLs
	// Why says what can go wrong (Markdown). Its first paragraph is the SARIF fullDescription.
	Why string
	// Remediation says what to do instead (Markdown).
	Remediation string
	// Builtin rules are emitted by dagwarden itself (suppression diagnostics): no hooks, no fixtures.
	Builtin bool
}

// Name is the rule ID in PascalCase with Go initialisms (tls-verify-disabled → TLSVerifyDisabled):
// the rule's Go variable and its SARIF name.
func (m Meta) Name() string {
	var b strings.Builder
	for _, part := range strings.Split(m.ID, "-") {
		if w, ok := spelledWords[part]; ok {
			b.WriteString(w)
		} else if initialisms[part] {
			b.WriteString(strings.ToUpper(part))
		} else if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

var initialisms = map[string]bool{"tls": true, "url": true, "uri": true, "api": true, "ssl": true, "id": true,
	"iam": true, "rbac": true, "csrf": true, "cors": true, "jwt": true, "kpo": true, "mwaa": true, "db": true,
	"smtp": true, "ftp": true, "ssh": true, "sql": true, "http": true, "ui": true, "dag": true, "ldap": true}

// spelledWords are ID words whose Go spelling is neither capitalised nor all upper case.
var spelledWords = map[string]string{"graphql": "GraphQL"}
