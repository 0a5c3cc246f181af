package yaml

import (
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// at checks that a span starts at line:col.
func at(t *testing.T, what string, sp source.Span, line, col int) {
	t.Helper()
	if sp.Start.Line != line || sp.Start.Col != col {
		t.Errorf("%s at %d:%d, want %d:%d", what, sp.Start.Line, sp.Start.Col, line, col)
	}
}

// one returns the single entry at dotted, failing when there is not exactly one.
func one(t *testing.T, es []value.Entry, dotted string) value.Entry {
	t.Helper()
	got := entry(es, dotted)
	if len(got) != 1 {
		t.Fatalf("%s: %d entries, want 1", dotted, len(got))
	}
	return got[0]
}

func TestOfficialAirflowCompose(t *testing.T) {
	s := parseFixture(t, "airflow-compose.yaml")
	if len(s.SyntaxErrors()) != 0 || s.Templated() || s.Kind() != Compose {
		t.Fatalf("errors %v templated %v kind %s", s.SyntaxErrors(), s.Templated(), s.Kind())
	}
	es := s.Entries()
	conn := one(t, es, "x-airflow-common.environment.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN")
	at(t, "conn key", conn.KeySpan, 8, 5)
	at(t, "conn value", conn.Value.Span, 8, 42)
	fernet := one(t, es, "x-airflow-common.environment.AIRFLOW__CORE__FERNET_KEY")
	at(t, "empty fernet key", fernet.Value.Span, 10, 33)
	img := one(t, es, "x-airflow-common.image")
	if img.Value.Kind != value.EnvRef || img.Value.Ref != "AIRFLOW_IMAGE_NAME" || img.Value.Default.Text != "apache/airflow:2.10.5" {
		t.Errorf("image = %+v", img.Value)
	}
	pw := one(t, es, "services.airflow-init.environment._AIRFLOW_WWW_USER_PASSWORD")
	if pw.Value.Kind != value.EnvRef || pw.Value.Default == nil || pw.Value.Default.Text != "airflow" {
		t.Errorf("password = %+v", pw.Value)
	}
	at(t, "password", pw.Value.Span, 47, 35)
	pg := one(t, es, "services.postgres.environment.POSTGRES_PASSWORD")
	at(t, "postgres password", pg.Value.Span, 24, 26)

	// Merged values are reported once, at the anchor.
	for _, e := range es {
		if strings.HasPrefix(e.Dotted(), "services.") && (e.Key() == "AIRFLOW__CORE__EXECUTOR" || e.Key() == "image" && e.Value.Text != "postgres:13") {
			t.Errorf("merged value reported again at %s", e.Dotted())
		}
	}
	// Lookups see merged content, with the anchor's positions.
	root := s.Documents()[0]
	exec := root.Path("services", "airflow-init", "environment", "AIRFLOW__CORE__EXECUTOR")
	if v, _ := exec.String(); v != "CeleryExecutor" {
		t.Errorf("merged executor = %q", v)
	}
	at(t, "merged executor key", exec.KeySpan(), 7, 5)
	at(t, "merged executor", exec.Span(), 7, 30)
	// A key written in the service overrides the merged one, even when written after the merge.
	if u, _ := root.Path("services", "airflow-init", "user").String(); u != "0:0" {
		t.Errorf("own user = %q, want 0:0", u)
	}
	if u, _ := root.Path("services", "airflow-webserver", "user").String(); u != "${AIRFLOW_UID:-50000}:0" {
		t.Errorf("merged user = %q", u)
	}
	web := root.Path("services", "airflow-webserver")
	var keys []string
	for _, p := range web.Pairs() {
		keys = append(keys, p.Key)
	}
	if got := strings.Join(keys, ","); got != "image,environment,user,command,ports,depends_on" {
		t.Errorf("webserver pairs = %s", got)
	}
	// depends_on merges the anchor and keeps its own key.
	if root.Path("services", "airflow-webserver", "depends_on", "redis", "condition") == nil ||
		root.Path("services", "airflow-webserver", "depends_on", "airflow-init") == nil {
		t.Error("depends_on merge incomplete")
	}
	// The block scalar's `#` line is script text, not a comment.
	script := one(t, es, "services.airflow-init.command.[1]")
	if !strings.HasPrefix(script.Value.Text, "# not a comment") {
		t.Errorf("script = %q", script.Value.Text)
	}
	at(t, "block scalar", script.Value.Span, 40, 9)
	if script.Value.Span.End.Line != 41 {
		t.Errorf("block scalar ends on line %d, want 41", script.Value.Span.End.Line)
	}
	cs := s.Comments()
	if len(cs) != 2 || cs[0].Span.Start.Line != 1 || !cs[0].OwnLine || cs[1].Text != "root, to fix volume permissions" || cs[1].OwnLine {
		t.Fatalf("comments = %+v", cs)
	}
	at(t, "trailing comment", cs[1].Span, 48, 18)
}

func TestCRLFAndBOMKeepColumns(t *testing.T) {
	s := parseFixture(t, "airflow-compose.yaml")
	crlf := strings.ReplaceAll("\ufeff"+s.File().LineText(1)+"\n"+string(s.File().Content[s.File().LineStart(2):]), "\n", "\r\n")
	s2, _ := Parse(source.NewFile("docker-compose.yaml", source.YAML, []byte(crlf)))
	if len(s2.SyntaxErrors()) != 0 {
		t.Fatal(s2.SyntaxErrors())
	}
	es := s2.Entries()
	at(t, "conn value", one(t, es, "x-airflow-common.environment.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN").Value.Span, 8, 42)
	pw := one(t, es, "services.airflow-init.environment._AIRFLOW_WWW_USER_PASSWORD")
	at(t, "password", pw.Value.Span, 47, 35)
	if pw.Value.Span.End.Col != 35+len("${_AIRFLOW_WWW_USER_PASSWORD:-airflow}") {
		t.Errorf("password ends at col %d", pw.Value.Span.End.Col)
	}
	script := one(t, es, "services.airflow-init.command.[1]")
	if strings.Contains(script.Value.Text, "\r") || script.Value.Span.End.Line != 41 {
		t.Errorf("CRLF block scalar = %q ending %+v", script.Value.Text, script.Value.Span.End)
	}
	if cs := s2.Comments(); len(cs) != 2 || !cs[0].OwnLine || strings.HasSuffix(cs[1].Text, "\r") {
		t.Errorf("comments = %+v", cs)
	}

	bom, _ := Parse(source.NewFile("a.yaml", source.YAML, []byte("\ufeffpassword: hunter2 # c\n")))
	e := one(t, bom.Entries(), "password")
	at(t, "BOM key", e.KeySpan, 1, 1)
	at(t, "BOM value", e.Value.Span, 1, 11)
	if cs := bom.Comments(); len(cs) != 1 || cs[0].Span.Start.Col != 19 {
		t.Errorf("BOM comments = %+v", cs)
	}
}

func TestOfficialAirflowHelmValues(t *testing.T) {
	s := parseFixture(t, "airflow-values.yaml")
	if s.Kind() != AirflowHelm || s.Templated() {
		t.Errorf("kind %s templated %v", s.Kind(), s.Templated())
	}
	es := s.Entries()
	fk := one(t, es, "fernetKey")
	at(t, "fernetKey", fk.Value.Span, 4, 13)
	if !fk.Value.IsHardcoded() {
		t.Errorf("fernetKey = %+v", fk.Value)
	}
	if wk := one(t, es, "webserverSecretKey"); wk.Value.Kind != value.Literal || wk.Value.Text != "" {
		t.Errorf("null secret key = %+v", wk.Value)
	}
	pw := one(t, es, "webserver.defaultUser.password")
	at(t, "default user password", pw.Value.Span, 10, 15)
	if pw.Value.Text != "admin" {
		t.Errorf("password = %q", pw.Value.Text)
	}
	remote := one(t, es, "config.logging.remote_logging")
	if remote.Value.Kind != value.Template {
		t.Errorf("quoted template = %+v", remote.Value)
	}
	at(t, "quoted template", remote.Value.Span, 17, 22)
	root := s.Documents()[0]
	enabled := root.Path("webserver", "defaultUser", "enabled")
	if b, ok := enabled.Bool(); !b || !ok || enabled.Tag() != "!!bool" {
		t.Errorf("enabled = %v %v %s", b, ok, enabled.Tag())
	}
	expose := root.Path("config", "webserver", "expose_config")
	if b, ok := expose.Bool(); !b || !ok || expose.Tag() != "!!str" {
		t.Errorf("quoted 'True' = %v %v %s", b, ok, expose.Tag())
	}
	if !root.Get("webserverSecretKey").IsNull() || root.Get("executor").IsNull() {
		t.Error("IsNull")
	}
}

func TestDagsterHelmValues(t *testing.T) {
	s := parseFixture(t, "dagster-values.yaml")
	if s.Kind() != DagsterHelm {
		t.Errorf("kind = %s", s.Kind())
	}
	es := s.Entries()
	tok := one(t, es, "dagsterWebserver.env.DAGSTER_CLOUD_API_TOKEN")
	at(t, "token key", tok.KeySpan, 8, 5)
	at(t, "token", tok.Value.Span, 8, 31)
	pg := one(t, es, "postgresql.postgresqlPassword")
	at(t, "postgres password", pg.Value.Span, 16, 23)
	if pg.Value.Text != "test" || pg.Value.Span.End.Col != 27 {
		t.Errorf("postgres password = %+v", pg.Value)
	}
	if svc, _ := s.Documents()[0].Path("dagsterWebserver", "service", "type").String(); svc != "LoadBalancer" {
		t.Errorf("service type = %q", svc)
	}
}

func TestPrefectYAML(t *testing.T) {
	s := parseFixture(t, "prefect.yaml")
	if s.Kind() != PrefectYAML {
		t.Errorf("kind = %s", s.Kind())
	}
	es := s.Entries()
	tok := one(t, es, "pull.[0].prefect.deployments.steps.git_clone.access_token")
	at(t, "access_token key", tok.KeySpan, 13, 7)
	at(t, "access_token", tok.Value.Span, 13, 21)
	if !tok.Value.IsHardcoded() || !strings.HasPrefix(tok.Value.Text, "ghp_") {
		t.Errorf("token = %+v", tok.Value)
	}
	if d := one(t, es, "pull.[1].prefect.deployments.steps.pip_install_requirements.directory"); d.Value.Kind != value.Template {
		t.Errorf("step output reference = %+v", d.Value)
	}
	db := one(t, es, "deployments.[0].work_pool.job_variables.env.DB_PASSWORD")
	at(t, "job variable", db.Value.Span, 25, 25)
	if api := one(t, es, "deployments.[0].work_pool.job_variables.env.API_KEY"); api.Value.Kind != value.Template {
		t.Errorf("secret block reference = %+v", api.Value)
	}
	if !s.Documents()[0].Get("build").IsNull() {
		t.Error("build: null")
	}
	// By content when the name says nothing.
	s2, _ := Parse(source.NewFile("deploy/etl.yaml", source.YAML, s.File().Content))
	if s2.Kind() != PrefectYAML {
		t.Errorf("kind by content = %s", s2.Kind())
	}
}

func TestDagsterYAML(t *testing.T) {
	s := parseFixture(t, "dagster.yaml")
	if s.Kind() != DagsterYAML {
		t.Errorf("kind = %s", s.Kind())
	}
	es := s.Entries()
	pw := one(t, es, "storage.postgres.postgres_db.password")
	at(t, "password", pw.Value.Span, 6, 17)
	// Dagster's {env: VAR} is an env reference at the key that holds it
	host := one(t, es, "storage.postgres.postgres_db.hostname")
	if host.Value.Kind != value.EnvRef || host.Value.Ref != "DAGSTER_PG_HOST" {
		t.Errorf("{env: VAR} = %+v", host.Value)
	}
	at(t, "hostname key", host.KeySpan, 7, 7)
	at(t, "env var name", host.Value.Span, 8, 14)
	// elsewhere env: is an ordinary key
	k8s, _ := Parse(source.NewFile("deploy/pod.yaml", source.YAML, []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    env: production\n")))
	if lbl := one(t, k8s.Entries(), "metadata.labels.env"); lbl.Value.Kind != value.Literal {
		t.Errorf("a label named env became %+v", lbl.Value)
	}
	port := s.Documents()[0].Path("storage", "postgres", "postgres_db", "port")
	if port.Tag() != "!!int" || port.Value().Text != "5432" {
		t.Errorf("port = %s %+v", port.Tag(), port.Value())
	}
	s2, _ := Parse(source.NewFile("instance/config.yaml", source.YAML, s.File().Content))
	if s2.Kind() != DagsterYAML {
		t.Errorf("kind by content = %s", s2.Kind())
	}
}

func TestKubernetesRBAC(t *testing.T) {
	s := parseFixture(t, "rbac.yaml")
	if s.Kind() != Kubernetes {
		t.Errorf("kind = %s", s.Kind())
	}
	ms := s.Manifests()
	if len(ms) != 2 || ms[0].Kind != "ClusterRole" || ms[0].Name != "airflow-pod-launcher" || ms[1].Kind != "ClusterRoleBinding" || ms[1].Index != 1 {
		t.Fatalf("manifests = %+v", ms)
	}
	rule := ms[0].Doc.Get("rules").Items()[0]
	verb := rule.Get("verbs").Items()[0]
	if v, _ := verb.String(); v != "*" {
		t.Errorf("verb = %q", v)
	}
	at(t, "verb", verb.Span(), 9, 14)
	ext := rule.Extent()
	at(t, "rule extent", ext, 7, 5)
	if ext.End.Line != 9 || ext.End.Col != 17 {
		t.Errorf("rule extent ends at %d:%d, want 9:17", ext.End.Line, ext.End.Col)
	}
	ref := ms[1].Doc.Path("roleRef", "name")
	at(t, "roleRef.name", ref.Span(), 18, 9)
	at(t, "roleRef.name key", ref.KeySpan(), 18, 3)
	if ns := ms[1].Doc.Get("subjects").Items()[0].Get("namespace"); ns.Value().Text != "airflow" {
		t.Errorf("subject namespace = %+v", ns.Value())
	}
}

func TestHelmTemplate(t *testing.T) {
	s := parseFixture(t, "chart/templates/webserver-secret.yaml")
	if !s.Templated() || len(s.SyntaxErrors()) != 0 || s.Kind() != HelmTemplate {
		t.Fatalf("templated %v errors %v kind %s", s.Templated(), s.SyntaxErrors(), s.Kind())
	}
	ms := s.Manifests()
	if len(ms) != 2 || ms[0].Kind != "Secret" || ms[1].Kind != "Role" {
		t.Fatalf("manifests = %+v", ms)
	}
	es := s.Entries()
	pw := one(t, es, "data.password")
	if pw.Value.Kind != value.Template || pw.Value.Text != "{{ .Values.webserver.defaultUser.password | b64enc | quote }}" {
		t.Errorf("templated value = %+v", pw.Value)
	}
	at(t, "templated value", pw.Value.Span, 11, 13)
	var secretEntries []value.Entry
	for _, e := range es {
		if e.Doc == 0 {
			secretEntries = append(secretEntries, e)
		}
	}
	name := one(t, secretEntries, "metadata.name")
	if name.Value.Text != `{{ include "airflow.fullname" . }}-webserver` {
		t.Errorf("name = %q", name.Value.Text)
	}
	if n, _ := ms[0].Doc.Path("metadata", "name").String(); n != name.Value.Text {
		t.Errorf("String() = %q", n)
	}
	verb := ms[1].Doc.Get("rules").Items()[0].Get("verbs").Items()[0]
	at(t, "verb in second document", verb.Span(), 22, 14)
	cs := s.Comments()
	if len(cs) != 1 || cs[0].Text != "admin" {
		t.Errorf("comments = %+v (a comment inside an action is not one)", cs)
	}
	at(t, "comment", cs[0].Span, 12, 23)
}

func TestBrokenDocumentsKeepTheRest(t *testing.T) {
	src := "a: 1\n---\nb: [unclosed\n---\nc: 3\n"
	s, _ := Parse(source.NewFile("m.yaml", source.YAML, []byte(src)))
	if len(s.Documents()) != 2 || len(s.SyntaxErrors()) != 1 {
		t.Fatalf("docs %d errors %+v", len(s.Documents()), s.SyntaxErrors())
	}
	if l := s.SyntaxErrors()[0].Span.Start.Line; l != 3 && l != 4 {
		t.Errorf("error on line %d, want 3 or 4", l)
	}
	c := one(t, s.Entries(), "c")
	if c.Doc != 1 {
		t.Errorf("doc = %d", c.Doc)
	}
	at(t, "c", c.Value.Span, 5, 4)

	// A template that does not parse even blanked: no documents, an error, still Templated.
	tpl := "metadata:\n  name: x\n{{ .Values.key }}: {{ .Values.value }}: x\n"
	s, _ = Parse(source.NewFile("templates/cm.yaml", source.YAML, []byte(tpl)))
	if !s.Templated() || len(s.Documents()) != 0 || len(s.SyntaxErrors()) != 1 {
		t.Errorf("templated %v docs %d errors %+v", s.Templated(), len(s.Documents()), s.SyntaxErrors())
	}
	if e := s.SyntaxErrors(); len(e) == 1 && (e[0].Span.Start.Line != 3 || !strings.Contains(e[0].Msg, "scanned as text")) {
		t.Errorf("error = %+v", e[0])
	}
}

// An action that ends a key's line and is followed by deeper lines renders the first entries of
// that block (`labels: {{- include ... | nindent 4 }}`); blanked to a word it would make the key a
// scalar and the deeper lines a syntax error.
func TestTemplateActionOpeningABlock(t *testing.T) {
	tpl := "metadata:\n  labels: {{- include \"common.labels\" . | nindent 4 }}\n    tier: web\n  name: x\nspec:\n  password: {{ .Values.pw }}\n"
	s, _ := Parse(source.NewFile("templates/deploy.yaml", source.YAML, []byte(tpl)))
	if !s.Templated() || len(s.SyntaxErrors()) != 0 {
		t.Fatalf("templated %v errors %+v", s.Templated(), s.SyntaxErrors())
	}
	if tier := one(t, s.Entries(), "metadata.labels.tier"); tier.Value.Text != "web" {
		t.Errorf("tier = %+v", tier.Value)
	}
	// A scalar action at the end of a line with nothing deeper after it stays a value.
	if pw := one(t, s.Entries(), "spec.password"); pw.Value.Kind != value.Template {
		t.Errorf("password = %+v", pw.Value)
	}
}

func TestKinds(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            Kind
	}{
		{"compose by name", "compose.override.yml", "x: 1\n", Compose},
		{"workspace", "workspace.yaml", "load_from:\n  - python_file: repo.py\n", Workspace},
		{"dagster cloud", "dagster_cloud.yaml", "locations: []\n", DagsterCloud},
		{"dagster cloud by content", "cloud.yaml", "locations:\n  - location_name: etl\n", DagsterCloud},
		{"community airflow chart", "values.yaml", "airflow:\n  config:\n    AIRFLOW__CORE__LOAD_EXAMPLES: \"False\"\n", AirflowHelmCommunity},
		{"prefect chart", "values-prod.yaml", "server:\n  basicAuth:\n    enabled: true\n", PrefectHelm},
		{"prefect worker chart", "my-values.yaml", "worker:\n  apiConfig: cloud\n", PrefectHelm},
		{"unknown chart", "values.yaml", "replicaCount: 1\n", HelmValues},
		{"argo", "wf.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n", ArgoWorkflow},
		{"kubeflow", "pipeline.yaml", "pipelineInfo:\n  name: p\nroot: {}\n", KubeflowPipeline},
		{"github", ".github/workflows/ci.yml", "on: push\njobs: {}\n", GitHubWorkflow},
		{"github by content", "ci.yml", "on: push\njobs: {}\n", GitHubWorkflow},
		{"manifest outside a chart", "templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\n", Kubernetes},
		{"generic", "other.yaml", "a: b\n", Generic},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := Parse(source.NewFile(tc.path, source.YAML, []byte(tc.src)))
			if s.Kind() != tc.want {
				t.Errorf("kind = %s, want %s", s.Kind(), tc.want)
			}
		})
	}
}

