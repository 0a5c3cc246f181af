package rules

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// TestLocateShellDumpInBlockScalar: a command on the third line of an indented YAML block
// scalar is reported at its own line and column, not at the start of the scalar.
func TestLocateShellDumpInBlockScalar(t *testing.T) {
	content := "pull:\n  - prefect.deployments.steps.run_shell_script:\n      script: |\n        cd /opt/flows\n        echo start\n          printenv\n"
	f := source.NewFile("prefect.yaml", source.YAML, []byte(content))
	s, err := yaml.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	steps := prefectShellSteps(s)
	if len(steps) != 1 {
		t.Fatalf("steps = %d, want 1", len(steps))
	}
	v := steps[0].script.Value
	ds := shellDumps(v.Text)
	if len(ds) != 1 || ds[0].Cmd != "printenv" {
		t.Fatalf("shellDumps(%q) = %+v", v.Text, ds)
	}
	at := locateInSource(f, v.Span, v.Text, ds[0].Offset, len(ds[0].Cmd))
	if at.Start.Line != 6 || at.Start.Col != 11 || at.End.Col != 19 {
		t.Errorf("located at %d:%d-%d, want 6:11-19", at.Start.Line, at.Start.Col, at.End.Col)
	}
}

// TestLocateFallsBackToSpan: text that cannot be found in the source (a decoded escape) gives
// the whole span rather than a wrong place.
func TestLocateFallsBackToSpan(t *testing.T) {
	f := source.NewFile("x.py", source.Python, []byte(`x = "a\tb env"`))
	span := f.Span(5, 13)
	if got := locateInSource(f, span, "a\tb env", 4, 3); got != span {
		t.Errorf("got %+v, want the span %+v", got, span)
	}
}
