package rules

import (
	"slices"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// AirflowDAGParamSecret reports secrets given as DAG params or trigger conf: literal defaults of
// secret-named params, defaults read from a secret store or the environment when the DAG file is
// parsed, and tasks that expect a credential in dag_run.conf.
var AirflowDAGParamSecret = &Rule{
	Meta: Meta{
		ID:         "airflow-dag-param-secret",
		Title:      "secret passed as an airflow dag param or run conf",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-200"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/params.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
		},
		Why: "DAG params (`DAG(params=...)`, `@dag(params=...)`, `Param(default)`) are serialized with the " +
			"DAG, shown with their defaults in the Trigger DAG form and the DAG details, and stored, with " +
			"whatever a user submits, as the run's `conf` in the metadata database, where everyone with read " +
			"access to the DAG can see it in the UI and the REST API. A default read with `Variable.get`, " +
			"`BaseHook.get_connection` or `os.environ` at module level is evaluated at parse time, so the " +
			"secret itself lands in the serialized DAG. `TriggerDagRunOperator(conf=...)` and tasks that read " +
			"a credential from `dag_run.conf` put secrets in the same place.",
		Remediation: "Pass a reference as the param (a connection id, a Variable or secret name) and resolve " +
			"the credential inside the task at run time (`BaseHook.get_connection(conn_id).password`, " +
			"`Variable.get(name)`); leave secret params without a default (`Param(None)`).",
	},
	Python:      airflowDagParamSecretPython,
	PythonNeeds: []string{"airflow"},
}

const (
	paramShown = ", so the Trigger DAG form and every run's conf show it to everyone who can read the DAG"
	confShown  = ", so the secret is stored in clear as the run's conf and shown in the UI"
)

func airflowDagParamSecretPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	for _, c := range m.Calls() {
		switch {
		case isAirflowDAGCall(c):
			if kw := c.Keyword("params"); kw != nil && kw.Value != nil {
				for _, pair := range kw.Value.Dict() {
					reportParamDefault(pass, m, pair)
				}
			}
		case !c.Decorator && strings.HasPrefix(c.Name, "airflow.") && c.Method() == "TriggerDagRunOperator":
			if kw := c.Keyword("conf"); kw != nil && kw.Value != nil {
				for _, pair := range kw.Value.Dict() {
					reportConfValue(pass, m, pair)
				}
			}
		default:
			reportConfRead(pass, c)
		}
	}
	return nil
}

// isAirflowDAGCall reports whether c builds a DAG: DAG(...) (also in with), or the @dag decorator.
func isAirflowDAGCall(c *python.Call) bool {
	if !strings.HasPrefix(c.Name, "airflow.") {
		return false
	}
	return c.Method() == "DAG" || c.Decorator && c.Method() == "dag"
}

// isAirflowParam reports whether c is airflow's Param (airflow.models.param.Param, airflow.sdk.Param).
func isAirflowParam(c *python.Call) bool {
	return c != nil && strings.HasPrefix(c.Name, "airflow.") && c.Method() == "Param"
}

// reportParamDefault judges one entry of a DAG's params: a bare value or a Param's default.
func reportParamDefault(pass *Pass, m *python.Module, pair *python.Pair) {
	if pair.Value == nil {
		return
	}
	def := pair.Value
	if p := def.Resolve().Call(); isAirflowParam(p) {
		def = p.ArgOrKeyword(0, "default")
		if def == nil {
			return // Param(type="string"): no default, the user types it in at trigger time
		}
	}
	reportSecretValue(pass, m, pair, def, "DAG param", paramShown)
}

// reportConfValue judges one entry of TriggerDagRunOperator's conf.
func reportConfValue(pass *Pass, m *python.Module, pair *python.Pair) {
	if pair.Value != nil {
		reportSecretValue(pass, m, pair, pair.Value, "TriggerDagRunOperator conf key", confShown+" of the triggered DAG")
	}
}

// reportSecretValue reports v when it is a literal secret under a secret-named key, or a value
// read from a secret store or a credential-named environment variable.
func reportSecretValue(pass *Pass, m *python.Module, pair *python.Pair, v *python.Expr, what, shown string) {
	key := quoteName(pair.KeyText)
	if pair.KeyText != "" && airflowParamHoldsSecret(pair.KeyText) {
		if lit, ok := literalParamSecret(v); ok {
			pass.Report(Finding{Span: pair.KeySpan.To(lit.Span), Sensitive: []source.Span{valueSecretSpan(pass.File, lit)},
				Message: what + " " + key + " has a literal secret as its value" + shown})
			return
		}
	}
	o, ok := m.Tainted(v)
	if !ok || o.Kind == python.OriginName {
		return // a name alone (api_key=api_key) says nothing of the value the form shows
	}
	if _, ok := airflowSecretOrigin(m, o); !ok {
		return
	}
	fact := "is the value of " + what + " " + key
	if what == "DAG param" {
		fact = "is read when the DAG file is parsed and is the default of DAG param " + key
	}
	pass.Report(secretFlowFinding(pass, o, v.Span, fact+shown))
}

// literalParamSecret returns the literal string v holds when it may be a real secret; numbers
// (token_ttl=3600) and prose ("constant value") are not credentials.
func literalParamSecret(v *python.Expr) (value.Value, bool) {
	if _, ok := v.String(); !ok {
		return value.Value{}, false
	}
	lit, ok := literalSecret(v.Value())
	if !ok || strings.ContainsAny(strings.TrimSpace(lit.Text), " \t\n") {
		return value.Value{}, false
	}
	return lit, true
}

// airflowParamHoldsSecret reports whether a param's name says it holds a credential rather than
// the name of one: api_key, db_password; not api_key_secret_name, password_conn_id, token_ttl.
// Words, not substrings: Airflow's own example calls a constant "hidden_secret_field".
func airflowParamHoldsSecret(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(words) > 1 && words[len(words)-1] == "conn" {
		return false // password_conn: a connection id (IsSecretName already rejects *_conn_id, *_secret_name)
	}
	if secrets.IsSecretName(name) {
		return true
	}
	return slices.Contains(words, "pw") || slices.Contains(words, "dsn")
}

// reportConfRead reports a task reading a secret-named key from dag_run.conf: the design asks
// whoever triggers the DAG to submit the secret, which Airflow then keeps as the run's conf.
func reportConfRead(pass *Pass, c *python.Call) {
	if c.Decorator || c.Method() != "get" || c.Receiver == nil || !isDagRunConf(c.Receiver.Text) {
		return
	}
	key, ok := c.Arg(0).String()
	if !ok || !airflowParamHoldsSecret(key) {
		return
	}
	f := Finding{Span: c.Span, Confidence: ConfidenceMedium,
		Message: "the task reads " + quoteName(key) + " from dag_run.conf: whoever triggers the DAG submits the secret" + confShown}
	if d := c.ArgOrKeyword(1, "default"); d != nil {
		if lit, ok := literalParamSecret(d); ok {
			f.Sensitive = []source.Span{valueSecretSpan(pass.File, lit)}
		}
	}
	pass.Report(f)
}

// isDagRunConf reports whether an expression's text is a DAG run's conf: dag_run.conf,
// context["dag_run"].conf, kwargs['dag_run'].conf.
func isDagRunConf(text string) bool {
	t := strings.ReplaceAll(strings.ReplaceAll(text, " ", ""), "'", "\"")
	return strings.HasSuffix(t, "dag_run.conf") || strings.HasSuffix(t, "[\"dag_run\"].conf")
}
