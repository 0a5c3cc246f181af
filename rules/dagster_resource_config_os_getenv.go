package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// DagsterResourceConfigOsGetenv reports Dagster resources and run config holding secrets read
// from the environment (os.getenv, EnvVar(...).get_value()) instead of given as EnvVar.
var DagsterResourceConfigOsGetenv = &Rule{
	Meta: Meta{
		ID:         "dagster-resource-config-os-getenv",
		Title:      "dagster config secret read with os.getenv, not EnvVar",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-200"},
		References: []string{"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets"},
		Why: "A resource field set with `os.getenv(\"X\")`, `os.environ[\"X\"]` or `EnvVar(\"X\").get_value()` is " +
			"resolved when Dagster loads the code location, so the resource config holds the secret's " +
			"value and Dagster shows it in the UI (the resource's config on the Resources and run pages) to " +
			"everyone with access. A field set with `EnvVar(\"X\")` is resolved only at run time and its " +
			"value is not shown. Run config built the same way (`RunRequest(run_config=...)` in a sensor or " +
			"schedule, `define_asset_job(config=...)`) is stored with every run and shown on the run page.",
		Remediation: "Pass `EnvVar(\"SNOWFLAKE_PASSWORD\")` instead of `os.getenv(\"SNOWFLAKE_PASSWORD\")` (in YAML or " +
			"a config dict, `{\"env\": \"SNOWFLAKE_PASSWORD\"}`).",
	},
	Python:      dagsterResourceConfigOsGetenvPython,
	PythonNeeds: []string{"dagster"},
}

func dagsterResourceConfigOsGetenvPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Dagster) {
		return nil // fast path
	}
	rt := dagsterRuntimeOf(pass, m)
	resources := dagsterResourceCalls(m)
	for _, c := range m.Calls() {
		if kws := dagsterRunConfigKeywords(c); kws != nil {
			// run config is stored with the run however late it is built (a sensor's RunRequest)
			for _, kw := range kws {
				if k := c.Keyword(kw); k != nil {
					envConfigDict(pass, k.Value, "run config", runConfigExposure, 0)
				}
			}
			continue
		}
		if rt.runs(c.Func) || inTestFunction(c.Func) {
			continue // built while an op or asset runs, or by a test: not part of the loaded definitions
		}
		if c.Method() == "configured" && c.Receiver != nil {
			if a := c.Arg(0); a != nil {
				envConfigDict(pass, a, "`configured` resource config", loadTimeExposure, 0)
			}
			continue
		}
		if !resources[c] {
			continue
		}
		what := "resource `" + sanitizeName(c.Method()) + "`"
		for _, k := range c.Keywords {
			if k.Value == nil {
				continue
			}
			envConfigValue(pass, k.Value, k.Name, what+" field `"+sanitizeName(k.Name)+"`", loadTimeExposure)
			if d := k.Value.Resolve(); d != nil && d.Kind == "dictionary" {
				envConfigDict(pass, k.Value, what+" `"+sanitizeName(k.Name)+"`", loadTimeExposure, 0)
			}
		}
	}
	// class-level defaults of resource and config fields are evaluated on import
	classes := dagsterClasses(m)
	for _, a := range m.Assignments() {
		if a.Func == nil && classes[a.Class] && !strings.Contains(a.Target, ".") {
			envConfigValue(pass, a.Value, a.Target, "default of `"+sanitizeName(a.Class)+"."+sanitizeName(a.Target)+"`", loadTimeExposure)
		}
	}
	return nil
}

// dagsterResourceCalls are the calls that build a resource: dagster classes named *Resource,
// *IOManager or *Client, classes of the module with a dagster base, imported classes named
// *Resource or *IOManager, and every call given as a value of a resources= dict.
func dagsterResourceCalls(m *python.Module) map[*python.Call]bool {
	local := dagsterClasses(m)
	out := map[*python.Call]bool{}
	for _, c := range m.Calls() {
		meth := c.Method()
		switch {
		case c.Decorator || c.Name == "":
		case local[c.Name],
			strings.HasPrefix(c.Name, "dagster") && (strings.HasSuffix(meth, "Resource") || strings.HasSuffix(meth, "IOManager") || strings.HasSuffix(meth, "Client")),
			strings.Contains(c.Name, ".") && (strings.HasSuffix(meth, "Resource") || strings.HasSuffix(meth, "IOManager")):
			out[c] = true
		}
		for _, k := range c.Keywords {
			if k.Name != "resources" && k.Name != "resource_defs" {
				continue
			}
			if d := k.Value.Resolve(); d != nil && d.Kind == "dictionary" {
				for _, p := range d.Dict() {
					if rc := p.Value.Resolve().Call(); rc != nil {
						out[rc] = true
					}
				}
			}
		}
	}
	return out
}

