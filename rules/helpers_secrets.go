package rules

// Helpers shared by the secrets rules.
//
// Two kinds of secrets rules share one detection pass per file:
//
//   - pipeline-aware ("structural") rules judge parsed configuration and code: an Airflow option,
//     a Prefect setting, a keyword argument. Each has a detector (secretDetectors, in priority
//     order) that returns hits instead of reporting; structuralSecretHits runs them all once per
//     file (Pass.Memo), drops a hit whose secret span another detector earlier in the list
//     already claimed, and folds one secret repeated in a file into one hit with a count. Every
//     structural rule's hooks just report their own detector's hits.
//   - the generic text rules (known-token-format, credential-in-url-userinfo) run the gitleaks
//     based scanner over every file's bytes and skip every match whose secret overlaps a span a
//     structural detector claimed, so a value is reported once, by the most specific rule. The
//     claims do not depend on which rules are selected: selecting only known-token-format still
//     leaves pipeline-specific values to their own rules.
//
// The generic rules and default-credentials have format hooks that only prime the memo with the
// parsed document, and a Text hook that reports (Text runs after the format hook, and on files
// no front-end parsed).

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// secretScanner is built once per process; it is safe for concurrent use.
var secretScanner = sync.OnceValues(func() (*secrets.Scanner, error) { return secrets.NewScanner() })

// Prepare starts building what the rules share (the secret scanner's rule tables) in the
// background, so that it overlaps with file discovery instead of delaying the first file.
func Prepare() { go secretScanner() }

// fileSecretMatches runs the scanner over the pass's file once, however many rules ask.
func fileSecretMatches(p *Pass) ([]secrets.Match, error) {
	s, err := secretScanner()
	if err != nil {
		return nil, err
	}
	return p.Memo("secrets.scan", func() any { return s.Scan(p.File.Path, p.File.Content) }).([]secrets.Match), nil
}

// secretHit is one finding of a structural secrets rule before it is reported.
type secretHit struct {
	Span       source.Span // primary location
	Secret     source.Span // the secret's bytes (masked by every reporter)
	Message    string
	Severity   Severity   // 0: the rule's
	Confidence Confidence // 0: the rule's
	Props      map[string]string
	Count      int
}

// secretDetector finds the hits of one structural rule in any document.
type secretDetector struct {
	id   string
	hits func(*Pass, source.Document) []secretHit
}

// secretDetectors lists the structural detectors; an earlier one wins a secret span that a later
// one also finds (default credentials first, the broad dotenv rule last).
var secretDetectors = []secretDetector{
	{"default-credentials", defaultCredentialsHits},
	{"airflow-fernet-key-hardcoded", airflowFernetKeyHardcodedHits},
	{"airflow-signing-key-hardcoded", airflowSigningKeyHardcodedHits},
	{"airflow-metadata-db-url-password", airflowMetadataDBURLPasswordHits},
	{"airflow-connection-env-uri-credentials", airflowConnectionEnvURICredentialsHits},
	{"airflow-sensitive-config-option-literal", airflowSensitiveConfigOptionLiteralHits},
	{"airflow-helm-inline-secret-values", airflowHelmInlineSecretValuesHits},
	{"airflow-dag-connection-literal-password", airflowDAGConnectionLiteralPasswordHits},
	{"airflow-operator-literal-credential", airflowOperatorLiteralCredentialHits},
	{"prefect-api-key-hardcoded", prefectAPIKeyHardcodedHits},
	{"prefect-auth-string-hardcoded", prefectAuthStringHardcodedHits},
	{"prefect-database-credentials-literal", prefectDatabaseCredentialsLiteralHits},
	{"prefect-secret-block-literal", prefectSecretBlockLiteralHits},
	{"prefect-credentials-block-literal", prefectCredentialsBlockLiteralHits},
	{"prefect-yaml-step-credential-literal", prefectYAMLStepCredentialLiteralHits},
	{"prefect-job-variables-env-secret", prefectJobVariablesEnvSecretHits},
	{"prefect-flow-parameters-secret", prefectFlowParametersSecretHits},
	{"dagster-plus-token-hardcoded", dagsterPlusTokenHardcodedHits},
	{"dagster-resource-literal-secret", dagsterResourceLiteralSecretHits},
	{"dagster-run-config-literal-secret", dagsterRunConfigLiteralSecretHits},
	{"dagster-instance-yaml-literal-secret", dagsterInstanceYAMLLiteralSecretHits},
	{"dotenv-literal-secret", dotenvLiteralSecretHits},
}

