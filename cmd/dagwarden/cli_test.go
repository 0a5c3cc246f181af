package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/rules"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwoWithOneLine(t *testing.T) {
	dir := t.TempDir()
	badConfig := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badConfig, []byte("exclude: [\"a\"]\nfail_on: high\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing path", []string{"scan", filepath.Join(dir, "nope")}, "does not exist"},
		{"unknown rule in --select", []string{"scan", "--select", "no-such-rule", dir}, `unknown rule or category "no-such-rule"`},
		{"unknown format", []string{"scan", "--format", "xml", dir}, `unknown format "xml"`},
		{"unreadable config", []string{"scan", "--config", filepath.Join(dir, "missing.yaml"), dir}, "cannot read config"},
		{"config with unknown key", []string{"scan", "--config", badConfig, dir}, "bad.yaml:2:1:"},
		{"unknown rule for explain", []string{"explain", "no-such-rule"}, `unknown rule "no-such-rule"`},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", dir}, "unknown severity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != 2 {
				t.Errorf("exit code = %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
				t.Errorf("stderr = %q, want one line containing %q", stderr, tt.want)
			}
		})
	}
}

func TestRulesJSONListsEveryRule(t *testing.T) {
	code, out, _ := runCLI(t, "rules", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rows []struct{ ID, Category, Severity, Title string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(rules.All()) {
		t.Fatalf("listed %d rules, want %d", len(rows), len(rules.All()))
	}
	for _, r := range rows {
		if r.ID == "" || r.Category == "" || r.Severity == "" || r.Title == "" {
			t.Errorf("incomplete row %+v", r)
		}
	}
}

func TestExplainPrintsTheRulePage(t *testing.T) {
	code, out, _ := runCLI(t, "explain", "invalid-suppression")
	if code != 0 || !strings.HasPrefix(out, "# invalid-suppression\n") || !strings.Contains(out, "## How to fix") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "dagwarden ") {
		t.Fatalf("exit %d, output %q", code, out)
	}
}
