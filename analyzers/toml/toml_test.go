package toml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

const fixtures = "../../testdata/analyzers/toml"

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(source.NewFile(name, source.TOML, b))
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

type entryCase struct {
	name    string
	path    string // slash-separated
	kind    value.Kind
	text    string
	keySpan at
	valSpan at
}

func checkEntries(t *testing.T, f *File, tests []entryCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := f.Lookup(strings.Split(tt.path, "/")...)
			if !ok {
				t.Fatalf("%s not found; entries: %v", tt.path, paths(f))
			}
			if e.Value.Kind != tt.kind || e.Value.Text != tt.text {
				t.Errorf("value = %v %q, want %v %q", e.Value.Kind, e.Value.Text, tt.kind, tt.text)
			}
			checkSpan(t, "key", e.KeySpan, tt.keySpan)
			checkSpan(t, "value", e.Value.Span, tt.valSpan)
		})
	}
}

func paths(f *File) []string {
	var out []string
	for _, e := range f.Entries() {
		out = append(out, strings.Join(e.Path, "/"))
	}
	return out
}

func TestPrefectToml(t *testing.T) {
	f := parseFixture(t, "prefect.toml")
	if len(f.SyntaxErrors()) != 0 {
		t.Fatalf("syntax errors: %+v", f.SyntaxErrors())
	}
	checkEntries(t, f, []entryCase{
		{"basic string", "api/key", value.Literal, "pnu_0123456789abcdefghijklmnopqrstuvwxyz", at{3, 1, 3, 4}, at{3, 8, 3, 48}},
		{"literal string", "api/url", value.Literal, "https://api.prefect.cloud/api/accounts/abc/workspaces/def", at{4, 1, 4, 4}, at{4, 8, 4, 65}},
		{"bool", "api/tls_insecure_skip_verify", value.Literal, "true", at{5, 1, 5, 25}, at{5, 28, 5, 32}},
		{"dotted key in a table", "server/api/auth_string", value.Literal, "admin:pass", at{8, 5, 8, 16}, at{8, 20, 8, 30}},
		{"inline table", "server/database/connection_url", value.Literal, "postgresql+asyncpg://prefect:${DB_PASSWORD:-prefect}@db:5432/prefect", at{9, 14, 9, 28}, at{9, 32, 9, 100}},
		{"inline table integer", "server/database/timeout", value.Literal, "10", at{9, 103, 9, 110}, at{9, 113, 9, 115}},
		{"array item", "server/api/cors_allowed_origins/[0]", value.Literal, "*", at{}, at{13, 4, 13, 5}},
		{"second array item", "server/api/cors_allowed_origins/[1]", value.Literal, "https://app.example.com", at{}, at{14, 4, 14, 27}},
		{"array of tables first", "deployments/[0]/name", value.Literal, "etl", at{18, 1, 18, 5}, at{18, 9, 18, 12}},
		{"array of tables second", "deployments/[1]/name", value.Literal, "report", at{21, 1, 21, 5}, at{21, 9, 21, 15}},
		{"sub-table of the last element", "deployments/[1]/job_variables/env/TOKEN", value.Template, "{{ prefect.blocks.secret.token }}", at{23, 9, 23, 14}, at{23, 18, 23, 51}},
	})
	if n := len(f.Entries()); n != 11 {
		t.Errorf("len(Entries) = %d, want 11: %v", n, paths(f))
	}
	cs := f.Comments()
	if len(cs) != 3 {
		t.Fatalf("comments = %+v", cs)
	}
	if !cs[0].OwnLine || cs[1].OwnLine || cs[1].Text != "committed by mistake" || cs[2].Text != "wide open" || cs[2].OwnLine {
		t.Errorf("comments = %+v", cs)
	}
	checkSpan(t, "trailing comment", cs[1].Span, at{3, 50, 3, 72})
	tables := f.Tables()
	if len(tables) != 6 || strings.Join(tables[5].Path, "/") != "deployments/[1]/job_variables" || !tables[4].Array {
		t.Errorf("tables = %+v", tables)
	}
	checkSpan(t, "table header", tables[3].Span, at{17, 3, 17, 14})
}