func TestScalarStyles(t *testing.T) {
	src := "a: !!str 123\nb: \"multi\n  line # x\"\nc: 'it''s'\nd: >-\n  folded\n  text\ne: plain\n  folded # real\n"
	s, _ := Parse(source.NewFile("s.yaml", source.YAML, []byte(src)))
	d := s.Documents()[0]
	if a := d.Get("a"); a.Tag() != "!!str" || a.Value().Text != "123" {
		t.Errorf("!!str = %s %+v", a.Tag(), a.Value())
	} else {
		at(t, "!!str value", a.Span(), 1, 10)
	}
	b := d.Get("b")
	at(t, "multi-line quoted", b.Span(), 2, 5)
	if b.Span().End.Line != 3 || b.Span().End.Col != 11 {
		t.Errorf("multi-line quoted ends %+v", b.Span().End)
	}
	c := d.Get("c")
	if v, _ := c.String(); v != "it's" || c.Span().End.Col != 10 {
		t.Errorf("single quoted = %q %+v", v, c.Span())
	}
	fold := d.Get("d")
	at(t, "folded", fold.Span(), 6, 3)
	if v, _ := fold.String(); v != "folded text" || fold.Span().End.Line != 7 {
		t.Errorf("folded = %q %+v", v, fold.Span())
	}
	e := d.Get("e")
	if v, _ := e.String(); v != "plain folded" || e.Span().End.Line != 9 || e.Span().End.Col != 9 {
		t.Errorf("folded plain = %q ends %+v", v, e.Span().End)
	}
	cs := s.Comments()
	if len(cs) != 1 || cs[0].Text != "real" {
		t.Errorf("comments = %+v (the # inside the multi-line quoted scalar is text)", cs)
	}
}