// structuralHits is the memoised result of every structural detector on one file.
type structuralHits struct {
	byRule  map[string][]secretHit
	claimed []source.Span // every secret span any detector found (repeats included)
}

// structuralSecretHits runs every structural detector on doc once per file.
func structuralSecretHits(p *Pass, doc source.Document) *structuralHits {
	return p.Memo("secrets.structural", func() any {
		out := &structuralHits{byRule: map[string][]secretHit{}}
		for _, d := range secretDetectors {
			var mine []secretHit
			for _, h := range d.hits(p, doc) {
				if h.Secret.IsZero() || overlapsAny(h.Secret, out.claimed) && !containsSpan(mine, h.Secret) {
					continue
				}
				out.claimed = append(out.claimed, h.Secret)
				mine = append(mine, h)
			}
			out.byRule[d.id] = foldRepeats(p.File, mine)
		}
		return out
	}).(*structuralHits)
}

func containsSpan(hs []secretHit, s source.Span) bool {
	for _, h := range hs {
		if overlaps(h.Secret, s) {
			return true
		}
	}
	return false
}

// foldRepeats reports one secret repeated in a file once, at its first place, with a count
// (the same value with the same message and severity: a short default password in two settings
// stays two).
// Hits on the same secret span (one value found twice by one detector) collapse too.
func foldRepeats(f *source.File, hs []secretHit) []secretHit {
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Secret.Start.Offset < hs[j].Secret.Start.Offset })
	idx := map[string]int{}
	var out []secretHit
	lastSpan := -1
	for _, h := range hs {
		if h.Secret.Start.Offset == lastSpan {
			continue
		}
		lastSpan = h.Secret.Start.Offset
		key := h.Message + "\x00" + f.Text(h.Secret) + "\x00" + h.Severity.String() // a local use does not hide a remote one
		if i, ok := idx[key]; ok {
			out[i].Count = max(out[i].Count, 1) + 1
			continue
		}
		idx[key] = len(out)
		out = append(out, h)
	}
	return out
}

func overlaps(a, b source.Span) bool {
	return a.Start.Offset < b.End.Offset && b.Start.Offset < a.End.Offset
}

func overlapsAny(s source.Span, spans []source.Span) bool {
	for _, t := range spans {
		if overlaps(s, t) {
			return true
		}
	}
	return false
}

// reportSecretHits reports hits under the pass's rule.
func reportSecretHits(p *Pass, hs []secretHit) {
	sample := isSampleFile(p.File.Path)
	for _, h := range hs {
		if sample && h.Severity != Low {
			h.Severity = Low
			h.Props = withProp(h.Props, "downgraded", "sample, example or unit-test configuration file")
		}
		f := Finding{Span: h.Span, Sensitive: []source.Span{h.Secret}, Message: h.Message,
			Severity: h.Severity, Confidence: h.Confidence, Count: h.Count}
		if len(h.Props) > 0 || h.Count > 1 {
			f.Properties = map[string]string{}
			for k, v := range h.Props {
				f.Properties[k] = v
			}
			if h.Count > 1 {
				f.Properties["occurrences"] = strconv.Itoa(h.Count)
			}
		}
		p.Report(f)
	}
}

// withProp returns props (copied) with k set to v.
func withProp(props map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for pk, pv := range props {
		if pk != k {
			out[pk] = pv
		}
	}
	return out
}

// isSampleFile reports whether a file's name says it is a sample, an example or the
// configuration of a unit-test run (.env.airflow.sample, sample-values-CeleryExecutor.yaml,
// config.example.yaml, unittests.cfg): its credentials are reported at low severity, like those
// under tests/ and examples/, because they are copied into real deployments but are rarely live.
func isSampleFile(p string) bool {
	base := strings.ToLower(path.Base(p))
	for _, w := range strings.FieldsFunc(base, func(r rune) bool { return r == '.' || r == '-' || r == '_' }) {
		switch w {
		case "sample", "samples", "example", "examples", "dist", "unittests", "unittest":
			return true
		}
	}
	return strings.Contains(base, "unit_test")
}

