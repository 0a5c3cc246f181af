package jsonx

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

const fixtures = "../../testdata/analyzers/jsonx"

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return parseBytes(t, name, b)
}

func parseBytes(t *testing.T, name string, b []byte) *File {
	t.Helper()
	doc, err := Parse(source.NewFile(name, source.JSON, b))
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

func TestIAMPolicy(t *testing.T) {
	f := parseFixture(t, "iam_policy.json")
	if len(f.SyntaxErrors()) != 0 {
		t.Fatalf("syntax errors: %+v", f.SyntaxErrors())
	}
	root := f.Root()
	m, _ := root.Member("Version")
	checkSpan(t, "Version key", m.KeySpan, at{2, 4, 2, 11})
	checkSpan(t, "Version value", m.Value.TextSpan, at{2, 15, 2, 25})
	checkSpan(t, "Version value with quotes", m.Value.Span, at{2, 14, 2, 26})

	stmts := root.Get("Statement").List()
	if len(stmts) != 2 {
		t.Fatalf("statements = %d", len(stmts))
	}
	t.Run("action as a string", func(t *testing.T) {
		acts := stmts[0].Get("Action").List()
		if len(acts) != 1 || acts[0].Text != "airflow:*" {
			t.Fatalf("actions = %+v", acts)
		}
		checkSpan(t, "action", acts[0].TextSpan, at{7, 18, 7, 27})
	})
	t.Run("action as a list", func(t *testing.T) {
		acts := stmts[1].Get("Action").List()
		if len(acts) != 2 || acts[1].Text != "s3:PutObject" {
			t.Fatalf("actions = %+v", acts)
		}
		checkSpan(t, "first action", acts[0].TextSpan, at{12, 19, 12, 31})
		checkSpan(t, "second action", acts[1].TextSpan, at{12, 35, 12, 47})
	})
	t.Run("nested lookup", func(t *testing.T) {
		n := stmts[1].Lookup("Condition", "Bool", "aws:SecureTransport")
		if n == nil || n.Kind != Bool || n.Text != "false" {
			t.Fatalf("condition = %+v", n)
		}
		checkSpan(t, "condition", n.Span, at{14, 53, 14, 58})
	})
	es := f.Entries()
	if len(es) != 10 {
		t.Fatalf("len(Entries) = %d, want 10", len(es))
	}
	if got := strings.Join(es[7].Path, "/"); got != "Statement/[1]/Action/[1]" || !es[7].KeySpan.IsZero() {
		t.Errorf("Entries()[7] = %s %+v", got, es[7].KeySpan)
	}
	if root.Get("Missing").Get("x") != nil || root.Index(0) != nil {
		t.Error("lookups on missing nodes are not nil")
	}
}

func TestAirflowConnectionsExport(t *testing.T) {
	f := parseFixture(t, "connections.json")
	pg := f.Root().Get("postgres_default")
	pw := pg.Get("password")
	if pw.Text != "pa\u00dfw\"rd" {
		t.Errorf("password = %q", pw.Text)
	}
	checkSpan(t, "password", pw.TextSpan, at{6, 18, 6, 31})
	if v := pw.Value(); v.Kind != value.Literal || v.Span != pw.TextSpan {
		t.Errorf("password value = %+v", v)
	}
	if port := pg.Get("port"); port.Kind != Number || port.Text != "5432" {
		t.Errorf("port = %+v", port)
	}
	if extra := pg.Get("extra"); extra.Text != `{"sslmode": "disable"}` {
		t.Errorf("extra = %q", extra.Text)
	}
	slack := f.Root().Get("slack")
	if v := slack.Get("password").Value(); v.Kind != value.Template {
		t.Errorf("templated password = %v", v.Kind)
	}
	if n := slack.Get("extra"); n.Kind != Null {
		t.Errorf("extra = %v", n.Kind)
	}
	checkSpan(t, "slack key", mustMember(t, f.Root(), "slack").KeySpan, at{10, 4, 10, 9})
}

func mustMember(t *testing.T, n *Node, key string) Member {
	t.Helper()
	m, ok := n.Member(key)
	if !ok {
		t.Fatalf("no member %q", key)
	}
	return m
}

func TestPrefectBaseJobTemplate(t *testing.T) {
	f := parseFixture(t, "base_job_template.json")
	if v := f.Root().Lookup("job_configuration", "env").Value(); v.Kind != value.Template {
		t.Errorf("env = %v", v.Kind)
	}
	key := f.Root().Lookup("variables", "properties", "env", "default", "AWS_SECRET_ACCESS_KEY")
	if key == nil || key.Text != "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" {
		t.Fatalf("default = %+v", key)
	}
	checkSpan(t, "default secret", key.TextSpan, at{8, 71, 8, 111})
}

func TestBrokenKeepsPrefix(t *testing.T) {
	f := parseFixture(t, "broken.json")
	errs := f.SyntaxErrors()
	if len(errs) != 1 {
		t.Fatalf("syntax errors = %+v", errs)
	}
	checkSpan(t, "error", errs[0].Span, at{2, 9, 2, 10})
	if items := f.Root().Get("a").List(); len(items) != 3 || items[1].Text != "2" {
		t.Errorf("partial array = %+v", items)
	}
	if n := len(f.Entries()); n != 2 {
		t.Errorf("len(Entries) = %d, want 2", n)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	f := parseFixture(t, "bom_crlf.json")
	m := mustMember(t, f.Root(), "k\u00e9y")
	checkSpan(t, "key", m.KeySpan, at{2, 4, 2, 7})
	checkSpan(t, "value", m.Value.TextSpan, at{2, 11, 2, 13})
	checkSpan(t, "root", f.Root().Span, at{1, 1, 3, 2})
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		col      int
	}{
		{"two commas", "[1,,2]", 1, 4},
		{"a lone comma", "{,}", 1, 2},
		{"unclosed block comment", "{\"a\": 1 /* x", 1, 9},
		{"a lone slash", "[1 / 2]", 1, 4},
		{"missing colon", "{\"a\" 1}", 1, 6},
		{"unterminated string", "{\"a\": \"x", 1, 7},
		{"raw control character", "\"a\tb\"", 1, 3},
		{"bad escape", "\"\\x\"", 1, 2},
		{"leading zero", "01", 1, 2},
		{"trailing garbage", "{} {}", 1, 4},
		{"end of input", "{\"a\":\n", 2, 1},
		{"bare word", "nope", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parseBytes(t, "e.json", []byte(tt.in)).SyntaxErrors()
			if len(errs) != 1 || errs[0].Span.Start.Line != tt.line || errs[0].Span.Start.Col != tt.col {
				t.Errorf("errors = %+v, want one at %d:%d", errs, tt.line, tt.col)
			}
		})
	}
}

