package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectFlowParametersSecret reports secrets passed as Prefect flow or deployment parameters,
// which Prefect stores with the deployment and the flow run and shows in the UI.
var PrefectFlowParametersSecret = &Rule{
	Meta: Meta{
		ID:         "prefect-flow-parameters-secret",
		Title:      "secret passed as a prefect flow parameter",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-200"},
		References: []string{
			"https://docs.prefect.io/v3/how-to-guides/deployments/prefect-yaml",
			"https://docs.prefect.io/v3/how-to-guides/deployments/customize-job-variables",
		},
		Why: "Deployment parameters (`parameters:` in prefect.yaml, `flow.serve(parameters=...)`, " +
			"`flow.deploy(parameters=...)`), the parameters of `run_deployment(...)` and the defaults of a " +
			"flow's signature are stored on the deployment and on every flow run, and shown in the UI and the " +
			"API to everyone with access to the workspace. Prefect does not redact parameter values; only " +
			"`SecretStr`-typed values are obscured. A password passed this way is kept in the run history.",
		Remediation: "Pass the name of a `Secret` or credentials block (`parameters={\"creds_block\": \"prod-db\"}`) " +
			"and load it inside the flow (`Secret.load(creds_block).get()`), or type the parameter " +
			"`pydantic.SecretStr` so Prefect obscures it.",
	},
	Python:      prefectFlowParametersSecretPython,
	PythonNeeds: []string{"prefect"},
	YAML:        secretsReport[*yaml.Stream],
	HCL:         secretsReport[*hcl.File],
}

// prefectParameterCalls are the calls (by method or class name) whose parameters= argument Prefect
// stores: deployments being created and flow runs being started.
var prefectParameterCalls = map[string]bool{
	"serve": true, "deploy": true, "to_deployment": true, "build_from_flow": true, "Deployment": true,
	"RunnerDeployment": true, "run_deployment": true, "create_flow_run_from_deployment": true,
	"create_flow_run": true,
}

// prefectParameters lists the parameters= dicts of Prefect deployment and flow-run calls.
func prefectParameters(m *python.Module) []*python.Expr {
	var out []*python.Expr
	for _, c := range m.Calls() {
		if !prefectParameterCalls[c.Method()] {
			continue
		}
		if k := c.Keyword("parameters"); k != nil && k.Value != nil {
			out = append(out, k.Value)
		}
	}
	return out
}

// prefectFlows lists the functions decorated with @flow.
func prefectFlows(m *python.Module) []*python.Function {
	var out []*python.Function
	for _, f := range m.Functions() {
		if f.Decorator("prefect.flow") != nil {
			out = append(out, f)
		}
	}
	return out
}

// flowArg is one argument of a call to a same-module @flow function: calling a flow (also as a
// subflow) creates a flow run that stores its parameters.
type flowArg struct {
	flow  *python.Function
	param *python.Param
	arg   *python.Expr
	span  source.Span // the keyword name, or the argument for a positional one
}

// flowCallArgs lists the arguments of calls to @flow functions defined in the module, matched to
// the parameters they bind; SecretStr-typed parameters are left out (Prefect obscures them).
func flowCallArgs(m *python.Module) []flowArg {
	var out []flowArg
	for _, c := range m.Calls() {
		if c.Decorator || c.Name == "" || strings.Contains(c.Name, ".") {
			continue
		}
		f := m.Function(c.Name)
		if f == nil || f.Decorator("prefect.flow") == nil {
			continue
		}
		add := func(prm *python.Param, arg *python.Expr, at source.Span) {
			if prm != nil && arg != nil && !isSecretStrType(prm.Annotation) && !isSecretStrValue(arg) {
				out = append(out, flowArg{flow: f, param: prm, arg: arg, span: at})
			}
		}
		for i, a := range c.Args {
			if i < len(f.Params) && f.Params[i].Kind == python.ParamNormal {
				add(f.Params[i], a, a.Span)
			}
		}
		for _, k := range c.Keywords {
			if prm := f.Param(k.Name); prm != nil && prm.Kind != python.ParamVarArgs && prm.Kind != python.ParamVarKw {
				add(prm, k.Value, k.NameSpan)
			}
		}
	}
	return out
}

// isSecretStrValue reports whether e builds a pydantic SecretStr, which Prefect serialises obscured.
func isSecretStrValue(e *python.Expr) bool {
	c := e.Resolve().Call()
	return c != nil && (c.Name == "pydantic.SecretStr" || c.Name == "pydantic.SecretBytes" || c.Method() == "SecretStr")
}

