package rules

import (
	"bytes"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectWorkerAPIKeyPlainEnv reports Kubernetes workers that write the Prefect Cloud API key as
// a plain environment value into every flow-run Job they create.
var PrefectWorkerAPIKeyPlainEnv = &Rule{
	Meta: Meta{
		ID:         "prefect-worker-api-key-plain-env",
		Title:      "prefect kubernetes worker puts the api key in job pod specs",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-526"},
		References: []string{
			"https://github.com/PrefectHQ/prefect-helm/blob/main/charts/prefect-worker/values.yaml",
			"https://docs.prefect.io/integrations/prefect-kubernetes",
		},
		Why: "A Kubernetes worker for Prefect Cloud gives each flow-run Job the API key. With the " +
			"prefect-worker chart's `jobApiKeyPropagation: envVar`, or a worker installed without the chart " +
			"that sets neither `PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME` nor " +
			"`PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY=true`, the key is written as a " +
			"plain `PREFECT_API_KEY` value into every Job spec: anyone who can `get` jobs or pods in the " +
			"namespace reads it, and it is kept with each finished Job.",
		Remediation: "Keep the chart's default `jobApiKeyPropagation: secretRef` (job pods reference the " +
			"existing API key Secret), or `autoSecret`. Without the chart, set " +
			"`PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME` (and `..._SECRET_KEY`) on the worker, " +
			"or `PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY=true`.",
	},
	YAML: prefectWorkerAPIKeyPlainEnvYAML,
}

// Worker settings that make the Kubernetes worker reference a Secret instead of copying the key.
const (
	k8sWorkerAPIKeySecretName = "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME"
	k8sWorkerCreateAPIKeySecr = "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY"
)

func prefectWorkerAPIKeyPlainEnvYAML(pass *Pass, s *yaml.Stream) error {
	switch s.Kind() {
	case yaml.PrefectHelm:
		for _, d := range s.Documents() {
			for _, api := range []string{"cloudApiConfig", "customerManagedCloudApiConfig"} {
				p := d.Path("worker", api, "jobApiKeyPropagation")
				if v, _ := p.String(); v == "envVar" && workerUses(d, api) {
					pass.Report(Finding{Span: p.KeySpan().To(p.Span()),
						Message: "`jobApiKeyPropagation: envVar` writes the Prefect API key as a plain env value into every flow-run job"})
				}
			}
		}
	default: // manifests, compose files, other charts' values: wherever a worker container is written
		if c := s.File().Content; !bytes.Contains(c, []byte("PREFECT_API_KEY")) || !bytes.Contains(c, []byte("worker")) {
			return nil // no worker container with the key can be written here; skip the walk
		}
		for _, d := range s.Documents() {
			walkWorkerContainers(d, 0, func(env map[string]string, apiKey source.Span) {
				if _, ok := env[k8sWorkerAPIKeySecretName]; ok {
					return
				}
				switch strings.ToLower(strings.Trim(env[k8sWorkerCreateAPIKeySecr], `"' `)) {
				case "true", "1", "yes", "on":
					return
				}
				pass.Report(Finding{Span: apiKey, Confidence: ConfidenceMedium,
					Message: "kubernetes worker copies `PREFECT_API_KEY` as a plain env value into every flow-run job (no API key secret configured)"})
			})
		}
	}
	return nil
}

// walkWorkerContainers finds containers (Kubernetes) and services (compose) that run
// `prefect worker start --type kubernetes` with PREFECT_API_KEY in their environment, and calls fn
// with their environment (name to value as written, "" for valueFrom) and the
// span of the PREFECT_API_KEY name.
func walkWorkerContainers(n *yaml.Node, depth int, fn func(env map[string]string, apiKey source.Span)) {
	if n == nil || depth > 16 {
		return
	}
	switch {
	case n.IsSeq():
		for _, it := range n.Items() {
			walkWorkerContainers(it, depth+1, fn)
		}
		return
	case !n.IsMap():
		return
	}
	if isK8sWorkerCommand(n) {
		env, names := containerEnv(n)
		if k, ok := names["PREFECT_API_KEY"]; ok {
			fn(env, k)
		}
	}
	for _, p := range n.Pairs() {
		walkWorkerContainers(p.Value, depth+1, fn)
	}
}

// isK8sWorkerCommand reports whether a container's command and args (or a service's command and
// entrypoint) start a Kubernetes-type Prefect worker.
func isK8sWorkerCommand(n *yaml.Node) bool {
	var words []string
	for _, k := range []string{"entrypoint", "command", "args"} {
		c := n.Get(k)
		if s, ok := c.String(); ok {
			words = append(words, strings.Fields(s)...)
		}
		for _, it := range c.Items() {
			if s, ok := it.String(); ok {
				words = append(words, strings.Fields(s)...)
			}
		}
	}
	cmd := " " + strings.Join(words, " ") + " "
	return strings.Contains(cmd, " prefect worker start ") &&
		(strings.Contains(cmd, " --type kubernetes ") || strings.Contains(cmd, " -t kubernetes ") ||
			strings.Contains(cmd, " --type=kubernetes "))
}

// containerEnv reads a Kubernetes container's env list or a compose service's environment (map or
// NAME=value list): values by name, and where each name is written.
func containerEnv(n *yaml.Node) (vals map[string]string, names map[string]source.Span) {
	vals, names = map[string]string{}, map[string]source.Span{}
	for _, it := range n.Get("env").Items() {
		name := it.Get("name")
		if s, ok := name.String(); ok {
			v, _ := it.Get("value").String()
			vals[s], names[s] = v, name.Span()
		}
	}
	envNode := n.Get("environment")
	for _, p := range envNode.Pairs() {
		v, _ := p.Value.String()
		vals[p.Key], names[p.Key] = v, p.KeySpan
	}
	for _, it := range envNode.Items() {
		if s, ok := it.String(); ok {
			name, v, _ := strings.Cut(s, "=")
			vals[name], names[name] = v, it.Span()
		}
	}
	return vals, names
}
