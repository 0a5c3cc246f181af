package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// DagsterK8sPrivilegedRunConfig reports Dagster run and step pods configured with privileges.
var DagsterK8sPrivilegedRunConfig = &Rule{
	Meta: Meta{
		ID:         "dagster-k8s-privileged-run-config",
		Title:      "dagster kubernetes run pods are privileged",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-250"},
		References: []string{
			"https://docs.dagster.io/deployment/oss/deployment-options/kubernetes/customizing-your-deployment",
			"https://kubernetes.io/docs/concepts/security/pod-security-standards/",
		},
		Why: "The `dagster-k8s/config` tag on a job, op or asset (and the pod specs given to `dagster_k8s` " +
			"clients such as `PipesK8sClient` or `execute_k8s_job`) shapes the pod each run or step runs " +
			"in. `container_config.security_context.privileged`, `pod_spec_config.host_network` / " +
			"`host_pid`, dangerous added capabilities or `host_path` mounts of the node's root or " +
			"runtime socket hand the node to the code of that job. `allow_privilege_escalation` and " +
			"`run_as_user: 0` are reported at medium severity.",
		Remediation: "Use restricted security contexts (`run_as_non_root: True`, `allow_privilege_escalation: " +
			"False`, `capabilities: {drop: [ALL]}`) and no host namespaces or host paths.",
	},
	Python:      dagsterK8sPrivilegedRunConfigPython,
	PythonNeeds: []string{"dagster"},
}

func dagsterK8sPrivilegedRunConfigPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Dagster) {
		return nil // fast path
	}
	r := newPodReporter(pass)
	for _, c := range m.Calls() {
		if strings.HasPrefix(c.Name, "dagster_k8s.") {
			r.report(podHazards(pythonSpec(c.Expr, "", c.Span, 0)))
			continue
		}
		for _, name := range []string{"tags", "op_tags", "run_tags"} {
			kw := c.Keyword(name)
			if kw == nil {
				continue
			}
			if cfg := kw.Value.Get("dagster-k8s/config"); cfg != nil {
				r.report(podHazards(pythonSpec(cfg, "dagster-k8s/config", source.Span{}, 0)))
			}
		}
	}
	return nil
}
