package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowKPOPrivilegedPod reports task pods started from DAGs with privileged settings.
var AirflowKPOPrivilegedPod = &Rule{
	Meta: Meta{
		ID:         "airflow-kpo-privileged-pod",
		Title:      "airflow task pod runs with node-level privileges",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-250"},
		References: []string{
			"https://kubernetes.io/docs/concepts/security/pod-security-standards/",
			"https://airflow.apache.org/docs/apache-airflow-providers-cncf-kubernetes/stable/operators.html",
		},
		Why: "A `KubernetesPodOperator` (or `GKEStartPodOperator`, `EksPodOperator`, `@task.kubernetes`, " +
			"an `executor_config` pod override) with `privileged: true`, `hostNetwork`, `hostPID`, " +
			"`hostIPC`, dangerous added capabilities or a mount of the node's root, runtime socket or " +
			"kubelet state runs the task with the node's privileges: whoever controls the image or the " +
			"DAG controls the node and every pod on it, and the cloud credentials of the node. " +
			"`allowPrivilegeEscalation: true` and `runAsUser: 0` are reported at medium severity: they " +
			"weaken isolation without breaking out on their own.\n\n" +
			"Settings are read from the operator's keywords, from dicts and `kubernetes.client` objects " +
			"(`V1SecurityContext`, `V1PodSpec`, `V1HostPathVolumeSource`, ...) anywhere in an Airflow " +
			"module, camelCase or snake_case. Ordinary `hostPath` mounts (`/data`, `/tmp`) are not " +
			"reported.",
		Remediation: "Run task pods under the restricted Pod Security Standard: `container_security_context=" +
			"{\"allowPrivilegeEscalation\": False, \"runAsNonRoot\": True, \"capabilities\": {\"drop\": [\"ALL\"]}}`, " +
			"no host namespaces, volumes instead of host paths. Put jobs that truly need privileges in a " +
			"dedicated, isolated namespace and suppress the finding there with a reason.",
	},
	Python:      airflowKPOPrivilegedPodPython,
	PythonNeeds: []string{"airflow"},
}

// podOperators are the operators and decorators that start a Kubernetes pod for a task.
var podOperators = map[string]bool{"KubernetesPodOperator": true, "GKEStartPodOperator": true,
	"EksPodOperator": true, "KubernetesJobOperator": true, "KubernetesStartKueueJobOperator": true,
	"AKSPodOperator": true}

// k8sSpecConstructors are kubernetes.client models that carry pod privileges.
var k8sSpecConstructors = map[string]bool{"V1SecurityContext": true, "V1PodSecurityContext": true,
	"V1PodSpec": true, "V1HostPathVolumeSource": true, "V1Capabilities": true, "V1Volume": true,
	"V1Pod": true, "V1Container": true, "V1PodTemplateSpec": true}

func airflowKPOPrivilegedPodPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	r := newPodReporter(pass)
	for _, c := range m.Calls() {
		last := c.Name[strings.LastIndexByte(c.Name, '.')+1:]
		switch {
		case strings.HasPrefix(c.Name, "airflow.") && (podOperators[last] || strings.HasSuffix(c.Name, "task.kubernetes")):
			r.report(podHazards(pythonSpec(c.Expr, "", c.Span, 0)))
		case strings.HasPrefix(c.Name, "kubernetes.") && k8sSpecConstructors[last]:
			r.report(podHazards(pythonSpec(c.Expr, "", c.Span, 0)))
		default:
			if kw := c.Keyword("executor_config"); kw != nil {
				r.report(podHazards(pythonSpec(kw.Value, kw.Name, kw.NameSpan, 0)))
			}
		}
	}
	return nil
}

// podReporter reports pod hazards once each, however many walks reach the same setting.
type podReporter struct {
	pass *Pass
	seen map[int]bool
}

func newPodReporter(pass *Pass) *podReporter { return &podReporter{pass: pass, seen: map[int]bool{}} }

func (r *podReporter) report(hs []podHazard) {
	for _, h := range hs {
		if r.seen[h.Span.Start.Offset] {
			continue
		}
		r.seen[h.Span.Start.Offset] = true
		r.pass.Report(Finding{Span: h.Span, Message: h.Message, Severity: h.Severity})
	}
}
