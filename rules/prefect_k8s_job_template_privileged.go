package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
)

// PrefectK8sJobTemplatePrivileged reports Kubernetes work-pool job templates with privileged pods.
var PrefectK8sJobTemplatePrivileged = &Rule{
	Meta: Meta{
		ID:         "prefect-k8s-job-template-privileged",
		Title:      "prefect kubernetes flow-run pods are privileged",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-250"},
		References: []string{
			"https://docs.prefect.io/integrations/prefect-kubernetes",
			"https://kubernetes.io/docs/concepts/security/pod-security-standards/",
		},
		Why: "A Kubernetes work pool's base job template is the Job every flow run becomes. " +
			"`hostNetwork`, `hostPID`, `hostIPC`, `privileged: true`, dangerous added capabilities or " +
			"`hostPath` mounts of the node's root, runtime socket or kubelet state in its `job_manifest` " +
			"give each flow run, and so everyone who can deploy to the pool, control of the node. " +
			"`allowPrivilegeEscalation: true` and `runAsUser: 0` are reported at medium severity.\n\n" +
			"A template variable's default counts where the manifest uses it.",
		Remediation: "Keep flow-run pods under the restricted Pod Security Standard: `runAsNonRoot: true`, " +
			"`allowPrivilegeEscalation: false`, `capabilities: {drop: [ALL]}`, " +
			"`seccompProfile: {type: RuntimeDefault}`, no host namespaces or host paths.",
	},
	JSON: prefectK8sJobTemplatePrivilegedJSON,
}

func prefectK8sJobTemplatePrivilegedJSON(pass *Pass, f *jsonx.File) error {
	tmpl := prefectJobTemplate(f.Root())
	if tmpl == nil || tmpl.Lookup("job_configuration", "job_manifest") == nil {
		return nil // not a Kubernetes template
	}
	newPodReporter(pass).report(podHazards(prefectJobConfig(tmpl)))
	return nil
}