// secretsReport is the format hook of a structural rule: report its detector's hits.
func secretsReport[D source.Document](p *Pass, d D) error {
	reportSecretHits(p, structuralSecretHits(p, d).byRule[p.Rule.ID])
	return nil
}

// secretsPrime is the format hook of a rule that reports from its Text hook: it computes the
// structural hits with the parsed document before the Text hook runs.
func secretsPrime[D source.Document](p *Pass, d D) error {
	structuralSecretHits(p, d)
	return nil
}

// secretsText returns the structural hits for a Text hook: those computed by the format hook,
// or, for a file no front-end parsed, those found in its plain text.
func secretsText(p *Pass, f *source.File) *structuralHits {
	return structuralSecretHits(p, &source.PlainDocument{F: f})
}

// ---------------------------------------------------------------------------------------------
// Values

// literalSecret returns the literal a value stands for when it may be a real secret: a literal
// (or the literal default of ${VAR:-default}) that the shared classifier does not reject as a
// placeholder, template, env reference, documented example or trivial value.
func literalSecret(v value.Value) (value.Value, bool) {
	if v.Kind == value.EnvRef && v.Default != nil {
		v = *v.Default
	}
	if v.Kind != value.Literal || len(strings.TrimSpace(v.Text)) < 4 || secrets.Classify(v.Text) != secrets.Literal {
		return value.Value{}, false // three characters or fewer: a stand-in (foo, k3s), not a credential
	}
	return v, true
}

// valueSecretSpan is the span of a literal's text in the file: the value's span, narrowed to the
// default of ${VAR:-default} when the default is written there.
func valueSecretSpan(f *source.File, v value.Value) source.Span {
	t := f.Text(v.Span)
	if t == v.Text || v.Text == "" {
		return v.Span
	}
	if i := strings.Index(t, v.Text); i >= 0 && strings.Index(t[i+1:], v.Text) < 0 {
		return f.Span(v.Span.Start.Offset+i, v.Span.Start.Offset+i+len(v.Text))
	}
	return v.Span
}

// urlPassword finds a literal password in the userinfo of a URL value. It returns the password,
// the user and the password's span in the file (the whole value's span when the text in the
// file differs from the decoded value).
func urlPassword(f *source.File, v value.Value) (pw, user string, at source.Span, ok bool) {
	lit, ok := literalSecretURL(v)
	if !ok {
		return "", "", source.Span{}, false
	}
	text := strings.TrimSpace(lit.Text)
	i := strings.Index(text, "://")
	if i < 0 {
		return "", "", source.Span{}, false
	}
	// the scheme starts at the last non-scheme character before "://"
	start := i
	for start > 0 && isSchemeChar(text[start-1]) {
		start--
	}
	_, user, ps, pe, ok := secrets.ParseURLUserinfo(text[start:])
	if !ok || ps == pe {
		return "", "", source.Span{}, false
	}
	pw = text[start+ps : start+pe]
	if len(pw) < 4 && !isWeakDefault(user, pw) || secrets.Classify(pw) != secrets.Literal || strings.HasPrefix(pw, "$") || strings.HasPrefix(pw, "%") {
		return "", "", source.Span{}, false
	}
	span := valueSecretSpan(f, lit)
	if f.Text(span) == lit.Text {
		off := span.Start.Offset + strings.Index(lit.Text, text) + start
		span = f.Span(off+ps, off+pe)
	}
	return pw, user, span, true
}

func isSchemeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

// literalSecretURL is literalSecret without the classifier (a URL is never a placeholder as a
// whole; its password is judged alone).
func literalSecretURL(v value.Value) (value.Value, bool) {
	if v.Kind == value.EnvRef && v.Default != nil {
		v = *v.Default
	}
	if v.Kind != value.Literal || value.HasTemplate(v.Text) {
		return value.Value{}, false
	}
	return v, true
}

