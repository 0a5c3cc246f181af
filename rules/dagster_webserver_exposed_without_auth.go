package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dockerfile"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DagsterWebserverExposedWithoutAuth reports Dagster webservers reachable beyond their host with
// nothing authenticating the people who reach them.
var DagsterWebserverExposedWithoutAuth = &Rule{
	Meta: Meta{
		ID:         "dagster-webserver-exposed-without-auth",
		Title:      "dagster webserver exposed without authentication",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceMedium,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-306"},
		References: []string{
			"https://docs.dagster.io/deployment/oss/deployment-options/running-dagster-locally",
			"https://docs.dagster.io/api/dagster/cli#dagster-webserver",
			"https://github.com/dagster-io/dagster/issues/2219",
		},
		Why: "Dagster OSS has no login and no roles: whoever reaches the webserver (the UI and its GraphQL " +
			"API) can launch and re-execute runs, which execute code with the run's credentials, change " +
			"schedules and sensors, and read run configuration and logs. `dagster-webserver` (formerly " +
			"`dagit`, and `dagster dev`) binds to `127.0.0.1` by default; `-h 0.0.0.0` opens it to every " +
			"network the host is on.\n\n" +
			"Reported where the webserver is reachable and nothing in front of it authenticates:\n\n" +
			"- a docker-compose service that starts it on `0.0.0.0` and publishes its port on a non-loopback " +
			"host interface (confidence high);\n" +
			"- a Dockerfile `CMD` / `ENTRYPOINT` that starts it on `0.0.0.0` (confidence medium: whether the " +
			"port is published, and behind what, is decided where the image runs);\n" +
			"- Dagster Helm values with `ingress.enabled: true` or a `LoadBalancer` / `NodePort` webserver " +
			"Service, and Kubernetes workloads that start it on `0.0.0.0` next to a `LoadBalancer` / " +
			"`NodePort` Service or an Ingress (confidence medium: a proxy may sit where this file does not " +
			"show it); without any Service or Ingress in the file, at low confidence (every pod of the " +
			"cluster can still reach it, and the Service may be defined elsewhere).\n\n" +
			"Not reported: the `--read-only` webserver, a loopback or variable host, a compose service " +
			"without a published port (reachable only from its network), a workload whose file has only " +
			"cluster-internal (`ClusterIP`) Services, Ingresses and Services with an " +
			"authentication annotation (nginx `auth-url` / `auth-type`, ALB `auth-type`, Traefik " +
			"middlewares, a GKE backend config for IAP) or an internal load balancer, and pods with an " +
			"`oauth2-proxy`-style sidecar. Dagster+ is authenticated and is not concerned.",
		Remediation: "Put an authenticating proxy in front (oauth2-proxy, an identity-aware proxy, ingress " +
			"`auth-url`), keep the full webserver internal, and give wider audiences only a `--read-only` " +
			"webserver (`dagsterWebserver.enableReadOnly` in the Helm chart).",
	},
	Dockerfile: dagsterWebserverExposedDockerfile,
	YAML:       dagsterWebserverExposedYAML,
}

const dagsterWebserverDefaultPort = "3000"

func dagsterWebserverExposedDockerfile(pass *Pass, d *dockerfile.File) error {
	for _, words := range dockerfileCommands(d) {
		sc, ok := findDagsterWebserver(words)
		if !ok || sc.ReadOnly || !literalAllInterfaces(sc.Host) {
			continue
		}
		pass.Report(Finding{Span: sc.Host.Span,
			Message: "`" + sanitizeName(sc.Prog.Text) + "` listens on `" + sanitizeName(sc.Host.Text) +
				"` with no authentication: anyone who reaches the port can launch runs"})
	}
	return nil
}

func dagsterWebserverExposedYAML(pass *Pass, s *yaml.Stream) error {
	switch s.Kind() {
	case yaml.Compose:
		dagsterWebserverExposedCompose(pass, s)
	case yaml.Kubernetes:
		dagsterWebserverExposedK8s(pass, s)
	case yaml.DagsterHelm:
		dagsterWebserverExposedHelm(pass, s)
	}
	return nil
}

func dagsterWebserverExposedCompose(pass *Pass, s *yaml.Stream) {
	for _, svc := range composeServices(s) {
		words := yamlCommandWords(s.File(), svc.Value.Get("entrypoint"), svc.Value.Get("command"))
		sc, ok := findDagsterWebserver(words)
		if !ok || sc.ReadOnly || !literalAllInterfaces(sc.Host) {
			continue
		}
		port := sc.Port
		if port == "" {
			port = dagsterWebserverDefaultPort
		}
		pub := composePublished(svc.Value, port)
		if pub == nil {
			continue // reachable only from the compose network
		}
		pass.Report(Finding{Span: sc.Host.Span, Confidence: ConfidenceHigh,
			Related: []Related{{Path: pass.File.Path, Span: pub.Span(), Message: "port published here"}},
			Message: "`" + sanitizeName(sc.Prog.Text) + "` listens on `" + sanitizeName(sc.Host.Text) + "` and service `" +
				sanitizeName(svc.Key) + "` publishes its port with no authentication: anyone who reaches it can launch runs"})
	}
}

func dagsterWebserverExposedK8s(pass *Pass, s *yaml.Stream) {
	exposed, how, authed, internal := k8sExposure(s)
	if authed || (exposed == nil && internal) {
		return // behind authentication, or only a ClusterIP Service reaches it
	}
	for _, m := range s.Manifests() {
		spec := podSpecOf(m)
		if spec == nil || hasAuthProxySidecar(spec) {
			continue
		}
		for _, c := range spec.Get("containers").Items() {
			sc, ok := findDagsterWebserver(yamlCommandWords(s.File(), c.Get("command"), c.Get("args")))
			if !ok || sc.ReadOnly || !literalAllInterfaces(sc.Host) {
				continue
			}
			f := Finding{Span: sc.Host.Span, Confidence: ConfidenceLow,
				Message: "`" + sanitizeName(sc.Prog.Text) + "` listens on `" + sanitizeName(sc.Host.Text) +
					"` with no authentication proxy in the pod: every pod of the cluster can launch runs"}
			if exposed != nil {
				f.Confidence = ConfidenceMedium
				f.Related = []Related{{Path: pass.File.Path, Span: exposed.Span(), Message: "exposed here"}}
				f.Message = "`" + sanitizeName(sc.Prog.Text) + "` listens on `" + sanitizeName(sc.Host.Text) +
					"` and " + how + " in this file exposes it with no authentication: anyone who reaches it can launch runs"
			}
			pass.Report(f)
		}
	}
}

func dagsterWebserverExposedHelm(pass *Pass, s *yaml.Stream) {
	for _, d := range s.Documents() {
		ws := d.Get("dagsterWebserver")
		if ws == nil {
			ws = d.Get("dagit")
		}
		if ws == nil {
			continue
		}
		if t := ws.Path("service", "type"); t != nil {
			if ts, _ := t.String(); externalServiceType(ts) && !authAnnotation(ws.Path("service", "annotations")) {
				pass.Reportf(t.Span(), "Dagster webserver Service is a `%s` with no authentication in front: anyone who reaches it can launch runs", ts)
			}
		}
		ing := d.Get("ingress")
		if on, ok := ing.Get("enabled").Bool(); ok && on && !authAnnotation(ing.Get("annotations")) {
			pass.Reportf(ing.Get("enabled").Span(), "Dagster webserver is exposed through an Ingress with no authentication annotation: anyone who reaches it can launch runs")
		}
	}
}
