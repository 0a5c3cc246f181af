package dotenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

const fixtures = "../../testdata/analyzers/dotenv"

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(source.NewFile(name, source.Dotenv, b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

type at [4]int

func checkSpan(t *testing.T, what string, got source.Span, want at) {
	t.Helper()
	g := at{got.Start.Line, got.Start.Col, got.End.Line, got.End.Col}
	if g != want {
		t.Errorf("%s span = %v, want %v", what, g, want)
	}
}

func TestDockerEnv(t *testing.T) {
	f := parseFixture(t, "docker.env")
	tests := []struct {
		name     string
		varName  string
		kind     value.Kind
		text     string
		ref, def string
		quote    Quote
		nameSpan at
		valSpan  at
	}{
		{"plain", "AIRFLOW_UID", value.Literal, "50000", "", "", Unquoted, at{2, 1, 2, 12}, at{2, 13, 2, 18}},
		{"export and single quotes", "AIRFLOW__CORE__FERNET_KEY", value.Literal, "81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=", "", "", Single, at{3, 8, 3, 33}, at{3, 35, 3, 79}},
		{"env reference with default", "_AIRFLOW_WWW_USER_PASSWORD", value.EnvRef, "", "AIRFLOW_PASSWORD", "airflow", Unquoted, at{4, 1, 4, 27}, at{4, 28, 4, 56}},
		{"double quotes with escape and hash", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", value.Literal, `postgresql+psycopg2://airflow:p"w#d@postgres/airflow`, "", "", Double, at{5, 1, 5, 36}, at{5, 40, 5, 93}},
		{"trailing comment", "AIRFLOW__CORE__LOAD_EXAMPLES", value.Literal, "false", "", "", Unquoted, at{6, 1, 6, 29}, at{6, 30, 6, 35}},
		{"hash without blank is value", "AIRFLOW_CONN_SLACK", value.Literal, "https://hooks.slack.com/services/T0#not-a-comment", "", "", Unquoted, at{7, 1, 7, 19}, at{7, 20, 7, 69}},
		{"empty", "EMPTY", value.Literal, "", "", "", Unquoted, at{8, 1, 8, 6}, at{8, 7, 8, 7}},
		{"bare name passes through", "PASSTHROUGH", value.EnvRef, "", "PASSTHROUGH", "", Unquoted, at{9, 1, 9, 12}, at{9, 1, 9, 12}},
		{"multi-line double quotes", "PRIVATE_KEY", value.Literal, "-----BEGIN KEY-----\nabc\tdef\n-----END KEY-----", "", "", Double, at{10, 1, 10, 12}, at{10, 14, 12, 18}},
		{"single quotes are not interpolated", "NOT_INTERPOLATED", value.Literal, "${HOME}", "", "", Single, at{13, 1, 13, 17}, at{13, 19, 13, 26}},
		{"after a broken line", "AIRFLOW__WEBSERVER__SECRET_KEY", value.Literal, "after-broken", "", "", Unquoted, at{15, 1, 15, 31}, at{15, 32, 15, 44}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := f.Lookup(tt.varName)
			if !ok {
				t.Fatalf("%s not found", tt.varName)
			}
			def := ""
			if v.Value.Default != nil {
				def = v.Value.Default.Text
			}
			if v.Value.Kind != tt.kind || v.Value.Text != tt.text || v.Value.Ref != tt.ref || def != tt.def || v.Quote != tt.quote {
				t.Errorf("got %v %q ref %q default %q quote %q", v.Value.Kind, v.Value.Text, v.Value.Ref, def, v.Quote)
			}
			checkSpan(t, "name", v.NameSpan, tt.nameSpan)
			checkSpan(t, "value", v.Value.Span, tt.valSpan)
		})
	}
	if n := len(f.Entries()); n != 11 {
		t.Errorf("len(Entries) = %d, want 11", n)
	}
	if v, _ := f.Lookup("AIRFLOW__CORE__FERNET_KEY"); !v.Export {
		t.Error("export prefix not recorded")
	}
	if v, _ := f.Lookup("PASSTHROUGH"); v.Assigned {
		t.Error("bare name marked as assigned")
	}
	errs := f.SyntaxErrors()
	if len(errs) != 1 || errs[0].Span.Start.Line != 14 {
		t.Errorf("syntax errors = %+v, want one on line 14", errs)
	}
	cs := f.Comments()
	if len(cs) != 3 || !cs[0].OwnLine || cs[1].OwnLine || cs[1].Text != "quoted # stays" || cs[2].Text != "trailing comment" {
		t.Fatalf("comments = %+v", cs)
	}
	checkSpan(t, "trailing comment", cs[1].Span, at{5, 96, 5, 112})
}

func TestBOMAndCRLF(t *testing.T) {
	f := parseFixture(t, "bom_crlf.env")
	v, _ := f.Lookup("KEY")
	checkSpan(t, "KEY name", v.NameSpan, at{1, 1, 1, 4})
	checkSpan(t, "KEY value", v.Value.Span, at{1, 5, 1, 7})
	if v.Value.Text != "v\u00e9" {
		t.Errorf("KEY = %q", v.Value.Text)
	}
	v, _ = f.Lookup("B")
	if v.Value.Text != "x\ny" {
		t.Errorf("B = %q", v.Value.Text)
	}
	checkSpan(t, "B value", v.Value.Span, at{2, 4, 3, 2})
	if len(f.SyntaxErrors()) != 0 {
		t.Errorf("syntax errors: %+v", f.SyntaxErrors())
	}
}

func TestUnterminatedQuote(t *testing.T) {
	f := parseFixture(t, "unterminated.env")
	errs := f.SyntaxErrors()
	if len(errs) != 1 || errs[0].Span.Start.Line != 1 || errs[0].Span.Start.Col != 3 {
		t.Fatalf("syntax errors = %+v", errs)
	}
	if v, _ := f.Lookup("A"); v.Value.Text != "unterminated" {
		t.Errorf("A = %q", v.Value.Text)
	}
	if v, ok := f.Lookup("B"); !ok || v.Value.Text != "ok" {
		t.Errorf("B = %q, %v: parsing did not go on", v.Value.Text, ok)
	}
}

func TestLaterAssignmentWins(t *testing.T) {
	doc, _ := Parse(source.NewFile(".env", source.Dotenv, []byte("A=1\nA=2\n")))
	if v, _ := doc.Lookup("A"); v.Value.Text != "2" || len(doc.Vars()) != 2 {
		t.Errorf("A = %q, vars %d", v.Value.Text, len(doc.Vars()))
	}
}

var _ source.Document = (*File)(nil)
