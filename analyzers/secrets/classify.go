package secrets

import (
	"math"
	"regexp"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Verdict says whether a matched secret value can be a real secret.
type Verdict int

// The verdicts. Only Literal values are ever reported.
const (
	Literal     Verdict = iota // could be a real secret
	Placeholder                // empty or an obvious stand-in: <password>, changeme, xxx, REDACTED, pnu_xxxx
	Template                   // holds a {{ ... }} / {% ... %} template: rendered at run time
	EnvRef                     // a shell/compose reference such as ${VAR} (without a literal default)
	Example                    // a documented example value (AKIAIOSFODNN7EXAMPLE, the tutorial Fernet key)
	Trivial                    // one repeated character, a sequential run, or a short repeated pattern
)

var verdictNames = [...]string{"literal", "placeholder", "template", "env-ref", "example", "trivial"}

// String returns the verdict's name.
func (v Verdict) String() string {
	if v >= 0 && int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "unknown"
}

// namesItself matches values that only name what should be there (rds_password, my_api_key) or
// say they are not a secret (insecure), as in example DAGs and default configuration templates.
var namesItself = regexp.MustCompile(`(?i)^(?:[a-z]+[_-])*(?:password|passwd|secret|token|api[_-]?key)(?:[_-][a-z]+)*$|^insecure$`)

// knownExamples are values published in vendor documentation and tutorials as examples. They are
// copied into countless repositories and are never live credentials.
var knownExamples = map[string]bool{
	"AKIAIOSFODNN7EXAMPLE":                     true, // AWS docs access key id
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": true, // AWS docs secret access key
	"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY": true, // AWS docs secret access key (STS examples)
	// The Fernet key printed in the widely copied Airflow "generate a fernet key" instructions.
	tutorialFernetKey:                          true,
	"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": true,
}

// Classify tells whether a matched secret value can be a real secret. It is the one classifier
// shared by every secrets rule: placeholders (value.IsPlaceholder), templates, ${VAR}
// references, documented example keys and trivial values are never reported.
func Classify(secret string) Verdict {
	s := strings.TrimSpace(secret)
	s = strings.Trim(s, `"'`+"`")
	if value.IsPlaceholder(s) {
		return Placeholder
	}
	if value.HasTemplate(s) || value.IsTemplate(s) {
		return Template
	}
	if _, def, hasDef, ok := value.ParseShellVar(s); ok {
		if hasDef {
			return Classify(def)
		}
		return EnvRef
	}
	if strings.Contains(s, "${") && strings.Contains(s[strings.Index(s, "${"):], "}") {
		return EnvRef
	}
	if len(s) > 2 && (s[0] == '{' && s[len(s)-1] == '}' && !strings.Contains(s[1:len(s)-1], "{")) {
		return Template // a Python format field or f-string interpolation: {self.password}, {password[0]}
	}
	if strings.HasPrefix(s, "$(") && strings.HasSuffix(s, ")") {
		return EnvRef // Kubernetes dependent environment variable $(VAR)
	}
	if namesItself.MatchString(s) {
		return Placeholder // rds_password, company_super_secret_password, insecure
	}
	if knownExamples[s] || strings.HasSuffix(s, "EXAMPLE") || strings.HasSuffix(s, "EXAMPLEKEY") {
		return Example
	}
	if isTrivial(s) {
		return Trivial
	}
	if isPlaceholderKey(s) {
		return Placeholder
	}
	// A known token prefix followed only by filler: pnu_xxxx..., ghp_0000....
	// The body may be split into groups (xoxp-1234123412341234-12341234-1234): judge it without
	// the separators.
	if i := strings.IndexAny(s, "_-:"); i > 0 && i < len(s)-1 && i <= 12 {
		body := strings.NewReplacer("-", "", "_", "").Replace(s[i+1:])
		if len(body) >= 8 && isTrivial(body) {
			return Placeholder
		}
	}
	return Literal
}

// isTrivial reports whether s is one repeated character, a run of consecutive characters
// (abcdef, 123456, 987654), or a pattern of up to 4 characters repeated at least 3 times.
func isTrivial(s string) bool {
	if len(s) < 2 {
		return len(s) == 1
	}
	asc, desc := true, true
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1]+1 {
			asc = false
		}
		if s[i] != s[i-1]-1 {
			desc = false
		}
	}
	if (asc || desc) && len(s) >= 3 {
		return true
	}
	for p := 1; p <= 4 && p*3 <= len(s); p++ {
		periodic := true
		for i := p; i < len(s); i++ {
			if s[i] != s[i-p] {
				periodic = false
				break
			}
		}
		if periodic {
			return true
		}
	}
	return false
}

