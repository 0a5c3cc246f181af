package hcl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

func parseFixture(t *testing.T, name string) *File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "analyzers", "hcl", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(source.NewFile(name, source.HCL, data))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.SyntaxErrors()) != 0 {
		t.Fatal(f.SyntaxErrors())
	}
	return f
}

func at(t *testing.T, what string, sp source.Span, line, col int) {
	t.Helper()
	if sp.Start.Line != line || sp.Start.Col != col {
		t.Errorf("%s at %d:%d, want %d:%d", what, sp.Start.Line, sp.Start.Col, line, col)
	}
}

func entries(f *File) map[string]value.Entry {
	got := map[string]value.Entry{}
	for _, e := range f.Entries() {
		got[e.Dotted()] = e
	}
	return got
}

func TestMWAAModuleEntries(t *testing.T) {
	f := parseFixture(t, "mwaa-module.tf")
	got := entries(f)
	const env = "resource.aws_mwaa_environment.this."
	mode := got[env+"webserver_access_mode"]
	at(t, "access mode key", mode.KeySpan, 4, 3)
	at(t, "access mode", mode.Value.Span, 4, 28)
	if mode.Value.Kind != value.Literal || mode.Value.Text != "PUBLIC_ONLY" {
		t.Errorf("access mode = %+v", mode.Value)
	}
	if n := got[env+"name"].Value; n.Kind != value.Expr || n.Ref != "var.name" {
		t.Errorf("name = %+v", n)
	}
	fernet := got[env+"airflow_configuration_options.core.fernet_key"]
	at(t, "fernet key", fernet.KeySpan, 7, 6)
	at(t, "fernet value", fernet.Value.Span, 7, 32)
	if !fernet.Value.IsHardcoded() {
		t.Errorf("fernet = %+v", fernet.Value)
	}
	if sk := got[env+"airflow_configuration_options.webserver.secret_key"].Value; sk.Kind != value.Expr || sk.Ref != "random_password.secret.result" {
		t.Errorf("secret key = %+v", sk)
	}
	conn := got[env+"airflow_configuration_options.core.sql_alchemy_conn"].Value
	if conn.Kind != value.Expr || conn.Text != "postgresql://airflow:S3cr3t@${aws_db_instance.meta.address}/airflow" {
		t.Errorf("interpolated = %+v", conn)
	}
	at(t, "interpolated", conn.Span, 9, 32)
	if hd := got["resource.aws_iam_role.mwaa.assume_role_policy"].Value; hd.Kind != value.Literal || !strings.HasPrefix(hd.Text, "{\n") {
		t.Errorf("heredoc = %+v", hd)
	} else {
		at(t, "heredoc body", hd.Span, 36, 1)
	}
	if p := got["resource.aws_iam_role_policy.mwaa.policy"].Value; p.Kind != value.Expr || !strings.HasPrefix(p.Ref, "jsonencode(") {
		t.Errorf("jsonencode attribute = %+v", p)
	}
	// source order
	es := f.Entries()
	for i := 1; i < len(es); i++ {
		if es[i].Value.Span.Start.Offset < es[i-1].Value.Span.Start.Offset {
			t.Fatalf("entries out of order at %s", es[i].Dotted())
		}
	}
	cs := f.Comments()
	if len(cs) != 3 || !cs[0].OwnLine || cs[1].OwnLine || cs[1].Text != "the execution role" || cs[2].Text != "inline JSON in a quoted string" || !cs[2].OwnLine {
		t.Fatalf("comments = %+v", cs)
	}
	at(t, "trailing comment", cs[1].Span, 34, 31)
	if cs[1].Span.End.Line != 34 {
		t.Errorf("a line comment ends on its line: %+v", cs[1].Span.End)
	}
}