// How a value read from the environment ends up shown in the UI.
const (
	loadTimeExposure  = "when the code location loads; Dagster shows the value in the UI"
	runConfigExposure = "into the run config, which Dagster stores with the run and shows in the UI"
)

// dagsterRunConfigKeywords returns the keywords of a call that hold run config (see
// runConfigCalls), or nil.
func dagsterRunConfigKeywords(c *python.Call) []string {
	meth := c.Method()
	kws, ok := runConfigCalls[meth]
	if !ok || meth != "to_job" && c.Name != "dagster."+meth {
		return nil
	}
	return kws
}

// inTestFunction reports whether f is (nested in) a test function, which builds resources for
// an in-process run that no UI shows.
func inTestFunction(f *python.Function) bool {
	for ; f != nil; f = f.Parent {
		if strings.HasPrefix(f.Name, "test") || strings.HasSuffix(f.Name, "_test") {
			return true
		}
	}
	return false
}

// envConfigDict reports env reads in a config dict (nested dicts followed).
func envConfigDict(pass *Pass, e *python.Expr, what, exposure string, depth int) {
	d := e.Resolve()
	if d == nil || d.Kind != "dictionary" || depth > 4 {
		return
	}
	for _, p := range d.Dict() {
		if p.Value == nil {
			continue
		}
		if sub := p.Value.Resolve(); sub != nil && sub.Kind == "dictionary" {
			envConfigDict(pass, p.Value, what, exposure, depth+1)
			continue
		}
		if p.KeyText != "" {
			envConfigValue(pass, p.Value, p.KeyText, what+" key "+quoteName(p.KeyText), exposure)
		}
	}
}

// envConfigValue reports e when it is (or interpolates) a read of the environment and the
// variable or the field names a credential.
func envConfigValue(pass *Pass, e *python.Expr, field, what, exposure string) {
	ref, how, ok := loadTimeEnvRead(e)
	if !ok {
		if parts, isStr := e.Resolve().Parts(); isStr {
			for _, p := range parts {
				if p.Expr != nil {
					if ref, how, ok = loadTimeEnvRead(p.Expr); ok {
						break
					}
				}
			}
		}
	}
	if !ok {
		return
	}
	envSecret := ref != "" && secrets.IsSecretName(ref)
	if !envSecret && !secrets.IsSecretName(field) {
		return
	}
	f := Finding{Span: e.Span, Message: what + " is read with " + how + " " + exposure}
	if !envSecret {
		f.Confidence = ConfidenceMedium
	}
	pass.Report(f)
}

// loadTimeEnvRead says whether e reads the environment where it is evaluated: os.getenv,
// os.environ[...], os.environ.get, EnvVar(...).get_value(). It returns the variable name and a
// description of the read.
func loadTimeEnvRead(e *python.Expr) (ref, how string, ok bool) {
	r := e.Resolve()
	if c := r.Call(); c != nil && c.Name == "dagster.EnvVar.get_value" {
		v := c.Receiver.Value()
		return v.Ref, "`EnvVar(" + quoteRef(v.Ref) + ").get_value()`", true
	}
	v := r.Value()
	if v.Kind != value.EnvRef {
		return "", "", false
	}
	if c := r.Call(); c != nil {
		return v.Ref, "`" + sanitizeName(c.Name) + "(" + quoteRef(v.Ref) + ")`", true
	}
	return v.Ref, "`os.environ[" + quoteRef(v.Ref) + "]`", true
}

func quoteRef(ref string) string {
	if ref == "" {
		return "..."
	}
	return `"` + sanitizeName(ref) + `"`
}