// isSecretStrType reports whether an annotation names SecretStr (also inside Optional[...]).
func isSecretStrType(ann *python.Expr) bool {
	return ann != nil && (strings.Contains(ann.Text, "SecretStr") || strings.Contains(ann.Text, "SecretBytes"))
}

// prefectFlowParametersSecretHits finds literal secrets: under secret-named keys of parameters=
// dicts and prefect.yaml deployment parameters, and as defaults of secret-named flow parameters.
func prefectFlowParametersSecretHits(p *Pass, doc source.Document) []secretHit {
	switch d := doc.(type) {
	case *python.Module:
		if !d.Frameworks().Has(python.Prefect) {
			return nil
		}
		var hs []secretHit
		for _, params := range prefectParameters(d) {
			walkParameterPairs(params, 0, func(key string, pair *python.Pair) {
				if !isParameterSecretName(key) || isSecretStrValue(pair.Value) {
					return
				}
				if lit, ok := literalSecret(pair.Value.Value()); ok {
					hs = append(hs, secretHit{Span: pair.KeySpan.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
						Message: "flow parameter " + quoteName(key) + " is a literal, stored with the deployment and its runs"})
				}
			})
		}
		for _, fa := range flowCallArgs(d) {
			if lit, ok := literalSecret(fa.arg.Value()); ok && isParameterSecretName(fa.param.Name) {
				hs = append(hs, secretHit{Span: fa.span.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
					Message: "flow " + quoteName(fa.flow.Name) + " is called with a literal for parameter " +
						quoteName(fa.param.Name) + ", stored with its flow run"})
			}
		}
		for _, f := range prefectFlows(d) {
			for _, prm := range f.Params {
				if prm.Default == nil || !isParameterSecretName(prm.Name) || isSecretStrType(prm.Annotation) {
					continue
				}
				if lit, ok := literalSecret(prm.Default.Value()); ok {
					hs = append(hs, secretHit{Span: prm.Span.To(lit.Span), Secret: valueSecretSpan(p.File, lit),
						Message: "flow parameter " + quoteName(prm.Name) + " has a literal default, stored with the deployment"})
				}
			}
		}
		return hs
	case *yaml.Stream:
		if d.Kind() != yaml.PrefectYAML {
			return nil
		}
		var hs []secretHit
		for _, e := range d.Entries() {
			key, ok := prefectYAMLParameterKey(e.Path)
			if !ok || !isParameterSecretName(key) {
				continue
			}
			if lit, ok := literalSecret(e.Value); ok {
				hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
					Message: "deployment parameter " + quoteName(key) + " is a literal, stored with the deployment and its runs"})
			}
		}
		return hs
	case *hcl.File:
		var hs []secretHit
		for _, b := range d.Blocks() {
			if b.Type != "resource" || len(b.Labels) == 0 || b.Labels[0] != "prefect_deployment" {
				continue
			}
			a := b.Attribute("parameters")
			if a == nil {
				continue
			}
			for _, e := range a.EncodedEntries() {
				key := innermostKey(e.Path)
				if !isParameterSecretName(key) {
					continue
				}
				if lit, ok := literalSecret(e.Value); ok {
					hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
						Message: "deployment parameter " + quoteName(key) + " is a literal, stored with the deployment and its runs"})
				}
			}
		}
		return hs
	}
	return nil
}

// innermostKey is the last path element that is not a sequence index.
func innermostKey(path []string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if !strings.HasPrefix(path[i], "[") {
			return path[i]
		}
	}
	return ""
}

// prefectYAMLParameterKey returns the innermost key of an entry under deployments[i].parameters
// (parameters: {db: {password: x}} gives "password").
func prefectYAMLParameterKey(path []string) (string, bool) {
	if len(path) < 4 || path[0] != "deployments" || path[2] != "parameters" {
		return "", false
	}
	k := innermostKey(path[3:])
	return k, k != ""
}

// walkParameterPairs calls fn for every leaf pair of a parameters dict, nested dicts included,
// with the innermost key.
func walkParameterPairs(e *python.Expr, depth int, fn func(key string, pair *python.Pair)) {
	if e == nil || depth > 4 {
		return
	}
	for _, pair := range e.Dict() {
		if pair.Value == nil || pair.KeyText == "" {
			continue
		}
		if sub := pair.Value.Resolve(); sub != nil && sub.Kind == "dictionary" {
			walkParameterPairs(pair.Value, depth+1, fn)
			continue
		}
		fn(pair.KeyText, pair)
	}
}

