package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowFlowerUnauthenticated reports Celery Flower run for Airflow and reachable without basic
// or OAuth authentication.
var AirflowFlowerUnauthenticated = &Rule{
	Meta: Meta{
		ID:         "airflow-flower-unauthenticated",
		Title:      "celery flower reachable without authentication",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-306"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow-providers-celery/stable/configurations-ref.html#flower-basic-auth",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/flower.html",
			"https://flower.readthedocs.io/en/latest/auth.html",
		},
		Why: "Celery Flower, the monitoring UI of Airflow's Celery workers (`airflow celery flower`), has " +
			"no authentication unless `[celery] flower_basic_auth` (`AIRFLOW__CELERY__FLOWER_BASIC_AUTH`, " +
			"Flower's own `--basic-auth` / `FLOWER_BASIC_AUTH`) or OAuth (`--auth`) is set, and it listens " +
			"on `0.0.0.0` by default (`flower_host`). Whoever reaches it sees every task with its arguments " +
			"and results, and can revoke and terminate tasks, resize pools and shut workers down through " +
			"its API.\n\n" +
			"Reported:\n\n" +
			"- a docker-compose service that runs Flower (`celery flower`, `airflow celery flower`, the " +
			"`flower` command of the puckel image, a `mher/flower` image) and publishes its port on a " +
			"non-loopback interface with no auth in its command or environment (confidence medium when the " +
			"service sits behind a compose profile or reads an `env_file`, which may hold the auth);\n" +
			"- Airflow Helm values (the official chart and airflow-helm/charts) with Flower enabled, no " +
			"`flower.secretName` / `flower.username` and `password` / `flower.basicAuthSecret` and no " +
			"`flower_basic_auth` in `config` or `env`, exposed by an Ingress without an authentication " +
			"annotation or a `LoadBalancer` / `NodePort` Service (confidence medium), or only inside the " +
			"cluster (confidence low);\n" +
			"- `airflow.cfg` and `.env` files of a Celery deployment with `flower_basic_auth` empty and " +
			"`flower_host` on every interface (confidence low: whether Flower runs at all is decided " +
			"elsewhere).\n\n" +
			"Not reported: Flower bound to loopback, a variable host or port we cannot read, a port " +
			"published on `127.0.0.1`, a service that publishes no port, and Ingresses or Services with " +
			"an authentication annotation.",
		Remediation: "Set `AIRFLOW__CELERY__FLOWER_BASIC_AUTH_SECRET` / `_CMD` (or `flower_basic_auth` from a " +
			"secret; Helm `flower.secretName`), or put an authenticating proxy in front, and publish the " +
			"port only on `127.0.0.1` or an internal network.",
	},
	INI:    airflowSettingsHook[*ini.File](airflowFlowerUnauthenticatedConfig),
	Dotenv: airflowSettingsHook[*dotenv.File](airflowFlowerUnauthenticatedConfig),
	YAML:   airflowFlowerUnauthenticatedYAML,
}

const flowerDefaultPort = "5555"

// airflowFlowerUnauthenticatedConfig judges an airflow.cfg or .env file: a Celery executor with
// Flower's auth empty and its host left on every interface.
func airflowFlowerUnauthenticatedConfig(pass *Pass, settings []airflow.Setting) {
	exec, ok := lastSetting(settings, "core", "executor")
	if !ok || exec.Value.Kind != value.Literal || !strings.Contains(exec.Value.Text, "Celery") {
		return // only a Celery deployment runs Flower
	}
	at := exec
	for _, s := range settings {
		switch {
		case s.Is("celery", "flower_basic_auth"):
			if s.Value.Kind != value.Literal || strings.TrimSpace(s.Value.Text) != "" {
				return
			}
			at = s
		case s.Is("celery", "flower_host"):
			if s.Value.Kind != value.Literal || !allInterfaces(s.Value.Text) {
				return
			}
		}
	}
	pass.Report(Finding{Span: settingSpan(at.KeySpan, at.Value), Confidence: ConfidenceLow,
		Message: "Celery deployment leaves Flower's basic auth empty while Flower listens on every interface: " +
			"whoever reaches it can see task arguments and stop workers"})
}

func airflowFlowerUnauthenticatedYAML(pass *Pass, s *yaml.Stream) error {
	switch s.Kind() {
	case yaml.Compose:
		flowerCompose(pass, s)
	case yaml.AirflowHelm, yaml.AirflowHelmCommunity:
		flowerHelm(pass, s)
	}
	return nil
}

// flowerInvocation is what a service's command line and environment say about its Flower.
type flowerInvocation struct {
	Prog cmdWord
	Host string // "" when left at the default (every interface)
	Port string // "" when unknown (a variable): any published port counts
	Auth bool
}

