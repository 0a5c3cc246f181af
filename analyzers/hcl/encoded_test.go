package hcl

import (
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

func TestEncodedEntries(t *testing.T) {
	src := "resource \"prefect_deployment\" \"d\" {\n" +
		"  parameters = jsonencode({\n" +
		"    \"db\" : { password = \"pw-literal\" },\n" +
		"    hosts = [\"a\", var.host]\n" +
		"  })\n" +
		"  name = \"d\"\n" +
		"}\n"
	f, err := Parse(source.NewFile("main.tf", source.HCL, []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	b := f.Blocks()[0]
	if got := b.Attribute("name").EncodedEntries(); got != nil {
		t.Errorf("a plain attribute has encoded entries: %v", got)
	}
	got := map[string]value.Entry{}
	for _, e := range b.Attribute("parameters").EncodedEntries() {
		got[strings.Join(e.Path, " ")] = e
	}
	if len(got) != 3 {
		t.Fatalf("entries = %v", got)
	}
	pw := got["db password"]
	if pw.Value.Kind != value.Literal || pw.Value.Text != "pw-literal" {
		t.Errorf("db password = %+v", pw.Value)
	}
	at(t, "password key", pw.KeySpan, 3, 14)
	at(t, "password value", pw.Value.Span, 3, 26)
	if h := got["hosts [1]"]; h.Value.Kind != value.Expr {
		t.Errorf("hosts[1] = %+v", h.Value)
	}
}
