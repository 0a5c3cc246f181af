package rules

// Helpers for the rules that judge whether a server is reachable without authentication
// (dagster-webserver-exposed-without-auth, airflow-flower-unauthenticated): command lines as
// written in Dockerfiles, compose services and Kubernetes containers, the ports a compose service
// publishes, and the signs of an authenticating proxy in front of a Kubernetes workload.

import (
	"bytes"
	"net"
	"path"
	"strconv"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dockerfile"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// cmdWord is one word of a command line and where it is written.
type cmdWord struct {
	Text string
	Span source.Span
}

// shellSeparators end one command of a shell line.
var shellSeparators = map[string]bool{"&&": true, "||": true, ";": true, "|": true, "&": true}

// locateWords splits each text on blanks (a Dockerfile exec word, a compose list item or a whole
// `sh -c "..."` string), strips the quotes around each piece, and finds the pieces in order in the
// file between start and end, so every word carries its exact span. A piece that cannot be found
// as written (an escape sequence) gets the whole region.
func locateWords(f *source.File, texts []string, start, end int) []cmdWord {
	end = min(end, len(f.Content))
	start = min(max(start, 0), end)
	cursor := start
	var out []cmdWord
	for _, t := range texts {
		for _, field := range strings.Fields(t) {
			for _, w := range splitSeparators(strings.Trim(field, `"'`)) {
				if w == "" {
					continue
				}
				sp := f.Span(start, end)
				if i := bytes.Index(f.Content[cursor:end], []byte(w)); i >= 0 {
					sp = f.Span(cursor+i, cursor+i+len(w))
					cursor += i + len(w)
				}
				out = append(out, cmdWord{Text: w, Span: sp})
			}
		}
	}
	return out
}

// splitSeparators cuts a trailing `;` or `&&` off a word (`0.0.0.0;`), keeping it as a word.
func splitSeparators(w string) []string {
	for sep := range shellSeparators {
		if w != sep && strings.HasSuffix(w, sep) {
			return []string{strings.Trim(strings.TrimSuffix(w, sep), `"'`), sep}
		}
	}
	return []string{w}
}

// yamlCommandWords reads the words of YAML command nodes: a string (`command: "dagit -h 0.0.0.0"`)
// or a list of strings (`args: ["dagster-webserver", "-h", "0.0.0.0"]`), in order.
func yamlCommandWords(f *source.File, nodes ...*yaml.Node) []cmdWord {
	var out []cmdWord
	for _, n := range nodes {
		items := []*yaml.Node{n}
		if n.IsSeq() {
			items = n.Items()
		}
		for _, it := range items {
			if s, ok := it.String(); ok && !it.IsNull() {
				sp := it.Span()
				out = append(out, locateWords(f, []string{s}, sp.Start.Offset, sp.End.Offset)...)
			}
		}
	}
	return out
}

// dockerfileCommands returns, per build stage, the words of the command its image runs: the
// stage's last ENTRYPOINT followed by its last CMD (an exec-form ENTRYPOINT takes CMD as its
// arguments), or the last CMD alone.
func dockerfileCommands(d *dockerfile.File) [][]cmdWord {
	type stage struct{ entrypoint, cmd *dockerfile.Instruction }
	var stages []stage
	for _, in := range d.Instructions() {
		for len(stages) <= in.Stage {
			stages = append(stages, stage{})
		}
		switch in.Cmd {
		case "ENTRYPOINT":
			stages[in.Stage].entrypoint = &in
		case "CMD":
			stages[in.Stage].cmd = &in
		}
	}
	words := func(in *dockerfile.Instruction) []cmdWord {
		texts := in.Exec
		if texts == nil {
			texts = []string{in.Args}
		}
		return locateWords(d.File(), texts, in.ArgsSpan.Start.Offset, in.ArgsSpan.End.Offset)
	}
	var out [][]cmdWord
	for _, s := range stages {
		var ws []cmdWord
		if s.entrypoint != nil {
			ws = words(s.entrypoint)
		}
		if s.cmd != nil && (s.entrypoint == nil || s.entrypoint.Exec != nil) {
			ws = append(ws, words(s.cmd)...)
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// serverCommand is one invocation of a server found in a command line.
type serverCommand struct {
	Prog     cmdWord
	Host     *cmdWord // the value of -h / --host, nil when not given
	Port     string   // the value of -p / --port, "" when not given
	ReadOnly bool     // --read-only
	Args     []cmdWord
}

// findDagsterWebserver finds `dagster-webserver`, `dagit`, `dagster dev` or `python -m
// dagster_webserver` in a command line and reads its host, port and --read-only flags up to the
// end of that shell command.
func findDagsterWebserver(words []cmdWord) (serverCommand, bool) {
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1].Text
		}
		base := path.Base(w.Text)
		var args int
		switch {
		case base == "dagster-webserver" || base == "dagit":
			args = i + 1
		case base == "dagster" && next == "dev":
			args = i + 2
		case w.Text == "-m" && (next == "dagster_webserver" || next == "dagit"):
			args = i + 2
		default:
			continue
		}
		sc := serverCommand{Prog: w}
		if args == i+2 { // name the program as its two words: `dagster dev`, `-m dagit`
			sc.Prog.Text += " " + next
			sc.Prog.Span = w.Span.To(words[i+1].Span)
		}
		for j := args; j < len(words) && !shellSeparators[words[j].Text]; j++ {
			a := words[j]
			sc.Args = append(sc.Args, a)
			switch {
			case (a.Text == "-h" || a.Text == "--host") && j+1 < len(words):
				sc.Host = &words[j+1]
			case strings.HasPrefix(a.Text, "--host="):
				v := cmdWord{Text: strings.TrimPrefix(a.Text, "--host="), Span: a.Span}
				if v.Span.End.Offset-v.Span.Start.Offset == len(a.Text) { // found as written: point at the value
					v.Span.Start.Offset += len("--host=")
					v.Span.Start.Col += len("--host=")
				}
				sc.Host = &v
			case (a.Text == "-p" || a.Text == "--port") && j+1 < len(words):
				sc.Port = words[j+1].Text
			case strings.HasPrefix(a.Text, "--port="):
				sc.Port = strings.TrimPrefix(a.Text, "--port=")
			case a.Text == "--read-only":
				sc.ReadOnly = true
			}
		}
		return sc, true
	}
	return serverCommand{}, false
}

// literalAllInterfaces reports whether a command-line host is a literal bind to every interface
// (not `$HOST` or a template).
func literalAllInterfaces(w *cmdWord) bool {
	return w != nil && !strings.ContainsAny(w.Text, "${}") && allInterfaces(w.Text)
}

// ---------------------------------------------------------------------------------------------
// docker-compose

// composeServices lists the services of a compose file as (name, service) pairs.
func composeServices(s *yaml.Stream) []yaml.Pair {
	if s.Kind() != yaml.Compose {
		return nil
	}
	var out []yaml.Pair
	for _, d := range s.Documents() {
		for _, p := range d.Get("services").Pairs() {
			if p.Value.IsMap() {
				out = append(out, p)
			}
		}
	}
	return out
}

// composePublished returns the node that publishes a service's container port on a host interface
// other than loopback (`"3000:3000"`, `"3000"`, `{target: 3000, published: 3000}`), or the
// `network_mode: host` node, or nil. A container port written as a variable counts as a match, and
// so does every container port when port is "" (not known).
func composePublished(svc *yaml.Node, port string) *yaml.Node {
	if nm, ok := svc.Get("network_mode").String(); ok && nm == "host" {
		return svc.Get("network_mode")
	}
	for _, it := range svc.Get("ports").Items() {
		var hostIP, target string
		if it.IsMap() {
			target, _ = it.Get("target").String()
			hostIP, _ = it.Get("host_ip").String()
		} else if s, ok := it.String(); ok {
			hostIP, _, target = parsePortSpec(s)
		}
		if isLoopbackHost(hostIP) || !portMatches(target, port) {
			continue
		}
		if it.IsMap() { // point at the host side of the long syntax, whose map has no width
			if pub := it.Get("published"); pub != nil {
				return pub
			}
			return it.Get("target")
		}
		return it
	}
	return nil
}

// parsePortSpec splits a compose short port syntax ("[IP:][HOST:]CONTAINER[/PROTO]").
func parsePortSpec(s string) (hostIP, published, target string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if strings.HasPrefix(s, "[") { // [::1]:3000:3000
		if j := strings.Index(s, "]:"); j >= 0 {
			hostIP, s = s[1:j], s[j+2:]
		}
	}
	parts := strings.Split(s, ":")
	switch len(parts) {
	case 1:
		return hostIP, "", parts[0]
	case 2:
		return hostIP, parts[0], parts[1]
	default:
		return parts[0], parts[len(parts)-2], parts[len(parts)-1]
	}
}

// portMatches reports whether a compose container port (a number, a range, or a variable) covers
// port; an empty port (not known) is covered by every container port.
func portMatches(target, port string) bool {
	target = strings.TrimSpace(target)
	switch {
	case target == "":
		return false
	case port == "", strings.Contains(target, "$"):
		return true
	case target == port:
		return true
	}
	lo, hi, ok := strings.Cut(target, "-")
	l, err1 := strconv.Atoi(lo)
	h, err2 := strconv.Atoi(hi)
	p, err3 := strconv.Atoi(port)
	return ok && err1 == nil && err2 == nil && err3 == nil && l <= p && p <= h
}

// isLoopbackHost reports whether a bind address or host name is the loopback interface.
func isLoopbackHost(h string) bool {
	h = strings.Trim(strings.TrimSpace(h), "[]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// composeEnvVar is one variable of a compose service's environment.
type composeEnvVar struct {
	Value string
	Set   bool // a non-empty value, a reference, or a pass-through from the host (`- NAME`)
}

// composeEnv reads a service's environment, merged anchors included: the mapping form and the
// `NAME=value` list form.
func composeEnv(svc *yaml.Node) map[string]composeEnvVar {
	out := map[string]composeEnvVar{}
	env := svc.Get("environment")
	for _, p := range env.Pairs() {
		s, _ := p.Value.String()
		out[p.Key] = composeEnvVar{Value: s, Set: p.Value.IsNull() || strings.TrimSpace(s) != ""}
	}
	for _, it := range env.Items() {
		s, ok := it.String()
		if !ok {
			continue
		}
		name, val, hasValue := strings.Cut(s, "=")
		out[strings.TrimSpace(name)] = composeEnvVar{Value: val, Set: !hasValue || strings.TrimSpace(val) != ""}
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// Kubernetes workloads

// podSpecOf returns the pod spec of a workload manifest (Pod, Deployment, StatefulSet, DaemonSet,
// ReplicaSet, Job, CronJob), or nil.
func podSpecOf(m yaml.Manifest) *yaml.Node {
	switch m.Kind {
	case "Pod":
		return m.Doc.Get("spec")
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		return m.Doc.Path("spec", "template", "spec")
	case "CronJob":
		return m.Doc.Path("spec", "jobTemplate", "spec", "template", "spec")
	}
	return nil
}

// authProxyImages name the authenticating proxies that run as a sidecar in front of a UI.
var authProxyImages = []string{"oauth2-proxy", "oauth-proxy", "pomerium", "gatekeeper", "authelia", "vouch-proxy", "iap-"}

// hasAuthProxySidecar reports whether a pod runs an authenticating proxy container.
func hasAuthProxySidecar(spec *yaml.Node) bool {
	for _, c := range spec.Get("containers").Items() {
		img, _ := c.Get("image").String()
		img = strings.ToLower(img)
		for _, p := range authProxyImages {
			if strings.Contains(img, p) {
				return true
			}
		}
	}
	return false
}

// authAnnotation reports whether Ingress or Service annotations configure authentication at the
// ingress controller or load balancer (nginx auth-url / auth-type, ALB auth-type, Traefik
// middlewares, GKE backend configs with IAP), or an internal-only load balancer. Middlewares and
// backend configs are not read further: they may authenticate, so they count.
func authAnnotation(annotations *yaml.Node) bool {
	for _, p := range annotations.Pairs() {
		k := strings.ToLower(p.Key)
		v, _ := p.Value.String()
		v = strings.ToLower(strings.TrimSpace(v))
		switch {
		case strings.HasSuffix(k, "/auth-url"), strings.HasSuffix(k, "/auth-type"), strings.HasSuffix(k, "/auth-signin"),
			strings.HasSuffix(k, "/auth-secret"), strings.Contains(k, "oauth"), strings.Contains(k, "middlewares"),
			strings.HasSuffix(k, "backend-config"), strings.Contains(k, "/auth-"):
			return true
		case strings.HasSuffix(k, "load-balancer-internal") && v != "false" && v != "",
			strings.HasSuffix(k, "load-balancer-type") && v == "internal",
			strings.HasSuffix(k, "/aws-load-balancer-scheme") && v == "internal",
			strings.HasSuffix(k, "/scheme") && v == "internal":
			return true
		}
	}
	return false
}

// externalServiceType reports whether a Service type makes it reachable from outside the cluster.
func externalServiceType(t string) bool {
	return t == "LoadBalancer" || t == "NodePort"
}

// k8sExposure describes how a stream of manifests exposes its workloads: a LoadBalancer or
// NodePort Service, or an Ingress, without an authentication annotation. exposed is nil when
// nothing in the stream exposes anything; authed is true when an Ingress or Service in it carries
// an authentication annotation; internal is true when the stream has a cluster-internal Service
// (ClusterIP, the default type), which shows how the workload is meant to be reached.
func k8sExposure(s *yaml.Stream) (exposed *yaml.Node, how string, authed, internal bool) {
	for _, m := range s.Manifests() {
		switch m.Kind {
		case "Service":
			t := m.Doc.Path("spec", "type")
			ts, _ := t.String()
			if !externalServiceType(ts) {
				internal = true
				continue
			}
			if authAnnotation(m.Doc.Path("metadata", "annotations")) {
				authed = true
			} else if exposed == nil {
				exposed, how = t, "a "+ts+" Service"
			}
		case "Ingress":
			if authAnnotation(m.Doc.Path("metadata", "annotations")) {
				authed = true
			} else if exposed == nil {
				exposed, how = m.Doc.Get("kind"), "an Ingress"
			}
		}
	}
	return exposed, how, authed, internal
}