// TestJSONC reads VS Code style JSON with comments and trailing commas: the values keep their
// exact positions, the comments are kept (suppression directives live there), and a // inside a
// string is not a comment.
func TestJSONC(t *testing.T) {
	src := "// launch settings\n{\n  \"url\": \"http://example.com/a//b\", // trailing note\n" +
		"  /* block\n     comment */ \"env\": {\"TOKEN\": \"x\",},\n  \"list\": [1, 2,],\n}\n"
	f := parseBytes(t, "launch.json", []byte(src))
	if errs := f.SyntaxErrors(); len(errs) != 0 {
		t.Fatalf("JSONC gave syntax errors: %+v", errs)
	}
	url := mustMember(t, f.Root(), "url")
	if url.Value.Text != "http://example.com/a//b" {
		t.Errorf("url = %q: a // inside a string was taken for a comment", url.Value.Text)
	}
	checkSpan(t, "url value", url.Value.TextSpan, at{3, 11, 3, 34})
	tok := mustMember(t, mustMember(t, f.Root(), "env").Value, "TOKEN")
	checkSpan(t, "TOKEN key", tok.KeySpan, at{5, 26, 5, 31})
	if n := len(mustMember(t, f.Root(), "list").Value.Items); n != 2 {
		t.Errorf("list has %d items, want 2", n)
	}
	var got []string
	for _, c := range f.Comments() {
		got = append(got, fmt.Sprintf("%d:%d %q own=%v", c.Span.Start.Line, c.Span.Start.Col, c.Text, c.OwnLine))
	}
	want := []string{`1:1 "launch settings" own=true`, `3:37 "trailing note" own=false`, "4:3 \"block\\n     comment\" own=true"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments:\n got %v\nwant %v", got, want)
	}
}

func TestSurrogatePairs(t *testing.T) {
	f := parseBytes(t, "s.json", []byte(`["\ud83d\ude00", "\ud800x"]`))
	if got := f.Root().Index(0).Text; got != "\U0001F600" {
		t.Errorf("pair = %q", got)
	}
	if got := f.Root().Index(1).Text; got != "\uFFFDx" {
		t.Errorf("lone surrogate = %q", got)
	}
}

func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat(`{"a":[`, 200000)
	f := parseBytes(t, "deep.json", []byte(deep))
	errs := f.SyntaxErrors()
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "nested more than") {
		t.Errorf("errors = %+v", errs)
	}
}

func TestEmptyFile(t *testing.T) {
	f := parseBytes(t, "empty.json", []byte(" \n"))
	if f.Root() != nil || len(f.SyntaxErrors()) != 0 || len(f.Entries()) != 0 {
		t.Errorf("empty file: root %v errors %v", f.Root(), f.SyntaxErrors())
	}
}

var _ source.Document = (*File)(nil)
