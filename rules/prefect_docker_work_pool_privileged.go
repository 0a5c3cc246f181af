package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// PrefectDockerWorkPoolPrivileged reports Docker work pools and deployments whose flow-run
// containers get the host's privileges.
var PrefectDockerWorkPoolPrivileged = &Rule{
	Meta: Meta{
		ID:         "prefect-docker-work-pool-privileged",
		Title:      "prefect docker flow runs get host privileges",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-250"},
		References: []string{
			"https://docs.prefect.io/integrations/prefect-docker",
			"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		},
		Why: "The Docker worker starts one container per flow run with the work pool's job variables. " +
			"`privileged: true`, a mount of `/var/run/docker.sock` or of the host's root, `network_mode: " +
			"host`, or `container_create_kwargs` with `pid_mode: host`, dangerous `cap_add` or " +
			"`security_opt: [seccomp=unconfined]` give every flow run, and so everyone who can create a " +
			"deployment in the pool, root on the worker host.\n\n" +
			"Read from base job templates (JSON, `prefect work-pool create --base-job-template`), where a " +
			"variable's default counts where the job configuration uses it, and from `job_variables` " +
			"passed to `.deploy()` in Python.",
		Remediation: "Run flow containers unprivileged, without the Docker socket or host directories. If " +
			"flows must build images, use a remote builder or a Docker API over TLS with scoped access.",
	},
	Python:      prefectDockerWorkPoolPrivilegedPython,
	PythonNeeds: []string{"prefect"},
	JSON:        prefectDockerWorkPoolPrivilegedJSON,
}

func prefectDockerWorkPoolPrivilegedJSON(pass *Pass, f *jsonx.File) error {
	tmpl := prefectJobTemplate(f.Root())
	if tmpl == nil || tmpl.Lookup("job_configuration", "job_manifest") != nil {
		return nil // not a template, or a Kubernetes one
	}
	newPodReporter(pass).report(podHazards(prefectJobConfig(tmpl)))
	return nil
}

func prefectDockerWorkPoolPrivilegedPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Prefect) {
		return nil // fast path
	}
	r := newPodReporter(pass)
	for _, c := range m.Calls() {
		if c.Method() != "deploy" {
			continue
		}
		if kw := c.Keyword("job_variables"); kw != nil {
			r.report(podHazards(pythonSpec(kw.Value, kw.Name, kw.NameSpan, 0)))
		}
	}
	return nil
}
