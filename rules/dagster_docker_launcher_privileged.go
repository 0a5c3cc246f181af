package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DagsterDockerLauncherPrivileged reports Dagster run, step and Pipes containers started by
// dagster-docker with the host's privileges.
var DagsterDockerLauncherPrivileged = &Rule{
	Meta: Meta{
		ID:         "dagster-docker-launcher-privileged",
		Title:      "dagster docker run containers get host privileges",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-250"},
		References: []string{
			"https://docs.dagster.io/deployment/oss/deployment-options/docker",
			"https://docs.dagster.io/api/libraries/dagster-docker",
			"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		},
		Why: "dagster-docker starts a container per run (`DockerRunLauncher`), per step " +
			"(`docker_executor`) or per Pipes call (`PipesDockerClient.run`) and passes `container_kwargs` " +
			"to Docker's `containers.create`. A mount of `/var/run/docker.sock` (common in public " +
			"`dagster.yaml` files, so runs can start sibling containers) or of the host's root, " +
			"`privileged: true`, `network_mode` / `pid_mode: host`, dangerous `cap_add` or " +
			"`security_opt: [seccomp=unconfined]` give the code of every run root on the Docker host, and " +
			"with it the other runs' containers and credentials.\n\n" +
			"Read from `dagster.yaml` (`run_launcher` of class `DockerRunLauncher`), `dagster_cloud.yaml` " +
			"(`container_context.docker`), and Python: `container_kwargs=` in a module that imports " +
			"`dagster_docker`, and any `dagster_docker` call such as `docker_executor.configured({...})`. " +
			"Host paths given by variables are not judged.",
		Remediation: "Run containers unprivileged and without the Docker socket or host system directories. " +
			"If runs must start containers, give them a remote Docker API over TLS with scoped access, or " +
			"move to a Kubernetes launcher with restricted pod settings.",
	},
	Python:      dagsterDockerLauncherPrivilegedPython,
	PythonNeeds: []string{"dagster_docker"},
	YAML:        dagsterDockerLauncherPrivilegedYAML,
}

func dagsterDockerLauncherPrivilegedYAML(pass *Pass, s *yaml.Stream) error {
	r := newPodReporter(pass)
	switch s.Kind() {
	case yaml.DagsterYAML:
		for _, d := range s.Documents() {
			rl := d.Get("run_launcher")
			class, _ := rl.Get("class").String()
			module, _ := rl.Get("module").String()
			if class != "DockerRunLauncher" && !strings.HasPrefix(module, "dagster_docker") {
				continue
			}
			if kw := rl.Path("config", "container_kwargs"); kw != nil {
				r.report(podHazards(yamlSpec(kw, "container_kwargs", kw.KeySpan(), 0)))
			}
		}
	case yaml.DagsterCloud:
		for _, d := range s.Documents() {
			for _, loc := range d.Get("locations").Items() {
				if kw := loc.Path("container_context", "docker", "container_kwargs"); kw != nil {
					r.report(podHazards(yamlSpec(kw, "container_kwargs", kw.KeySpan(), 0)))
				}
			}
		}
	}
	return nil
}

func dagsterDockerLauncherPrivilegedPython(pass *Pass, m *python.Module) error {
	if !m.Imports("dagster_docker") {
		return nil // fast path
	}
	r := newPodReporter(pass)
	for _, c := range m.Calls() {
		if strings.HasPrefix(c.Name, "dagster_docker.") {
			r.report(podHazards(pythonSpec(c.Expr, "", c.Span, 0)))
			for _, a := range c.Args { // docker_executor.configured({...}) takes its config positionally
				r.report(podHazards(pythonSpec(a, "", source.Span{}, 0)))
			}
			continue
		}
		if kw := c.Keyword("container_kwargs"); kw != nil {
			r.report(podHazards(pythonSpec(kw.Value, kw.Name, kw.NameSpan, 0)))
		}
	}
	return nil
}