// isWeakDefault reports whether a password is a well-known default for the user (or, when the
// user is unknown, one of the defaults shipped by the Airflow, Prefect and Dagster quick starts).
func isWeakDefault(user, pw string) bool {
	if secrets.IsDefaultCredential(user, pw) {
		return true
	}
	if user == "" {
		switch pw {
		case "airflow", "admin", "postgres", "prefect", "guest", "prefect-rocks":
			return true
		}
	}
	return false
}

// entrier is a document that lists its key/value leaves.
type entrier interface {
	Entries() []value.Entry
}

// docEntries returns a document's entries, or nil.
func docEntries(doc source.Document) []value.Entry {
	if e, ok := doc.(entrier); ok {
		return e.Entries()
	}
	return nil
}

// quoteName renders a key for a message: backticks, no control characters, bounded length.
func quoteName(s string) string { return "`" + sanitizeName(s) + "`" }

// airflowOptionLiteralHits finds Airflow options (any spelling, any format) whose value is a
// literal secret. format gets the option as `[section] key`.
func airflowOptionLiteralHits(p *Pass, doc source.Document, want func(section, key string) bool, format string) []secretHit {
	var hs []secretHit
	for _, s := range airflowSettings(p, doc) {
		if s.Via != airflow.Direct || !want(s.Section, s.Key) {
			continue
		}
		lit, ok := literalSecret(s.Value)
		if !ok {
			continue
		}
		hs = append(hs, secretHit{Span: settingSpan(s.KeySpan, s.Value), Secret: valueSecretSpan(p.File, lit),
			Message: fmt.Sprintf(format, "`"+s.Option.String()+"`")})
	}
	return hs
}

// helmKeyLiteralHits finds a Helm value named key (at any depth: charts nest it under their own
// top-level key) whose value is a literal secret. format gets the dotted path.
func helmKeyLiteralHits(p *Pass, doc source.Document, key, format string) []secretHit {
	if _, ok := doc.(*yaml.Stream); !ok {
		return nil
	}
	var hs []secretHit
	for _, e := range docEntries(doc) {
		if e.Key() != key {
			continue
		}
		if lit, ok := literalSecret(e.Value); ok {
			hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
				Message: fmt.Sprintf(format, sanitizeName(e.Dotted()))})
		}
	}
	return hs
}

// entryLiteralHits finds entries accepted by want whose value is a literal secret.
func entryLiteralHits(p *Pass, doc source.Document, want func(value.Entry) bool, format string) []secretHit {
	var hs []secretHit
	for _, e := range docEntries(doc) {
		if !want(e) {
			continue
		}
		if lit, ok := literalSecret(e.Value); ok {
			hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
				Message: fmt.Sprintf(format, sanitizeName(e.Key()))})
		}
	}
	return hs
}

// urlPasswordHit is a hit on a password inside a URI setting.
func urlPasswordHit(p *Pass, key source.Span, v value.Value, msg string) (secretHit, bool) {
	pw, user, at, ok := urlPassword(p.File, v)
	if !ok || isWeakDefault(user, pw) {
		return secretHit{}, false // a well-known default is default-credentials' finding
	}
	return secretHit{Span: settingSpan(key, v), Secret: at, Message: msg}, true
}

// jsonSecretHits finds secret-named keys with literal values in a JSON object written as a string
// value (connection extras, backend_kwargs). at is where the string is written.
func jsonSecretHits(p *Pass, key source.Span, v value.Value, msg string) []secretHit {
	lit, ok := literalSecretURL(v)
	if !ok {
		return nil
	}
	t := strings.TrimSpace(lit.Text)
	if !strings.HasPrefix(t, "{") {
		return nil
	}
	var obj map[string]any
	if json.Unmarshal([]byte(t), &obj) != nil {
		return nil
	}
	var hs []secretHit
	var walk func(m map[string]any)
	walk = func(m map[string]any) {
		for k, x := range m {
			switch x := x.(type) {
			case string:
				if secrets.IsSecretName(k) && secrets.Classify(x) == secrets.Literal {
					sp := valueSecretSpan(p.File, lit)
					if i := strings.Index(p.File.Text(sp), x); i >= 0 && len(x) >= 4 {
						sp = p.File.Span(sp.Start.Offset+i, sp.Start.Offset+i+len(x))
					}
					hs = append(hs, secretHit{Span: settingSpan(key, v), Secret: sp, Message: fmt.Sprintf(msg, sanitizeName(k))})
				}
			case map[string]any:
				walk(x)
			}
		}
	}
	walk(obj)
	return hs
}

