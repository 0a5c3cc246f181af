package rules

// Helpers shared by the Airflow logging rules: which secret flows Airflow's secrets masker hides,
// which Variables hold secrets, and which functions are tasks whose return value goes to XCom.

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
)

// airflowMask says whether Airflow's secrets masker replaces a secret by *** in task logs.
type airflowMask int

const (
	maskNone       airflowMask = iota // never masked: environment values, other secret stores, unknown values
	maskConnection                    // a connection's password or extra: masked while masking is on
	maskVariable                      // a Variable whose name Airflow treats as sensitive
)

// maskNote is the clause a message adds for a masked secret; it says what the masking depends on.
func (k airflowMask) note() string {
	switch k {
	case maskConnection:
		return "; Airflow masks connection secrets there only while secret masking is on"
	case maskVariable:
		return "; Airflow masks this Variable there only while secret masking is on"
	}
	return ""
}

// airflowSensitiveWords are the name parts that make Airflow mask a Variable or connection extra
// field (secrets_masker DEFAULT_SENSITIVE_FIELDS; matched as substrings of the lower-cased name).
var airflowSensitiveWords = []string{"access_token", "api_key", "apikey", "authorization", "passphrase",
	"passwd", "password", "private_key", "secret", "token", "keyfile_dict", "service_account"}

// airflowSensitiveName reports whether Airflow masks a Variable or extra field called name.
func airflowSensitiveName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range airflowSensitiveWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// airflowVariableHoldsSecret reports whether a Variable's name says it holds a credential.
// Variables hold any configuration (bucket names, e-mail lists), so only these count as secrets;
// pw and dsn are common short names Airflow itself does not mask (snowflake_pw).
func airflowVariableHoldsSecret(key string) bool {
	if secrets.IsSecretName(key) || airflowSensitiveName(key) {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(key), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if w == "pw" || w == "dsn" {
			return true
		}
	}
	return false
}

// connSecretMethods and connSecretAttrs return what Airflow masks of a connection.
var (
	connSecretMethods = map[string]bool{"get_uri": true, "get_password": true, "get_extra": true, "get_extra_dejson": true}
	connSecretFields  = map[string]bool{"password": true, "extra": true, "extra_dejson": true, "uri": true}
)

// callAt returns the (non-decorator) call whose span is exactly span, or nil.
func callAt(m *python.Module, o *python.Origin) *python.Call {
	for _, c := range m.Calls() {
		if !c.Decorator && c.Span == o.Span {
			return c
		}
	}
	return nil
}

// airflowSecretOrigin judges where a flow's secret comes from for the Airflow rules: ok is false
// when it is not taken for a secret (a Variable whose name says nothing of a credential, or whose
// name is computed), and mask says whether Airflow masks it in task logs.
func airflowSecretOrigin(m *python.Module, o *python.Origin) (mask airflowMask, ok bool) {
	if o.Kind == python.OriginName {
		// DB_PASSWORD = "demo_password": a module constant holding a placeholder reveals nothing
		if e, ok := m.Constant(o.Desc); ok {
			if v, ok := e.String(); ok && secrets.Classify(v) != secrets.Literal {
				return maskNone, false
			}
		}
	}
	if o.Kind != python.OriginSecretStore {
		return maskNone, true
	}
	if c := callAt(m, o); c != nil {
		switch {
		case c.Name == "airflow.models.Variable.get" || c.Name == "airflow.models.Variable.get_variable_from_secrets":
			key, lit := c.ArgOrKeyword(0, "key").String()
			if !lit || !airflowVariableHoldsSecret(key) {
				return maskNone, false
			}
			if airflowSensitiveName(key) {
				return maskVariable, true
			}
			return maskNone, true
		case c.Receiver != nil && connSecretMethods[c.Method()]:
			return maskConnection, true
		case secretNamesIdentifier(c):
			return maskNone, false
		}
		return maskNone, true
	}
	if i := strings.LastIndexByte(o.Desc, '.'); i >= 0 && connSecretFields[o.Desc[i+1:]] {
		return maskConnection, true
	}
	return maskNone, true
}

// maskedSecrets collects what the module registers with mask_secret: the origins of its arguments
// and their text. Airflow masks a registered value in every later log line of the process.
type maskedSecrets struct {
	origins map[int]bool // start offsets of origin spans
	texts   map[string]bool
}

func airflowMaskedSecrets(m *python.Module) *maskedSecrets {
	ms := &maskedSecrets{origins: map[int]bool{}, texts: map[string]bool{}}
	for _, c := range m.Calls() {
		if c.Name != "airflow.utils.log.secrets_masker.mask_secret" && c.Method() != "mask_secret" {
			continue
		}
		a := c.ArgOrKeyword(0, "secret")
		if a == nil {
			continue
		}
		ms.texts[a.Text] = true
		if o, ok := m.Tainted(a); ok {
			ms.origins[o.Span.Start.Offset] = true
			ms.texts[o.Desc] = true
		}
	}
	return ms
}

// covers reports whether a flow's secret was registered with mask_secret.
func (ms *maskedSecrets) covers(fl *python.Flow) bool {
	if len(ms.texts) == 0 {
		return false
	}
	return ms.origins[fl.Origin.Span.Start.Offset] || ms.texts[fl.Origin.Desc] || ms.texts[fl.Arg.Text]
}

// secretNameArgs are the arguments that name the secret a secret-store call reads.
var secretNameArgs = []string{"secret_id", "SecretId", "secret_name", "name", "Name", "key", "path"}

// identifierWords end the names of secrets that hold identifiers, not credentials: a secret
// manager holds test account ids and project names as well as passwords.
var identifierWords = map[string]bool{"id": true, "ids": true, "name": true, "names": true, "number": true,
	"email": true, "region": true, "project": true, "bucket": true, "host": true, "hostname": true,
	"username": true, "user": true, "login": true, "endpoint": true}

// secretNamesIdentifier reports whether a secret-store read names (literally or through a
// constant) a secret whose name says it holds an identifier: get_secret("cm360_account_id").
func secretNamesIdentifier(c *python.Call) bool {
	a := c.Arg(0)
	for _, k := range secretNameArgs {
		if kw := c.Keyword(k); kw != nil {
			a = kw.Value
			break
		}
	}
	name, ok := a.String()
	name = name[strings.LastIndexByte(name, '/')+1:] // projects/p/secrets/<name>, prod/<name>
	if !ok || airflowVariableHoldsSecret(name) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	return len(words) > 0 && identifierWords[words[len(words)-1]]
}
