package dockerfile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

const fixtures = "../../testdata/analyzers/dockerfile"

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(source.NewFile(name, source.Dockerfile, b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestInstructions(t *testing.T) {
	doc := parseFixture(t, "Dockerfile")
	var got []string
	for _, in := range doc.Instructions() {
		got = append(got, in.Cmd)
	}
	want := []string{"ARG", "FROM", "ARG", "ENV", "ENV", "ENV", "RUN", "FROM", "EXPOSE", "CMD", "ENTRYPOINT"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("instructions %v, want %v (the heredoc body must not become instructions)", got, want)
	}
	ins := doc.Instructions()
	if ins[9].Stage != 1 || ins[3].Stage != 0 {
		t.Errorf("stages: CMD in %d, ENV in %d", ins[9].Stage, ins[3].Stage)
	}
	if !reflect.DeepEqual(ins[9].Exec, []string{"airflow", "webserver", "--port", "8080"}) {
		t.Errorf("CMD exec form %q", ins[9].Exec)
	}
	if got := ins[10].Command(); !reflect.DeepEqual(got, []string{"/entrypoint.sh", "--verbose"}) {
		t.Errorf("ENTRYPOINT shell form with continuation %q", got)
	}
	if s := ins[10].Span; s.Start.Line != 22 || s.End.Line != 23 {
		t.Errorf("ENTRYPOINT span lines %d-%d, want 22-23", s.Start.Line, s.End.Line)
	}
	if n := len(doc.Comments()); n != 3 {
		t.Errorf("%d comments, want 3 (directive line, own-line comment, comment inside a continuation)", n)
	}
}

func TestEnvView(t *testing.T) {
	doc := parseFixture(t, "Dockerfile")
	type v struct {
		name, text      string
		kind            value.Kind
		line, col, vcol int
	}
	var got []v
	for _, e := range doc.Env().Vars() {
		got = append(got, v{e.Name, e.Value.Text, e.Value.Kind, e.NameSpan.Start.Line, e.NameSpan.Start.Col, e.Value.Span.Start.Col})
	}
	want := []v{
		{"AIRFLOW_VERSION", "2.10.5", value.Literal, 2, 5, 21},
		{"PIP_INDEX_URL", "", value.EnvRef, 6, 5, 18},
		{"AIRFLOW__CORE__LOAD_EXAMPLES", "False", value.Literal, 7, 5, 34},
		{"AIRFLOW__WEBSERVER__EXPOSE_CONFIG", "True", value.Literal, 8, 5, 40}, // inside the quotes
		{"AIRFLOW__CORE__DAGS_FOLDER", "/opt/airflow/dags", value.Literal, 10, 5, 32},
		{"AIRFLOW_HOME", "/opt/airflow", value.Literal, 12, 5, 18}, // legacy `ENV NAME value`
		{"GREETING", "hello $USER", value.Literal, 13, 5, 15},      // single quotes: not interpolated
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("env view:\n got %+v\nwant %+v", got, want)
	}
	// the Airflow key model reads the ENV lines as it reads a .env file (expose_config moved to [api] in Airflow 3)
	var opts []string
	for _, s := range airflow.Settings(doc.Env()) {
		opts = append(opts, s.Option.String())
	}
	if !reflect.DeepEqual(opts, []string{"[core] load_examples", "[api] expose_config", "[core] dags_folder"}) {
		t.Errorf("airflow settings %v", opts)
	}
}

func TestEscapeDirectiveAndCRLF(t *testing.T) {
	src := "# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nENV PREFECT_API_URL=https://api.prefect.cloud/api `\r\n    PREFECT_API_KEY=pnu_fake\r\n"
	doc, _ := Parse(source.NewFile("Dockerfile", source.Dockerfile, []byte(src)))
	vars := doc.Env().Vars()
	if len(vars) != 2 || vars[1].Name != "PREFECT_API_KEY" || vars[1].NameSpan.Start.Line != 4 {
		t.Fatalf("backtick continuation: %+v", vars)
	}
	if strings.Contains(vars[0].Value.Text, "`") {
		t.Errorf("escape character kept in the value: %q", vars[0].Value.Text)
	}
}

func TestBrokenLines(t *testing.T) {
	doc, _ := Parse(source.NewFile("Dockerfile", source.Dockerfile, []byte("FROM x\n{{ .Values.image }}\nENV A=\"unterminated\nRUN \\")))
	if len(doc.SyntaxErrors()) != 1 || doc.SyntaxErrors()[0].Span.Start.Line != 2 {
		t.Errorf("syntax errors %+v, want the template line", doc.SyntaxErrors())
	}
	sourcetest.CheckSpans(t, doc, len(doc.File().Content))
}

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "*"), "# escape=`\nENV A=\"`\"\nRUN <<EOF\n", "ENV \\\n\\\n")
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile("Dockerfile", source.Dockerfile, b))
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, doc, len(b))
		sourcetest.CheckSpans(t, doc.Env(), len(b))
	})
}