func TestProfilesToml(t *testing.T) {
	f := parseFixture(t, "profiles.toml")
	checkEntries(t, f, []entryCase{
		{"top-level key", "active", value.Literal, "cloud", at{2, 1, 2, 7}, at{2, 11, 2, 16}},
		{"env-style key", "profiles/cloud/PREFECT_API_KEY", value.Literal, "pnb_abcdefghijklmnopqrstuvwxyz0123456789", at{5, 1, 5, 16}, at{5, 20, 5, 60}},
		{"multi-line string", "profiles/local/PREFECT_SERVER_API_AUTH_STRING", value.Literal, "admin:s3cret", at{10, 1, 10, 31}, at{10, 37, 11, 13}},
	})
}

func TestBrokenFileKeepsTheRest(t *testing.T) {
	f := parseFixture(t, "broken.toml")
	errs := f.SyntaxErrors()
	if len(errs) != 2 || errs[0].Span.Start.Line != 2 || errs[1].Span.Start.Line != 5 {
		t.Fatalf("syntax errors = %+v, want lines 2 and 5", errs)
	}
	if e, ok := f.Lookup("api", "url"); !ok || e.Value.Text != "http://ok" {
		t.Errorf("api.url not read after the error: %v", paths(f))
	}
	if _, ok := f.Lookup("server", "port"); !ok {
		t.Errorf("server.port not read after the error: %v", paths(f))
	}
}

func TestBOMAndCRLF(t *testing.T) {
	f := parseFixture(t, "bom_crlf.toml")
	if len(f.SyntaxErrors()) != 0 {
		t.Fatalf("syntax errors: %+v", f.SyntaxErrors())
	}
	checkSpan(t, "table", f.Tables()[0].Span, at{1, 2, 1, 5})
	checkEntries(t, f, []entryCase{{"after bom", "api/key", value.Literal, "v\u00e9x", at{2, 1, 2, 4}, at{2, 8, 2, 11}}})
}

func TestDuplicateKey(t *testing.T) {
	f, _ := Parse(source.NewFile("d.toml", source.TOML, []byte("a = 1\na = 2\n")))
	if errs := f.SyntaxErrors(); len(errs) != 1 || errs[0].Span.Start.Line != 2 {
		t.Errorf("syntax errors = %+v", errs)
	}
}

func TestDeepNestingIsAnError(t *testing.T) {
	deep := "a = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n"
	f, _ := Parse(source.NewFile("deep.toml", source.TOML, []byte(deep)))
	if len(f.SyntaxErrors()) == 0 {
		t.Error("no error for 200000 nested arrays")
	}
}

var _ source.Document = (*File)(nil)

// TestTOMLUnderAnININame reads oauth2-proxy.cfg, which source.Classify sends here by its content.
func TestTOMLUnderAnININame(t *testing.T) {
	f := parseFixture(t, "../ini/dialects/oauth2-proxy.cfg")
	if errs := f.SyntaxErrors(); len(errs) != 0 {
		t.Fatalf("syntax errors: %+v", errs)
	}
	checkEntries(t, f, []entryCase{
		{"string", "http_address", value.Literal, "0.0.0.0:4180", at{4, 1, 4, 13}, at{4, 17, 4, 29}},
		{"array item", "upstreams/[0]", value.Literal, "http://airflow-webserver:8080/", at{}, at{12, 6, 12, 36}},
		{"secret", "client_secret", value.Literal, "not-a-real-client-secret", at{20, 1, 20, 14}, at{20, 18, 20, 42}},
		{"bool", "cookie_secure", value.Literal, "true", at{22, 1, 22, 14}, at{22, 17, 22, 21}},
	})
}
