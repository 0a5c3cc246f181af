package hcl

import (
	"strings"
	"testing"
	"time"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func exercise(t *testing.T, f *File) {
	t.Helper()
	sourcetest.CheckSpans(t, f, len(f.File().Content))
	n := len(f.File().Content)
	for _, p := range f.Policies() {
		for _, s := range p.Statements {
			for _, list := range [][]StringAt{{s.Effect, s.Sid}, s.Actions, s.NotActions, s.Resources, s.NotResources} {
				for _, x := range list {
					if x.Span.Start.Offset < 0 || x.Span.End.Offset > n || x.Span.Start.Offset > x.Span.End.Offset {
						t.Fatalf("policy span out of range: %+v", x)
					}
				}
			}
		}
	}
	for _, b := range f.Blocks() {
		for _, a := range b.Attributes() {
			a.Value()
		}
	}
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"invalid utf-8", "a = \"\xff\xfe\"\n# \xff\nb = \xc3\n"},
		{"nul bytes", "a = \"x\x00y\"\n\x00 = 1\n"},
		{"bom", "\ufeffa = 1\n"},
		{"unterminated heredoc", "a = <<EOT\n{\"Statement\": [\n"},
		{"unterminated string", "p = \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"*\\\n"},
		{"unterminated block comment", "a = 1 /* x"},
		{"deep tuple", "a = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"},
		{"deep blocks", strings.Repeat("b {\n", 3000) + strings.Repeat("}\n", 3000)},
		{"deep jsonencode", "p = jsonencode({Statement = " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "})\n"},
		{"deep heredoc json", "p = <<EOT\n{\"Statement\": " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "}\nEOT\n"},
		{"policy shapes", "p = jsonencode({Statement = {Effect = var.e, Action = 3, Principal = {AWS = var.p}}})\nq = jsonencode({Statement = \"x\"})\n"},
		{"escapes", "p = \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"\\u00e9\\U0001F600$${x}\\\"}]}\"\n"},
		{"crlf heredoc", "p = <<EOT\r\n{\"Statement\": [{\"Action\": \"*\"}]}\r\nEOT\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			f, err := Parse(source.NewFile("h.tf", source.HCL, []byte(tc.src)))
			if err != nil {
				t.Fatal(err)
			}
			exercise(t, f)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestHeredocPolicyWithCRLF(t *testing.T) {
	f, _ := Parse(source.NewFile("p.tf", source.HCL, []byte("p = <<EOT\r\n{\"Statement\": [{\"Action\": \"*\"}]}\r\nEOT\r\n")))
	ps := f.Policies()
	if len(ps) != 1 || len(ps[0].Statements) != 1 {
		t.Fatalf("policies = %+v", ps)
	}
	at(t, "action", ps[0].Statements[0].Actions[0].Span, 2, 28)
}