// prefectFlowParametersSecretPython reports the literal hits, then secrets read at deploy or call
// time (Secret.load(...).get(), a credential-named environment variable) that reach parameters or
// flow defaults, and, at low confidence, secret-named flow parameters typed plain str.
func prefectFlowParametersSecretPython(p *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Prefect) {
		return nil // fast path
	}
	if err := secretsReport(p, m); err != nil {
		return err
	}
	for _, params := range prefectParameters(m) {
		walkParameterPairs(params, 0, func(key string, pair *python.Pair) {
			if isSecretStrValue(pair.Value) {
				return
			}
			reportReadSecretParameter(p, m, key, pair.KeySpan.To(pair.Value.Span), pair.Value,
				"flow parameter "+quoteName(key), "stored with the deployment and its runs")
		})
	}
	for _, fa := range flowCallArgs(m) {
		reportReadSecretParameter(p, m, fa.param.Name, fa.span.To(fa.arg.Span), fa.arg,
			"flow "+quoteName(fa.flow.Name)+" is called with parameter "+quoteName(fa.param.Name)+" that", "stored with its flow run")
	}
	for _, f := range prefectFlows(m) {
		for _, prm := range f.Params {
			if isSecretStrType(prm.Annotation) || !isParameterSecretName(prm.Name) {
				continue
			}
			if prm.Default != nil && reportReadSecretParameter(p, m, prm.Name, prm.Span.To(prm.Default.Span), prm.Default,
				"default of flow parameter "+quoteName(prm.Name), "stored with the deployment") {
				continue
			}
			if prm.Default != nil {
				if _, lit := literalSecret(prm.Default.Value()); lit {
					continue // the structural hit
				}
			}
			if prm.Annotation != nil && isPlainStrType(prm.Annotation.Text) {
				p.Report(Finding{Span: prm.Span, Severity: Low, Confidence: ConfidenceLow,
					Message: "flow parameter " + quoteName(prm.Name) + " takes a secret as plain `str`; its value is stored with every run"})
			}
		}
	}
	return nil
}

// reportReadSecretParameter reports a non-literal secret passed as a parameter: under a
// secret-named key, a tainted value (medium confidence when only a variable's name says so) or
// any environment or secret-store read; under any key, a credential-named environment variable.
// It returns whether it reported.
func reportReadSecretParameter(p *Pass, m *python.Module, key string, span source.Span, v *python.Expr, what, stored string) bool {
	if _, lit := literalSecret(v.Value()); lit {
		return false // a literal is the structural hit's
	}
	o, tainted := m.Tainted(v)
	if !tainted {
		vk := v.Value().Kind
		if !isParameterSecretName(key) || vk != value.EnvRef && vk != value.SecretRef {
			return false
		}
		p.Report(Finding{Span: span, Message: what + " is read from " + quoteCode(v.Text) + " and " + stored})
		return true
	}
	if !isParameterSecretName(key) && o.Kind != python.OriginEnv {
		return false // a client id or URL kept next to the secret; a credential-named variable under a neutral key
	}
	f := Finding{Span: span, Message: what + " carries the secret from " + quoteCode(o.Desc) + ", " + stored}
	if o.Kind == python.OriginName {
		f.Confidence = ConfidenceMedium
	}
	if !o.Span.IsZero() && o.Span != v.Span {
		f.Related = []Related{{Path: p.File.Path, Span: o.Span, Message: "the secret comes from here"}}
	}
	p.Report(f)
	return true
}

// isParameterSecretName is secrets.IsSecretName without the names that, in flow parameters, name
// where a secret is kept rather than hold it: the key inside a secret store's JSON
// (database_secret_key_password, database_1_secret_key_ip), an SSM parameter (password_parameter),
// a bucket (credential_bucket).
func isParameterSecretName(name string) bool {
	if !secrets.IsSecretName(name) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' })
	for i, w := range words {
		if w == "key" && i > 0 && words[i-1] == "secret" && i < len(words)-1 {
			return false
		}
	}
	switch words[len(words)-1] {
	case "parameter", "param", "bucket", "arn", "path":
		return false
	}
	return true
}

// isPlainStrType reports whether an annotation is str or an optional str.
func isPlainStrType(t string) bool {
	switch strings.ReplaceAll(t, " ", "") {
	case "str", "Optional[str]", "typing.Optional[str]", "str|None", "None|str":
		return true
	}
	return false
}