// ---------------------------------------------------------------------------------------------
// Python

// callSecretHits finds the secret-named keyword arguments of a call bound to literal secrets,
// and, inside dict-valued keywords (headers=, env_vars=, extra=), secret-named keys with literal
// values and literal Authorization headers. what names the call in messages.
func callSecretHits(p *Pass, c *python.Call, what string) []secretHit {
	var hs []secretHit
	for _, kw := range c.Keywords {
		if kw.Value == nil {
			continue
		}
		if secrets.IsSecretName(kw.Name) {
			if lit, ok := literalSecret(kw.Value.Value()); ok {
				hs = append(hs, secretHit{Span: kw.NameSpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
					Message: what + " argument `" + sanitizeName(kw.Name) + "` is a literal"})
				continue
			}
		}
		hs = append(hs, dictSecretHits(p, kw.Value, what+" `"+sanitizeName(kw.Name)+"`", 0)...)
	}
	return hs
}

// dictSecretHits finds secret-named keys with literal values in a dict literal (and nested ones),
// and Authorization headers with a literal scheme + credential.
func dictSecretHits(p *Pass, e *python.Expr, what string, depth int) []secretHit {
	if e == nil || depth > 4 {
		return nil
	}
	var hs []secretHit
	for _, pair := range e.Dict() {
		if pair.Value == nil || pair.KeyText == "" {
			continue
		}
		if sub := pair.Value.Resolve(); sub != nil && (sub.Kind == "dictionary" || sub.Kind == "call") {
			hs = append(hs, dictSecretHits(p, pair.Value, what, depth+1)...)
			continue
		}
		lit, ok := literalSecret(pair.Value.Value())
		if !ok {
			continue
		}
		switch {
		case strings.EqualFold(pair.KeyText, "authorization") || strings.EqualFold(pair.KeyText, "dagster-cloud-api-token") ||
			strings.EqualFold(pair.KeyText, "x-api-key"):
			cred := strings.TrimSpace(lit.Text)
			if i := strings.IndexByte(cred, ' '); i > 0 {
				cred = strings.TrimSpace(cred[i+1:])
			}
			if secrets.Classify(cred) != secrets.Literal || len(cred) < 8 {
				continue
			}
		case !secrets.IsSecretName(pair.KeyText):
			continue
		}
		hs = append(hs, secretHit{Span: pair.KeySpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
			Message: what + " key " + quoteName(pair.KeyText) + " is a literal"})
	}
	return hs
}

// ---------------------------------------------------------------------------------------------
// Prefect settings

// prefectSettingOf returns the Prefect setting an entry sets: a PREFECT_* name in any format, a
// dotted path in a TOML file.
func prefectSettingOf(doc source.Document, e value.Entry) (prefect.Setting, bool) {
	if s, ok := prefect.SettingFromEnv(e.Key()); ok {
		return s, true
	}
	if _, ok := doc.(*toml.File); ok {
		return prefect.SettingFromPath(e.Path)
	}
	return "", false
}

// isPrefectSetting reports whether an entry sets one of the wanted settings.
func isPrefectSetting(doc source.Document, e value.Entry, want ...prefect.Setting) bool {
	s, ok := prefectSettingOf(doc, e)
	return ok && slices.Contains(want, s)
}

// environAssignmentHits finds os.environ["NAME"] = "literal" for the wanted names.
func environAssignmentHits(p *Pass, m *python.Module, want func(string) bool, format string) []secretHit {
	var hs []secretHit
	for _, a := range m.Assignments() {
		t := a.Target
		if !strings.HasPrefix(t, "os.environ[") || !strings.HasSuffix(t, "]") {
			continue
		}
		name := strings.Trim(t[len("os.environ["):len(t)-1], `"'`)
		if !want(name) {
			continue
		}
		if lit, ok := literalSecret(a.Value.Value()); ok {
			hs = append(hs, secretHit{Span: a.TargetSpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
				Message: fmt.Sprintf(format, quoteName(name))})
		}
	}
	return hs
}
