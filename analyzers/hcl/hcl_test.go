package hcl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

func TestMWAAEntries(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "analyzers", "hcl", "mwaa.tf"))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := Parse(source.NewFile("mwaa.tf", source.HCL, data))
	if len(f.SyntaxErrors()) != 0 {
		t.Fatal(f.SyntaxErrors())
	}
	got := map[string]value.Entry{}
	for _, e := range f.Entries() {
		got[e.Dotted()] = e
	}
	mode := got["resource.aws_mwaa_environment.etl.webserver_access_mode"]
	if mode.Value.Text != "PUBLIC_ONLY" || mode.Value.Span.Start.Line != 4 || mode.Value.Span.Start.Col != 28 || mode.KeySpan.Start.Col != 3 {
		t.Errorf("access mode = %+v", mode)
	}
	if role := got["resource.aws_mwaa_environment.etl.execution_role_arn"]; role.Value.Kind != value.Expr || role.Value.Ref != "aws_iam_role.mwaa.arn" {
		t.Errorf("reference = %+v", role.Value)
	}
	fernet := got["resource.aws_mwaa_environment.etl.airflow_configuration_options.core.fernet_key"]
	if fernet.Value.Kind != value.Literal || fernet.Value.Span.Start.Line != 8 || fernet.Value.Span.Start.Col != 35 || fernet.KeySpan.Start.Col != 6 {
		t.Errorf("fernet option = %+v", fernet)
	}
	if v := got["resource.aws_mwaa_environment.etl.airflow_configuration_options.core.load_examples"]; v.Value.Kind != value.Expr {
		t.Errorf("var reference = %+v", v.Value)
	}
	if v := got["resource.aws_mwaa_environment.etl.logging_configuration.dag_processing_logs.enabled"]; v.Value.Text != "true" {
		t.Errorf("nested block = %+v", v)
	}
	cs := f.Comments()
	if len(cs) != 2 || !cs[0].OwnLine || cs[1].OwnLine || cs[1].Text != "reachable from the internet" {
		t.Errorf("comments = %+v", cs)
	}
}

func TestBrokenFileKeepsWhatWasRecovered(t *testing.T) {
	f, _ := Parse(source.NewFile("b.tf", source.HCL, []byte("resource \"a\" \"b\" {\n  acl = \n}\nresource \"c\" \"d\" {\n  password = \"x\"\n}\n")))
	if len(f.SyntaxErrors()) == 0 || f.SyntaxErrors()[0].Span.Start.Line != 2 {
		t.Errorf("errors = %+v", f.SyntaxErrors())
	}
	found := false
	for _, e := range f.Entries() {
		if e.Dotted() == "resource.c.d.password" {
			found = true
		}
	}
	if !found {
		t.Error("the block after the error was not recovered")
	}
}
