package value

import (
	"regexp"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Kind says where a value comes from.
type Kind int

// The value kinds. Only Literal values can be hardcoded secrets.
const (
	Unknown   Kind = iota
	Literal        // text written in the file
	EnvRef         // read from the environment at run time: os.environ[...], ${VAR}, {env: VAR}
	SecretRef      // read from a secret store: Secret.load, Variable.get, secretKeyRef, Vault
	Template       // rendered at run time: {{ ... }} Jinja, Helm, Prefect templates, %(x)s
	Expr           // computed by code or by a reference we cannot evaluate (var.x, a call)
)

var kindNames = [...]string{"unknown", "literal", "env", "secret-ref", "template", "expression"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Value is one classified value. Text is the literal text (for Literal, the decoded string
// without quotes); Ref names the variable, secret or expression referred to. Span covers the
// value in its file (for a quoted literal, the text between the quotes when known).
type Value struct {
	Kind Kind
	Text string
	Ref  string
	Span source.Span
	// Default is the literal fallback of an env reference such as ${VAR:-default}; rules judge it
	// like a literal. Nil when there is none.
	Default *Value
}

// IsHardcoded reports whether the value is a literal that is not empty and not a placeholder.
func (v Value) IsHardcoded() bool {
	return v.Kind == Literal && !IsPlaceholder(v.Text)
}

var (
	templateRe    = regexp.MustCompile(`\{\{.*?\}\}|\{%.*?%\}`)
	shellVarRe    = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=?+])?(.*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$`)
	placeholderRe = regexp.MustCompile(`(?i)^(` +
		`<[^<>]*>|\[[^\[\]]*\]|\{[A-Z_][A-Z0-9_]*\}|` + // <password>, [secret], {FERNET_KEY}
		`x{3,}|\*{3,}|\.{3,}|…|-+|_+|#+|` +
		`change[-_ ]?me.*|replace[-_ ]?me.*|fill[-_ ]?me.*|to[-_ ]?do|tbd|fixme|` +
		`(?:your|my|some)[-_ ]?.*|.*placeholder.*|.*redacted.*|` +
		`dummy.*|fake.*|example.*|.*[-_]example|sample.*|test|testing|none|null|nil|false|true|` +
		`secret|password|passwd|pass|pwd|token|key|api[-_]?key|apikey|` +
		`(?:pnu|ghp|dapi|xoxb|sk)_?x+` +
		`)$`)
)

// IsPlaceholder reports whether text is empty or an obvious stand-in for a real secret:
// <password>, changeme, your-token, xxx, ***, REDACTED, dummy, example, the bare word "password",
// Airflow's {FERNET_KEY} template markers, or a run of x after a known token prefix.
func IsPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || t == "~" {
		return true
	}
	return placeholderRe.MatchString(t)
}

// HasTemplate reports whether text contains a {{ ... }} or {% ... %} template expression.
func HasTemplate(text string) bool { return templateRe.MatchString(text) }

// IsTemplate reports whether the whole text is made of templates and whitespace; a literal with a
// template inside (prefix-{{ x }}) is still partly literal and is left to the rule.
func IsTemplate(text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{{") && !strings.HasPrefix(t, "{%") {
		return false // fast path: every scalar of every config file comes through here
	}
	return strings.TrimSpace(templateRe.ReplaceAllString(t, "")) == ""
}

// ParseShellVar recognises ${VAR}, $VAR, ${VAR:-default}, ${VAR-default} and ${VAR:=default}.
// It returns the variable name, the default text and whether a default was given.
func ParseShellVar(text string) (name, def string, hasDefault, ok bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "$") {
		return "", "", false, false // fast path: most scalars are not references
	}
	m := shellVarRe.FindStringSubmatch(t)
	if m == nil {
		return "", "", false, false
	}
	if m[4] != "" {
		return m[4], "", false, true
	}
	if m[2] == "" && m[3] != "" {
		return "", "", false, false // ${VAR junk}: not a reference
	}
	// ${VAR:?message} and ${VAR:+alt} carry no fallback value
	hasDefault = (strings.HasSuffix(m[2], "-") || strings.HasSuffix(m[2], "=")) && m[3] != ""
	return m[1], m[3], hasDefault, true
}

// ClassifyString classifies a string written in a configuration file: a whole-value template,
// a shell variable reference (with its default judged as a literal), or a literal.
func ClassifyString(text string, span source.Span) Value {
	if IsTemplate(text) {
		return Value{Kind: Template, Text: text, Span: span}
	}
	if name, def, hasDef, ok := ParseShellVar(text); ok {
		v := Value{Kind: EnvRef, Ref: name, Span: span}
		if hasDef {
			d := Value{Kind: Literal, Text: def, Span: span}
			v.Default = &d
		}
		return v
	}
	return Value{Kind: Literal, Text: text, Span: span}
}
