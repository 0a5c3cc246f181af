package ini

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

const fixtures = "../../testdata/analyzers/ini"

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return parseString(t, name, string(b))
}

func parseString(t *testing.T, name, s string) *File {
	t.Helper()
	doc, err := Parse(source.NewFile(name, source.INI, []byte(s)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// at is a span written as start line:col and end line:col.
type at [4]int

func checkSpan(t *testing.T, what string, got source.Span, want at) {
	t.Helper()
	g := at{got.Start.Line, got.Start.Col, got.End.Line, got.End.Col}
	if g != want {
		t.Errorf("%s span = %d:%d-%d:%d, want %d:%d-%d:%d", what, g[0], g[1], g[2], g[3], want[0], want[1], want[2], want[3])
	}
}

func mustOption(t *testing.T, f *File, section, key string) *Option {
	t.Helper()
	o, ok := f.Option(section, key)
	if !ok {
		t.Fatalf("option [%s] %s not found", section, key)
	}
	return o
}

func TestAirflowCfg(t *testing.T) {
	f := parseFixture(t, "airflow.cfg")
	if errs := f.SyntaxErrors(); len(errs) != 0 {
		t.Errorf("unexpected syntax errors: %+v", errs)
	}
	tests := []struct {
		name         string
		section, key string
		raw, text    string
		kind         value.Kind
		ref          string
		keySpan      at
		valSpan      at
	}{
		{"plain literal", "core", "fernet_key", "81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=", "81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=",
			value.Literal, "", at{4, 1, 4, 11}, at{4, 14, 4, 58}},
		{"colon delimiter and mixed-case key", "core", "load_examples", "False", "False", value.Literal, "", at{5, 1, 5, 14}, at{5, 16, 5, 21}},
		{"cmd variant kept under its own key", "core", "sql_alchemy_conn_cmd", "cat /run/secrets/sql_alchemy_conn", "cat /run/secrets/sql_alchemy_conn",
			value.Literal, "", at{7, 1, 7, 21}, at{7, 24, 7, 57}},
		{"double percent unescaped", "database", "sql_alchemy_conn", "postgresql+psycopg2://airflow:s3cr%%t@postgres/airflow",
			"postgresql+psycopg2://airflow:s3cr%t@postgres/airflow", value.Literal, "", at{10, 1, 10, 17}, at{10, 20, 10, 74}},
		{"empty value", "webserver", "web_server_ssl_cert", "", "", value.Literal, "", at{15, 1, 15, 20}, at{15, 22, 15, 22}},
		{"continuation after indented comment", "webserver", "access_logformat", "%%(h)s %%(l)s %%(u)s\n%%(t)s \"%%(r)s\"",
			"%(h)s %(l)s %(u)s\n%(t)s \"%(r)s\"", value.Literal, "", at{17, 1, 17, 17}, at{17, 20, 18, 20}},
		{"reference is a template", "logging", "dag_processor_manager_log_location",
			"%(base_log_folder)s/dag_processor_manager/dag_processor_manager.log", "%(base_log_folder)s/dag_processor_manager/dag_processor_manager.log",
			value.Template, "base_log_folder", at{22, 1, 22, 35}, at{22, 38, 22, 105}},
		{"no inline comments", "logging", "remote_base_log_folder", "s3://bucket/logs # not a comment: configparser keeps it",
			"s3://bucket/logs # not a comment: configparser keeps it", value.Literal, "", at{23, 1, 23, 23}, at{23, 26, 23, 81}},
		{"first delimiter wins", "celery", "flower_basic_auth", "admin:admin", "admin:admin", value.Literal, "", at{27, 1, 27, 18}, at{27, 21, 27, 32}},
		{"blank line inside a continued value", "secrets", "backend_kwargs",
			"{\"connections_path\": \"connections\",\n\"url\": \"http://127.0.0.1:8200\",\n\n\"mount_point\": \"airflow\"}",
			"{\"connections_path\": \"connections\",\n\"url\": \"http://127.0.0.1:8200\",\n\n\"mount_point\": \"airflow\"}",
			value.Literal, "", at{32, 1, 32, 15}, at{32, 18, 35, 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := mustOption(t, f, tt.section, tt.key)
			if o.Raw != tt.raw {
				t.Errorf("Raw = %q, want %q", o.Raw, tt.raw)
			}
			if o.Value.Kind != tt.kind || o.Value.Text != tt.text || o.Value.Ref != tt.ref {
				t.Errorf("Value = %v %q ref %q, want %v %q ref %q", o.Value.Kind, o.Value.Text, o.Value.Ref, tt.kind, tt.text, tt.ref)
			}
			checkSpan(t, "key", o.KeySpan, tt.keySpan)
			checkSpan(t, "value", o.Value.Span, tt.valSpan)
		})
	}
	if o := mustOption(t, f, "core", "LOAD_EXAMPLES"); o.RawKey != "Load_Examples" {
		t.Errorf("RawKey = %q, want Load_Examples", o.RawKey)
	}
	if s := f.Section("webserver"); s == nil {
		t.Error("section webserver missing")
	} else {
		checkSpan(t, "section name", s.NameSpan, at{12, 2, 12, 11})
	}
	if n := len(f.Entries()); n != 18 {
		t.Errorf("len(Entries) = %d, want 18", n)
	}
	e := f.Entries()[1]
	if strings.Join(e.Path, "/") != "core/fernet_key" || e.Value.Text != "81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=" {
		t.Errorf("Entries()[1] = %v %q", e.Path, e.Value.Text)
	}
	cs := f.Comments()
	if len(cs) != 2 || cs[1].Text != "an indented comment is skipped, not glued into the value" || !cs[1].OwnLine {
		t.Fatalf("comments = %+v", cs)
	}
	checkSpan(t, "comment", cs[1].Span, at{16, 3, 16, 61})
}

func TestBrokenFileIsNotices(t *testing.T) {
	f := parseFixture(t, "duplicates.cfg")
	errs := f.SyntaxErrors()
	if len(errs) != 2 {
		t.Fatalf("syntax errors = %+v, want 2", errs)
	}
	if !strings.Contains(errs[0].Msg, "duplicate option \"fernet_key\"") || errs[0].Span.Start.Line != 4 {
		t.Errorf("first error = %d %q", errs[0].Span.Start.Line, errs[0].Msg)
	}
	if errs[1].Span.Start.Line != 5 {
		t.Errorf("second error on line %d, want 5", errs[1].Span.Start.Line)
	}
	o := mustOption(t, f, "core", "fernet_key")
	if o.Value.Text != "second" || o.KeySpan.Start.Line != 4 {
		t.Errorf("fernet_key = %q on line %d, want the later one", o.Value.Text, o.KeySpan.Start.Line)
	}
	if !f.Section("core").Options[0].Shadowed {
		t.Error("first fernet_key not marked shadowed")
	}
	// the repeated [core] header merges into the first section (strict=False)
	if _, ok := f.Option("core", "executor"); !ok || len(f.Sections()) != 2 {
		t.Errorf("sections = %d, executor found = %v", len(f.Sections()), ok)
	}
}

func TestMissingSectionHeader(t *testing.T) {
	f := parseFixture(t, "noheader.cfg")
	if errs := f.SyntaxErrors(); len(errs) != 1 || errs[0].Span.Start.Line != 1 {
		t.Fatalf("syntax errors = %+v", errs)
	}
	if o := mustOption(t, f, "core", "load_examples"); o.Value.Text != "True" {
		t.Errorf("load_examples = %q", o.Value.Text)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	f := parseFixture(t, "bom_crlf.cfg")
	checkSpan(t, "section", f.Section("core").NameSpan, at{1, 2, 1, 6})
	o := mustOption(t, f, "core", "fernet_key")
	if o.Raw != "crlf\u00e9value\ncontinued" {
		t.Errorf("Raw = %q", o.Raw)
	}
	checkSpan(t, "fernet_key value", o.Value.Span, at{2, 14, 3, 12})
	o = mustOption(t, f, "api", "secret_key")
	if o.Raw != "abc" {
		t.Errorf("Raw = %q", o.Raw)
	}
	checkSpan(t, "secret_key key", o.KeySpan, at{6, 1, 6, 11})
	checkSpan(t, "secret_key value", o.Value.Span, at{6, 12, 6, 15})
}

func TestColumnsCountCodePoints(t *testing.T) {
	f := parseString(t, "u.cfg", "[s]\nkéy = välue\n")
	o := mustOption(t, f, "s", "kéy")
	checkSpan(t, "key", o.KeySpan, at{2, 1, 2, 4})
	checkSpan(t, "value", o.Value.Span, at{2, 7, 2, 12})
}

func TestDefaultSectionFallback(t *testing.T) {
	f := parseString(t, "d.cfg", "[DEFAULT]\nhome = /opt\n[core]\ndags = %(home)s/dags\n")
	if o := mustOption(t, f, "core", "home"); o.Section != DefaultSection {
		t.Errorf("home came from [%s]", o.Section)
	}
	if o := mustOption(t, f, "core", "dags"); o.Value.Kind != value.Template || o.Value.Ref != "home" {
		t.Errorf("dags = %v ref %q", o.Value.Kind, o.Value.Ref)
	}
}

func TestInterpolate(t *testing.T) {
	tests := []struct {
		name, raw, text string
		refs            []string
		bad             bool
	}{
		{"no percent", "abc", "abc", nil, false},
		{"escaped percent", "100%%", "100%", nil, false},
		{"reference", "%(Base)s/x %%", "%(Base)s/x %", []string{"base"}, false},
		{"lone percent", "pa%ss", "pa%ss", nil, true},
		{"trailing percent", "50%", "50%", nil, true},
		{"unterminated reference", "%(x", "%(x", nil, true},
		{"empty reference name", "%()s", "%()s", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, refs, err := Interpolate(tt.raw)
			if text != tt.text || strings.Join(refs, ",") != strings.Join(tt.refs, ",") || (err != nil) != tt.bad {
				t.Errorf("Interpolate(%q) = %q %v %v", tt.raw, text, refs, err)
			}
		})
	}
}

func TestBadPercentIsANotice(t *testing.T) {
	f := parseString(t, "p.cfg", "[smtp]\nsmtp_password = pa%ss\n")
	o := mustOption(t, f, "smtp", "smtp_password")
	if o.Value.Kind != value.Literal || o.Value.Text != "pa%ss" || len(f.SyntaxErrors()) != 1 {
		t.Errorf("value %v %q, errors %+v", o.Value.Kind, o.Value.Text, f.SyntaxErrors())
	}
}

func TestEnvReferenceValue(t *testing.T) {
	f := parseString(t, "e.cfg", "[core]\nfernet_key = ${FERNET_KEY}\n")
	if o := mustOption(t, f, "core", "fernet_key"); o.Value.Kind != value.EnvRef || o.Value.Ref != "FERNET_KEY" {
		t.Errorf("fernet_key = %v ref %q", o.Value.Kind, o.Value.Ref)
	}
}

var _ source.Document = (*File)(nil)

func TestINIDialectWithoutHeader(t *testing.T) {
	f := parseFixture(t, "dialects/.vale.ini")
	if f.Configparser() {
		t.Error(".vale.ini read as a configparser file")
	}
	if errs := f.SyntaxErrors(); len(errs) != 0 {
		t.Errorf("no configparser notices for a file configparser never reads: %+v", errs)
	}
	o := mustOption(t, f, DefaultSection, "stylespath")
	checkSpan(t, "StylesPath key", o.KeySpan, at{2, 1, 2, 11})
	checkSpan(t, "StylesPath value", o.Value.Span, at{2, 14, 2, 28})
	if o.RawKey != "StylesPath" || o.Value.Text != ".github/styles" {
		t.Errorf("StylesPath = %+v", o)
	}
	// `%` is plain text outside configparser: no interpolation, no error
	tok := mustOption(t, f, "*.{md,rst}", "tokenignores")
	if tok.Value.Kind != value.Literal || !strings.HasPrefix(tok.Value.Text, "(%[a-z_]+%)") {
		t.Errorf("TokenIgnores = %+v", tok.Value)
	}
	// a repeated key still shadows, quietly
	if h := mustOption(t, f, "*.{md,rst}", "google.headings"); h.Value.Text != "YES" {
		t.Errorf("Google.Headings = %q", h.Value.Text)
	}
	var paths []string
	for _, e := range f.Entries()[:2] {
		paths = append(paths, strings.Join(e.Path, "."))
	}
	if strings.Join(paths, " ") != "DEFAULT.stylespath DEFAULT.minalertlevel" {
		t.Errorf("entries = %v", paths)
	}
}

func TestBrokenConfigparserFilesKeepTheirNotices(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		line            int
		msg             string
	}{
		{"airflow.cfg by name", "deploy/airflow.cfg", "fernet_key = x\nload_examples = False\n", 1, "no section header"},
		{"an airflow section later", "prod.cfg", "# prod\nfernet_key = x\n[database]\nsql_alchemy_conn = sqlite://\n", 2, "no section header"},
		{"header first, then a bad line", "service.ini", "[server]\nport = 8080\njust words\n", 3, "neither a section header"},
		{"setup.cfg", "setup.cfg", "name = x\n[metadata]\n", 1, "no section header"},
		{"duplicate in airflow.cfg", "airflow.cfg", "[core]\nexecutor = A\nexecutor = B\n", 3, "duplicate option"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parseString(t, tc.path, tc.src)
			errs := f.SyntaxErrors()
			if !f.Configparser() || len(errs) == 0 {
				t.Fatalf("configparser = %v, errors = %+v", f.Configparser(), errs)
			}
			if errs[0].Span.Start.Line != tc.line || !strings.Contains(errs[0].Msg, tc.msg) {
				t.Errorf("first error at line %d: %q; want line %d with %q", errs[0].Span.Start.Line, errs[0].Msg, tc.line, tc.msg)
			}
		})
	}
}