func TestMWAAModulePolicies(t *testing.T) {
	f := parseFixture(t, "mwaa-module.tf")
	ps := f.Policies()
	if len(ps) != 4 {
		t.Fatalf("policies = %d, want 4", len(ps))
	}
	// jsonencode
	p := ps[0]
	if p.Form != "jsonencode" || strings.Join(p.Path, " ") != "resource aws_iam_role_policy mwaa policy" || len(p.Statements) != 2 {
		t.Fatalf("policy 0 = %+v", p)
	}
	s0 := p.Statements[0]
	at(t, "statement", s0.Span, 19, 7)
	at(t, "effect", s0.Effect.Span, 20, 21)
	if !s0.Allows() || len(s0.Actions) != 1 || s0.Actions[0].Text != "*" || !s0.Actions[0].Known {
		t.Errorf("statement 0 = %+v", s0)
	}
	at(t, "action *", s0.Actions[0].Span, 21, 21)
	at(t, "resource *", s0.Resources[0].Span, 22, 21)
	s1 := p.Statements[1]
	if len(s1.Actions) != 0 || len(s1.NotActions) != 1 || s1.NotActions[0].Text != "iam:*" {
		t.Errorf("NotAction = %+v", s1)
	}
	at(t, "not action", s1.NotActions[0].Span, 26, 23)
	if len(s1.Resources) != 2 || s1.Resources[0].Known || s1.Resources[0].Text != "${aws_s3_bucket.dags.arn}/*" ||
		s1.Resources[1].Known || s1.Resources[1].Text != "var.extra_arn" {
		t.Errorf("resources = %+v", s1.Resources)
	}
	at(t, "interpolated resource", s1.Resources[0].Span, 27, 23)

	// heredoc JSON, positions in the .tf file
	h := ps[1]
	if h.Form != "heredoc" || strings.Join(h.Path, " ") != "resource aws_iam_role mwaa assume_role_policy" || len(h.Statements) != 1 {
		t.Fatalf("heredoc policy = %+v", h)
	}
	hs := h.Statements[0]
	at(t, "heredoc effect", hs.Effect.Span, 40, 18)
	at(t, "heredoc action", hs.Actions[0].Span, 42, 18)
	if len(hs.Principals) != 1 || hs.Principals[0].Type != "AWS" || hs.Principals[0].Values[0].Text != "*" {
		t.Fatalf("principals = %+v", hs.Principals)
	}
	at(t, "principal type", hs.Principals[0].TypeSpan, 41, 22)
	at(t, "principal *", hs.Principals[0].Values[0].Span, 41, 29)

	// data "aws_iam_policy_document"
	d := ps[2]
	if d.Form != "aws_iam_policy_document" || strings.Join(d.Path, " ") != "data aws_iam_policy_document logs" || len(d.Statements) != 1 {
		t.Fatalf("document = %+v", d)
	}
	ds := d.Statements[0]
	if !ds.Allows() || ds.Sid.Text != "Logs" || ds.Actions[0].Text != "logs:*" || ds.Principals[0].Type != "Service" {
		t.Errorf("document statement = %+v", ds)
	}
	at(t, "sid", ds.Sid.Span, 51, 18)
	at(t, "document action", ds.Actions[0].Span, 52, 19)
	at(t, "principal type", ds.Principals[0].TypeSpan, 55, 22)
	at(t, "principal identifier", ds.Principals[0].Values[0].Span, 56, 23)

	// quoted JSON string: escapes mapped back
	q := ps[3]
	if q.Form != "string" || len(q.Statements) != 1 {
		t.Fatalf("string policy = %+v", q)
	}
	qs := q.Statements[0]
	if qs.Allows() || qs.Effect.Text != "Deny" || qs.Actions[0].Text != "s3:*" {
		t.Errorf("string statement = %+v", qs)
	}
	at(t, "escaped effect", qs.Effect.Span, 63, 45)
	if qs.Effect.Span.End.Col != 49 {
		t.Errorf("escaped effect ends at col %d", qs.Effect.Span.End.Col)
	}
	at(t, "escaped action", qs.Actions[0].Span, 63, 67)
}

