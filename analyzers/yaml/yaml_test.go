package yaml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

func parseFixture(t *testing.T, name string) *Stream {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "analyzers", "yaml", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(source.NewFile(name, source.YAML, data))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func entry(es []value.Entry, dotted string) []value.Entry {
	var out []value.Entry
	for _, e := range es {
		if e.Dotted() == dotted {
			out = append(out, e)
		}
	}
	return out
}

func TestComposeAnchorsReportedOnce(t *testing.T) {
	s := parseFixture(t, "docker-compose.yaml")
	if len(s.SyntaxErrors()) != 0 {
		t.Fatal(s.SyntaxErrors())
	}
	es := s.Entries()
	conn := entry(es, "x-airflow-common.environment.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN")
	if len(conn) != 1 {
		t.Fatalf("connection entries = %d, want 1 (at the anchor, not per service)", len(conn))
	}
	if p := conn[0].Value.Span.Start; p.Line != 8 || p.Col != 42 {
		t.Errorf("value at %d:%d, want 8:42", p.Line, p.Col)
	}
	if k := conn[0].KeySpan.Start; k.Line != 8 || k.Col != 5 {
		t.Errorf("key at %d:%d, want 8:5", k.Line, k.Col)
	}
	pw := entry(es, "x-airflow-common.environment._AIRFLOW_WWW_USER_PASSWORD")
	if len(pw) != 1 || pw[0].Value.Kind != value.EnvRef || pw[0].Value.Default == nil || pw[0].Value.Default.Text != "airflow" {
		t.Fatalf("password entry = %+v", pw)
	}
	fernet := entry(es, "x-airflow-common.environment.AIRFLOW__CORE__FERNET_KEY")
	if len(fernet) != 1 || fernet[0].Value.Text != "" || fernet[0].Value.Span.Start.Col != 33 {
		t.Errorf("empty quoted fernet key = %+v", fernet)
	}
	// compose list form becomes a NAME key with the value's exact span
	auth := entry(es, "services.worker.environment.AIRFLOW__API__AUTH_BACKENDS")
	if len(auth) != 1 || auth[0].Value.Text != "airflow.api.auth.backend.default" || auth[0].Value.Span.Start.Col != 37 || auth[0].KeySpan.Start.Col != 9 {
		t.Errorf("list-form env = %+v", auth)
	}
	if len(entry(es, "services.airflow-scheduler.environment.AIRFLOW__WEBSERVER__EXPOSE_CONFIG")) != 1 {
		t.Error("a key next to a merge key is lost")
	}
	// lookups see merged content
	sched := s.Documents()[0].Path("services", "airflow-scheduler", "environment")
	if v, _ := sched.Get("AIRFLOW__CORE__EXECUTOR").String(); v != "CeleryExecutor" {
		t.Errorf("merged lookup = %q", v)
	}
	if s.Kind() != Compose {
		t.Errorf("kind = %s", s.Kind())
	}
	var texts []string
	for _, c := range s.Comments() {
		texts = append(texts, c.Text)
	}
	if len(texts) != 2 || texts[1] != "only here" || !s.Comments()[0].OwnLine || s.Comments()[1].OwnLine {
		t.Errorf("comments = %q (the # inside the quoted value is not one)", texts)
	}
}

func TestKubernetesEnvAndMultiDocument(t *testing.T) {
	s := parseFixture(t, "deployment.yaml")
	es := s.Entries()
	var fernet, expose *value.Entry
	for i := range es {
		switch es[i].Key() {
		case "AIRFLOW__CORE__FERNET_KEY":
			fernet = &es[i]
		case "AIRFLOW__WEBSERVER__EXPOSE_CONFIG":
			expose = &es[i]
		}
	}
	if fernet == nil || fernet.Value.Kind != value.SecretRef || fernet.Value.Ref != "secret airflow-fernet" {
		t.Errorf("valueFrom env = %+v", fernet)
	}
	if expose == nil || expose.Value.Text != "True" || expose.Value.Span.Start.Line != 13 {
		t.Errorf("value env = %+v", expose)
	}
	docs := s.Documents()
	if len(docs) != 2 || s.Kind() != Kubernetes {
		t.Fatalf("docs = %d, kind %s", len(docs), s.Kind())
	}
	if k, _ := docs[1].Get("kind").String(); k != "ClusterRole" {
		t.Errorf("second document kind = %q", k)
	}
	verbs := docs[1].Get("rules").Items()[0].Get("verbs").Items()
	if v, _ := verbs[0].String(); v != "*" || verbs[0].Span().Start.Line != 18 {
		t.Errorf("verbs = %q at %+v", v, verbs[0].Span())
	}
}

func TestHelmTemplatesAndBrokenFiles(t *testing.T) {
	helm := "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include \"x.fullname\" . }}-secret\n{{- if .Values.password }}\ndata:\n  password: {{ .Values.password | b64enc }}\n{{- end }}\n"
	s, _ := Parse(source.NewFile("templates/secret.yaml", source.YAML, []byte(helm)))
	if !s.Templated() || len(s.Documents()) != 1 || len(s.SyntaxErrors()) != 0 {
		t.Errorf("helm template: templated=%v docs=%d errors=%v", s.Templated(), len(s.Documents()), s.SyntaxErrors())
	}
	if s.Kind() != HelmTemplate {
		t.Errorf("kind = %s", s.Kind())
	}
	broken, _ := Parse(source.NewFile("b.yaml", source.YAML, []byte("a: 1\nb: [unclosed\nc: 3\n")))
	if len(broken.SyntaxErrors()) != 1 || broken.SyntaxErrors()[0].Span.Start.Line < 2 {
		t.Errorf("broken file errors = %+v", broken.SyntaxErrors())
	}
}

func TestAliasBombStaysSmall(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [x,x,x,x,x,x,x,x,x,x]\n")
	prev := "a"
	for i := 0; i < 30; i++ {
		name := string(rune('b'+i%24)) + strings.Repeat("z", i/24)
		b.WriteString(name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n")
		prev = name
	}
	s, _ := Parse(source.NewFile("bomb.yaml", source.YAML, []byte(b.String())))
	if n := len(s.Entries()); n != 10 {
		t.Errorf("entries = %d, want the 10 scalars written once", n)
	}
}