// findFlower finds Flower in a command line: `celery [opts] flower`, `airflow [celery] flower`,
// or `flower` as the command itself (the puckel image's entrypoint), and reads its host, port and
// auth options up to the end of that shell command.
func findFlower(words []cmdWord) (flowerInvocation, bool) {
	start, celery, airflowCLI := 0, false, false
	for i, w := range words {
		if shellSeparators[w.Text] {
			start, celery, airflowCLI = i+1, false, false
			continue
		}
		switch strings.ToLower(w.Text[strings.LastIndexByte(w.Text, '/')+1:]) {
		case "celery":
			celery = true
			continue
		case "airflow":
			airflowCLI = true
			continue
		}
		if w.Text != "flower" || (!celery && !airflowCLI && !onlyWrappers(words[start:i])) {
			continue
		}
		fi := flowerInvocation{Prog: w, Port: flowerDefaultPort}
		end := start
		for end < len(words) && !shellSeparators[words[end].Text] {
			end++
		}
		readFlowerArgs(&fi, words[start:end], airflowCLI)
		return fi, true
	}
	return flowerInvocation{}, false
}

// onlyWrappers reports whether the words before a program only wrap it (`exec`, `sh -c`, tini).
func onlyWrappers(ws []cmdWord) bool {
	for _, w := range ws {
		switch base := w.Text[strings.LastIndexByte(w.Text, '/')+1:]; {
		case base == "exec", base == "sh", base == "bash", base == "tini", base == "dumb-init", base == "--",
			strings.HasPrefix(base, "-"):
		default:
			return false
		}
	}
	return true
}

// readFlowerArgs reads the options of `airflow celery flower` (-H/--hostname, -p/--port,
// -a/--basic-auth) and of Celery's own `flower` (--address, --port, --basic-auth, --auth).
func readFlowerArgs(fi *flowerInvocation, ws []cmdWord, airflowCLI bool) {
	next := func(i int) string {
		if i+1 < len(ws) {
			return ws[i+1].Text
		}
		return ""
	}
	for i, w := range ws {
		t := w.Text
		name, val, hasVal := strings.Cut(t, "=")
		switch {
		case name == "--basic_auth" || name == "--basic-auth" || name == "--auth" || name == "--auth_provider" ||
			name == "--auth-provider" || (airflowCLI && name == "-a"):
			fi.Auth = true
		case name == "--address" || name == "--hostname" || (airflowCLI && name == "-H"):
			fi.Host = val
			if !hasVal {
				fi.Host = next(i)
			}
		case name == "--port" || name == "-p":
			fi.Port = val
			if !hasVal {
				fi.Port = next(i)
			}
		}
	}
}

// applyFlowerEnv reads Flower's host, port and auth from a service's environment: Airflow's
// [celery] flower_* options and Flower's own FLOWER_* variables.
func applyFlowerEnv(fi *flowerInvocation, env map[string]composeEnvVar) {
	for name, v := range env {
		var option string
		if o, ok := airflow.ParseEnvName(name); ok && o.Section == "celery" {
			option = strings.TrimPrefix(o.Key, "flower_")
		} else if rest, ok := strings.CutPrefix(strings.ToUpper(name), "FLOWER_"); ok {
			option = strings.ToLower(rest)
		}
		switch option {
		case "basic_auth", "auth", "auth_provider", "oauth2_key":
			if v.Set {
				fi.Auth = true
			}
		case "host", "address":
			if v.Set {
				fi.Host = v.Value
			}
		case "port":
			if v.Set {
				fi.Port = v.Value
			}
		}
	}
}

func flowerCompose(pass *Pass, s *yaml.Stream) {
	for _, svc := range composeServices(s) {
		fi, ok := findFlower(yamlCommandWords(s.File(), svc.Value.Get("entrypoint"), svc.Value.Get("command")))
		if !ok {
			img := svc.Value.Get("image")
			name, _ := img.String()
			if !isFlowerImage(name) || svc.Value.Get("command") != nil && !onlyOptions(s, svc.Value.Get("command")) {
				continue
			}
			fi = flowerInvocation{Prog: cmdWord{Text: "flower", Span: img.Span()}, Port: flowerDefaultPort}
			readFlowerArgs(&fi, yamlCommandWords(s.File(), svc.Value.Get("command")), false)
		}
		applyFlowerEnv(&fi, composeEnv(svc.Value))
		if fi.Auth || fi.Host != "" && (strings.ContainsAny(fi.Host, "${}") || !allInterfaces(fi.Host)) {
			continue
		}
		port := fi.Port
		if strings.ContainsAny(port, "${}") {
			port = "" // unknown: any published port
		}
		pub := composePublished(svc.Value, port)
		if pub == nil {
			continue // reachable only from the compose network
		}
		f := Finding{Span: pub.Span(),
			Related: []Related{{Path: pass.File.Path, Span: fi.Prog.Span, Message: "Flower started here"}},
			Message: "service `" + sanitizeName(svc.Key) + "` publishes Celery Flower with no basic auth: " +
				"whoever reaches the port can see task arguments and stop workers"}
		if svc.Value.Get("profiles") != nil || svc.Value.Get("env_file") != nil {
			f.Confidence = ConfidenceMedium // opt-in service, or auth may come from the env file
		}
		pass.Report(f)
	}
}