func TestTfvars(t *testing.T) {
	f := parseFixture(t, "prod.tfvars")
	got := entries(f)
	pw := got["db_password"]
	at(t, "password key", pw.KeySpan, 3, 1)
	at(t, "password", pw.Value.Span, 3, 19)
	if !pw.Value.IsHardcoded() || pw.Value.Text != "Pr0d-Passw0rd!" {
		t.Errorf("password = %+v", pw.Value)
	}
	if got["min_workers"].Value.Text != "2" || got["public_access"].Value.Text != "true" {
		t.Errorf("number and bool = %+v %+v", got["min_workers"].Value, got["public_access"].Value)
	}
	ex := got["airflow_config.webserver.expose_config"]
	at(t, "object key", ex.KeySpan, 7, 4)
	at(t, "object value", ex.Value.Span, 7, 32)
	attrs := f.Attributes()
	if len(attrs) != 5 || attrs[0].Name != "name" || attrs[4].Name != "airflow_config" {
		t.Errorf("attributes = %d", len(attrs))
	}
}

func TestBlocksAPI(t *testing.T) {
	f := parseFixture(t, "mwaa-module.tf")
	bs := f.Blocks()
	if len(bs) != 5 || bs[0].Type != "resource" || strings.Join(bs[0].Labels, ".") != "aws_mwaa_environment.this" {
		t.Fatalf("blocks = %d", len(bs))
	}
	at(t, "label", bs[0].LabelSpans[1], 2, 33)
	a := bs[0].Attribute("webserver_access_mode")
	if a == nil || a.Value().Text != "PUBLIC_ONLY" {
		t.Fatalf("attribute = %+v", a)
	}
	at(t, "attribute name", a.NameSpan, 4, 3)
	st := bs[3].Blocks("statement")
	if len(st) != 1 || len(st[0].Blocks("principals")) != 1 {
		t.Errorf("nested blocks = %+v", st)
	}
	names := []string{}
	for _, a := range bs[0].Attributes() {
		names = append(names, a.Name)
	}
	if strings.Join(names, ",") != "name,webserver_access_mode,source_bucket_arn,airflow_configuration_options" {
		t.Errorf("attribute order = %v", names)
	}
}

func TestCommentsFromTheLexer(t *testing.T) {
	src := "a = \"x # not // a comment\" // real\nuser_data = <<-SH\n  #!/bin/bash\n  echo hi # shell\n  SH\nb = 1 /* c */\n"
	f, _ := Parse(source.NewFile("c.tf", source.HCL, []byte(src)))
	cs := f.Comments()
	if len(cs) != 2 || cs[0].Text != "real" || cs[1].Text != "c" || cs[1].OwnLine {
		t.Fatalf("comments = %+v", cs)
	}
	at(t, "line comment", cs[0].Span, 1, 28)
	at(t, "block comment", cs[1].Span, 6, 7)
}

func TestCRLFAndWideCharacters(t *testing.T) {
	src := strings.ReplaceAll("\ufeff# c\nresource \"x\" \"ü\" {\n  pässwörd = \"S3cret-ä\" # x\n}\n", "\n", "\r\n")
	f, _ := Parse(source.NewFile("w.tf", source.HCL, []byte(src)))
	if len(f.SyntaxErrors()) != 0 {
		t.Fatal(f.SyntaxErrors())
	}
	e := entries(f)["resource.x.ü.pässwörd"]
	at(t, "key", e.KeySpan, 3, 3)
	at(t, "value", e.Value.Span, 3, 15)
	if e.Value.Text != "S3cret-ä" || f.File().Text(e.Value.Span) != "S3cret-ä" {
		t.Errorf("value = %+v", e.Value)
	}
	cs := f.Comments()
	if len(cs) != 2 || !cs[0].OwnLine || cs[0].Text != "c" || strings.ContainsAny(cs[1].Text, "\r\n") || cs[1].Span.End.Line != 3 {
		t.Errorf("comments = %+v", cs)
	}
}
