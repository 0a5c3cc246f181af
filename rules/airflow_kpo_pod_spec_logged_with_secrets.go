package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// AirflowKPOPodSpecLoggedWithSecrets reports KubernetesPodOperator env_vars that hold secret values
// while the operator logs the pod spec, env values included, when the pod fails.
var AirflowKPOPodSpecLoggedWithSecrets = &Rule{
	Meta: Meta{
		ID:         "airflow-kpo-pod-spec-logged-with-secrets",
		Title:      "secret env var in a pod spec logged on pod failure",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-532"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow-providers-cncf-kubernetes/stable/operators.html",
			"https://github.com/apache/airflow/blob/main/providers/cncf/kubernetes/src/airflow/providers/cncf/kubernetes/operators/pod.py",
		},
		Why: "`env_vars` become plain `V1EnvVar` values in the pod spec. When the pod fails, " +
			"`KubernetesPodOperator.cleanup()` raises an `AirflowException` whose message includes " +
			"`remote_pod: {remote_pod}`, the whole `V1Pod` with every env value, unless " +
			"`log_pod_spec_on_failure=False` (the default is `True`); the exception goes to the task log, " +
			"where Airflow's masker only hides values it was told about. `env_vars` is also a template field, " +
			"shown rendered in the UI's Rendered Template view. A value read with `Variable.get` or " +
			"`os.environ` in the DAG file is read at parse time and sits in the spec like a literal.",
		Remediation: "Give the pod the secret by reference: `secrets=[Secret(\"env\", \"DB_PASSWORD\", " +
			"\"db-secret\", \"password\")]` or a `V1EnvVar(value_from=V1EnvVarSource(secret_key_ref=...))`, " +
			"so the spec holds only the Kubernetes secret's name, and set `log_pod_spec_on_failure=False`.",
	},
	Python:      airflowKPOPodSpecLoggedWithSecretsPython,
	PythonNeeds: []string{"airflow"},
}

const (
	podSpecLogged  = ", and the operator logs the pod spec with env values when the pod fails"
	podSpecDefault = " (log_pod_spec_on_failure defaults to True)"
)

func airflowKPOPodSpecLoggedWithSecretsPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	for _, c := range m.Calls() {
		last := c.Name[strings.LastIndexByte(c.Name, '.')+1:]
		if !strings.HasPrefix(c.Name, "airflow.") || !podOperators[last] && !strings.HasSuffix(c.Name, "task.kubernetes") {
			continue
		}
		logged := podSpecLogged + podSpecDefault
		if kw := c.Keyword("log_pod_spec_on_failure"); kw != nil {
			if kw.Value == nil || !kw.Value.IsTrue() {
				continue // False, or computed: the spec may not be logged
			}
			logged = podSpecLogged
		}
		kw := c.Keyword("env_vars")
		if kw == nil || kw.Value == nil {
			continue
		}
		for _, ev := range podEnvVars(kw.Value) {
			reportPodEnvVar(pass, m, ev, logged)
		}
	}
	return nil
}

// podEnv is one environment variable given to a pod: its name, where the name is written, and
// its value (nil for a V1EnvVar that takes its value from a secretKeyRef or another source).
type podEnv struct {
	name  string
	at    source.Span
	value *python.Expr
}

// podEnvVars lists the variables of an env_vars argument: a dict, or a list of k8s.V1EnvVar.
func podEnvVars(e *python.Expr) []podEnv {
	var out []podEnv
	if r := e.Resolve(); r != nil && (r.Kind == "list" || r.Kind == "tuple") {
		for _, it := range r.Items() {
			c := it.Resolve().Call()
			if c == nil || c.Method() != "V1EnvVar" {
				continue
			}
			name := c.ArgOrKeyword(0, "name")
			n, ok := name.String()
			if !ok {
				continue
			}
			out = append(out, podEnv{name: n, at: name.Span, value: c.ArgOrKeyword(1, "value")})
		}
		return out
	}
	for _, p := range e.Dict() {
		if p.KeyText != "" && p.Value != nil {
			out = append(out, podEnv{name: p.KeyText, at: p.KeySpan, value: p.Value})
		}
	}
	return out
}

// reportPodEnvVar reports an env var whose value is a secret in the pod spec: a literal under a
// secret-like name, a value read from a secret store or the environment when the DAG file is
// parsed, or (low) a template that renders a secret into the spec.
func reportPodEnvVar(pass *Pass, m *python.Module, ev podEnv, logged string) {
	if ev.value == nil {
		return // value_from: the spec holds a reference
	}
	what := "KubernetesPodOperator env var " + quoteName(ev.name)
	secretName := airflowParamHoldsSecret(ev.name)
	v := ev.value.Value()
	if secretName {
		if lit, ok := literalParamSecret(ev.value); ok {
			pass.Report(Finding{Span: ev.at.To(lit.Span), Sensitive: []source.Span{valueSecretSpan(pass.File, lit)},
				Message: what + " is a literal secret" + logged})
			return
		}
		if v.Kind == value.Template {
			// rendered at run time and masked in log lines when it names a sensitive Variable or a
			// connection password, but the exception carries the spec as it was sent to Kubernetes
			pass.Report(Finding{Span: ev.at.To(ev.value.Span), Severity: Low,
				Message: what + " is rendered from a template into the pod spec" + logged})
			return
		}
	}
	o, ok := m.Tainted(ev.value)
	if !ok || o.Kind == python.OriginName && !secretName {
		return
	}
	if _, ok := airflowSecretOrigin(m, o); !ok {
		return
	}
	pass.Report(secretFlowFinding(pass, o, ev.value.Span, "is the value of "+what+logged))
}