// defaultPairs are well-known default credentials (CWE-1392) shipped by the official Airflow,
// Prefect and Dagster compose files and Helm charts and by RabbitMQ/Postgres images.
var defaultPairs = map[[2]string]bool{
	{"airflow", "airflow"}:   true, // official Airflow docker-compose
	{"admin", "admin"}:       true, // Airflow Helm defaultUser
	{"postgres", "postgres"}: true, // Airflow Helm postgresql
	{"prefect", "prefect"}:   true, // Prefect compose guide
	{"guest", "guest"}:       true, // RabbitMQ
	{"test", "test"}:         true, // Dagster Helm postgresqlPassword, RabbitMQ test setups
	{"admin", "pass"}:        true, // prefect-helm authString admin:pass
}

// defaultPasswords are default passwords whatever the user name.
var defaultPasswords = map[string]bool{
	"prefect-rocks": true, // prefect-server Helm postgresql.auth.password
}

// IsDefaultCredential reports whether user/password is a well-known default pair (airflow/airflow,
// admin/admin, postgres/postgres, prefect/prefect, guest/guest, test/test, admin:pass) or the
// password is a well-known default whatever the user (prefect-rocks). The user name is compared
// case-insensitively, the password exactly.
func IsDefaultCredential(user, password string) bool {
	if defaultPasswords[password] {
		return true
	}
	return defaultPairs[[2]string{strings.ToLower(user), password}]
}

// tutorialFernetKey is printed in Airflow's widely copied "generate a fernet key" instructions.
const tutorialFernetKey = "81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs="

// IsTutorialFernetKey reports whether s is the Fernet key of Airflow's instructions: as a value
// anywhere it is an example, but as the key a deployment is configured with, it is a key the whole
// world has.
func IsTutorialFernetKey(s string) bool { return strings.TrimSpace(s) == tutorialFernetKey }

// IsDefaultSecretKey reports whether s is a well-known default signing key: temporary_key, the
// [webserver] secret_key of Airflow ≤ 1.10.13 (CVE-2020-17526).
func IsDefaultSecretKey(s string) bool {
	return strings.TrimSpace(s) == "temporary_key"
}

// Entropy returns the Shannon entropy of s exactly as gitleaks computes it: character counts over
// runes, frequencies over the length in bytes.
func Entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var ascii [256]int
	var other map[rune]int
	for _, r := range s {
		if r < 256 {
			ascii[r]++
			continue
		}
		if other == nil {
			other = make(map[rune]int)
		}
		other[r]++
	}
	inv := 1.0 / float64(len(s))
	var e float64
	for _, c := range ascii {
		if c > 0 {
			f := float64(c) * inv
			e -= f * math.Log2(f)
		}
	}
	for _, c := range other {
		f := float64(c) * inv
		e -= f * math.Log2(f)
	}
	return e
}

// isPlaceholderKey reports whether s is a PEM private key block whose body is filler (XXXX...),
// as in documentation and chart examples.
func isPlaceholderKey(s string) bool {
	if !strings.Contains(s, "PRIVATE KEY") {
		return false
	}
	body, filler := 0, 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "-----") {
			continue
		}
		for i := 0; i < len(line); i++ {
			body++
			if line[i] == 'X' || line[i] == 'x' || line[i] == '.' || line[i] == '*' {
				filler++
			}
		}
	}
	return body > 0 && filler*2 > body
}

// LooksLikeIdentifier reports whether s reads as a name rather than a secret: two or more
// words of letters (or of digits only) joined by '_', '-' or camelCase, such as
// cron_schedule=, test-s3-bucket-tagging-key or TwitterAdsApiSourceConfig. Generic
// (keyword + entropy) matches of such text are names picked up next to a secret-like keyword.
func LooksLikeIdentifier(s string) bool {
	s = strings.TrimRight(s, "=:")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	words := splitWords(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		letters, digits := 0, 0
		for i := 0; i < len(w); i++ {
			if w[i] >= '0' && w[i] <= '9' {
				digits++
			} else {
				letters++
			}
		}
		if letters > 0 && digits > 0 && len(w) > 3 || letters == 1 && digits == 0 {
			return false // s3, v2 and ec2 are name parts; longer mixed words are not
		}
		if digits == 0 && len(w) > 3 && !strings.ContainsAny(w, "aeiouy") {
			return false
		}
	}
	return true
}