// TestAnchoredEnvList reads an environment written once as an anchored list of NAME=value
// strings and merged into services by alias: its items are entries named after the variable,
// reported at the anchor, with the quotes Compose keeps taken off the value.
func TestAnchoredEnvList(t *testing.T) {
	src := "x-airflow-env:\n  &airflow-env\n    - AIRFLOW__CORE__EXECUTOR=CeleryExecutor\n" +
		"    - AIRFLOW__CORE__FERNET_KEY='abc=def'\n" +
		"x-commands: &cmds\n  - airflow db upgrade\n  - echo a=b\n" +
		"services:\n  web:\n    environment: *airflow-env\n    command: *cmds\n"
	s, _ := Parse(source.NewFile("docker-compose.yaml", source.YAML, []byte(src)))
	es := s.Entries()
	fernet := one(t, es, "x-airflow-env.AIRFLOW__CORE__FERNET_KEY")
	if fernet.Value.Text != "abc=def" {
		t.Errorf("value = %q, want the text inside the quotes", fernet.Value.Text)
	}
	at(t, "fernet value", fernet.Value.Span, 4, 34)
	if fernet.Value.Span.End.Col != 41 {
		t.Errorf("value ends at col %d, want 41", fernet.Value.Span.End.Col)
	}
	at(t, "fernet key", fernet.KeySpan, 4, 7)
	one(t, es, "x-airflow-env.AIRFLOW__CORE__EXECUTOR")
	// a list that is not all NAME=value is left as a list
	one(t, es, "x-commands.[1]")
	for _, e := range es {
		if strings.HasPrefix(strings.Join(e.Path, "."), "services.web.environment") {
			t.Errorf("aliased environment reported again at %v", e.Path)
		}
	}
}