// isFlowerImage reports whether an image is a Flower image (mher/flower, a */flower image).
func isFlowerImage(img string) bool {
	name := strings.ToLower(img)
	if i := strings.LastIndexByte(name, '@'); i >= 0 {
		name = name[:i]
	}
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		name = name[:i]
	}
	return name == "flower" || strings.HasSuffix(name, "/flower")
}

// onlyOptions reports whether a command only passes options (`--port=5555`), as to a Flower
// image whose entrypoint is Flower itself.
func onlyOptions(s *yaml.Stream, cmd *yaml.Node) bool {
	for _, w := range yamlCommandWords(s.File(), cmd) {
		if !strings.HasPrefix(w.Text, "-") {
			return false
		}
	}
	return true
}

// flowerHelm judges the values of the official Airflow chart and of airflow-helm/charts.
func flowerHelm(pass *Pass, s *yaml.Stream) {
	for _, st := range airflowSettings(pass, s) {
		if st.Is("celery", "flower_basic_auth") && (st.Value.Kind != value.Literal || strings.TrimSpace(st.Value.Text) != "") {
			return
		}
	}
	for _, d := range s.Documents() {
		fl := d.Get("flower")
		on, ok := fl.Get("enabled").Bool()
		if !ok || !on || flowerHelmAuth(d, fl) {
			continue
		}
		if ex, ok := d.Get("executor").String(); ok && !strings.Contains(ex, "Celery") && !strings.Contains(ex, "{{") {
			continue // the official chart deploys Flower only with a Celery executor
		}
		ing := d.Path("ingress", "flower")
		ingOn, _ := ing.Get("enabled").Bool()
		allOn, _ := d.Path("ingress", "enabled").Bool() // the official chart's deprecated switch, the community chart's only one
		ingAuthed := authAnnotation(ing.Get("annotations"))
		switch t, _ := fl.Path("service", "type").String(); {
		case (ingOn || allOn) && ingAuthed:
			continue // the Ingress authenticates: the exposure it was made for is covered
		case ingOn || allOn:
			at := ing.Get("enabled")
			if !ingOn {
				at = d.Path("ingress", "enabled")
			}
			pass.Report(Finding{Span: at.Span(), Confidence: ConfidenceMedium,
				Message: "Flower is enabled with no basic auth and exposed through an Ingress with no authentication " +
					"annotation: whoever reaches it can see task arguments and stop workers"})
		case externalServiceType(t) && !authAnnotation(fl.Path("service", "annotations")):
			pass.Report(Finding{Span: fl.Path("service", "type").Span(), Confidence: ConfidenceMedium,
				Message: "Flower is enabled with no basic auth behind a `" + t + "` Service: whoever reaches it " +
					"can see task arguments and stop workers"})
		default:
			pass.Report(Finding{Span: fl.Get("enabled").Span(), Confidence: ConfidenceLow,
				Message: "Flower is enabled with no basic auth: every pod of the cluster can see task arguments and stop workers"})
		}
	}
}

// flowerHelmAuth reports whether chart values give Flower credentials: the official chart's
// secretName or username and password, the community chart's basicAuthSecret, or a `secret`
// entry that sets the Flower auth variable.
func flowerHelmAuth(d, fl *yaml.Node) bool {
	set := func(n *yaml.Node) bool {
		v, ok := n.String()
		return ok && !n.IsNull() && strings.TrimSpace(v) != ""
	}
	if set(fl.Get("secretName")) || set(fl.Get("basicAuthSecret")) || set(fl.Get("username")) && set(fl.Get("password")) {
		return true
	}
	for _, it := range d.Get("secret").Items() {
		if env, _ := it.Get("envName").String(); strings.Contains(strings.ToUpper(env), "FLOWER_BASIC_AUTH") {
			return true
		}
	}
	return false
}
