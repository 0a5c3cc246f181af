package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/rules"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// panicky fails on every Python file that mentions "boom", the way a rule with a bug might.
var panicky = &rules.Rule{
	Meta: rules.Meta{ID: "test-panicky", Title: "test", Category: rules.Secrets, Severity: rules.Low, Confidence: rules.ConfidenceHigh},
	Python: func(p *rules.Pass, m *python.Module) error {
		if strings.Contains(string(m.File().Content), "boom") {
			var nilMap map[string]int
			nilMap["x"]++
		}
		return nil
	},
}

func TestBadInputBecomesNoticesAndTheRunGoesOn(t *testing.T) {
	root := writeTree(t, map[string]string{
		"dags/boom.py":          "x = 'boom'\n",
		"dags/broken.py":        "def broken(:\n    pass\n",
		"dags/binary.py":        "\x00\x01\x02ELF",
		"dags/ok.py":            "from airflow.models import Connection\nConnection(conn_id='a', password='hunter2-not-real')\n",
		"conf/broken.json":      "{\"a\": tru}\n",
		"conf/airflow.cfg":      "no header\n[core]\nfernet_key = x\n",
		"conf/invalid.toml":     "a = \"\n",
		"infra/main.tf.json":    "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\"b\": {\"acl\": \"private\"\n",
		"auth/oauth2-proxy.cfg": "## read as TOML\nclient_id = \"airflow\"\nupstreams = [\n  \"http://web:8080/\"\n]\n",
		"docs/.vale.ini":        "StylesPath = styles\nTokenIgnores = (%[a-z]+%)\n[*.md]\nBasedOnStyles = Vale\n",
	})
	res, err := Run(context.Background(), Options{
		Base: root, Roots: []string{root},
		Rules: []*rules.Rule{panicky, rules.AirflowDAGConnectionLiteralPassword},
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, n := range res.Notices {
		kinds[n.Path] = n.Kind
	}
	for path, kind := range map[string]string{
		"dags/boom.py": "internal-error", "dags/broken.py": "parse-error", "conf/broken.json": "parse-error",
		"conf/airflow.cfg": "parse-error", "conf/invalid.toml": "parse-error", "infra/main.tf.json": "parse-error",
	} {
		if kinds[path] != kind {
			t.Errorf("notice for %s = %q, want %q (all: %v)", path, kinds[path], kind, res.Notices)
		}
	}
	if _, ok := kinds["dags/binary.py"]; ok {
		t.Error("binary file produced a notice; it should be skipped quietly")
	}
	if len(res.Findings) != 1 || res.Findings[0].Path != "dags/ok.py" {
		t.Fatalf("findings = %+v, want the one in dags/ok.py", res.Findings)
	}
	for _, n := range res.Notices {
		if n.Path == "infra/main.tf.json" && n.Line != 3 || n.Path == "conf/airflow.cfg" && n.Line != 1 {
			t.Errorf("notice at line %d: %v", n.Line, n)
		}
	}
	// INI files no configparser reads are no parse errors: TOML under a .cfg name, Vale's go-ini
	for _, p := range []string{"auth/oauth2-proxy.cfg", "docs/.vale.ini"} {
		if k, ok := kinds[p]; ok {
			t.Errorf("notice %q for %s", k, p)
		}
	}
	if res.Stats.Files != 9 {
		t.Errorf("files scanned = %d, want 9 (binary skipped)", res.Stats.Files)
	}
	if res.Stats.Frameworks["airflow"] != 1 {
		t.Errorf("frameworks = %v", res.Stats.Frameworks)
	}
}

func TestUnreadableFileIsANotice(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	root := writeTree(t, map[string]string{"a.py": "x = 1\n"})
	if err := os.Chmod(filepath.Join(root, "a.py"), 0); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{Base: root, Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notices) != 1 || res.Notices[0].Kind != "unreadable" {
		t.Fatalf("notices = %v", res.Notices)
	}
}

func TestSecretsFindingsAlwaysMaskTheirSpan(t *testing.T) {
	root := writeTree(t, map[string]string{"a.py": "from airflow.models import Connection\nConnection(password='hunter2-not-real')\n"})
	res, err := Run(context.Background(), Options{Base: root, Roots: []string{root}, Rules: []*rules.Rule{rules.AirflowDAGConnectionLiteralPassword}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || len(res.Findings[0].Sensitive) == 0 || res.Findings[0].Fingerprint == "" {
		t.Fatalf("finding = %+v", res.Findings)
	}
}

func TestFindingsInTestPathsAreDowngraded(t *testing.T) {
	src := "from airflow.models import Connection\nConnection(password='hunter2-not-real')\n"
	root := writeTree(t, map[string]string{"dags/a.py": src, "tests/test_a.py": src, "examples/a.py": src,
		"integration_tests/backcompat/a.py": src})
	run := func(testPaths []string) map[string]rules.Severity {
		res, err := Run(context.Background(), Options{Base: root, Roots: []string{root}, TestPaths: testPaths,
			Rules: []*rules.Rule{rules.AirflowDAGConnectionLiteralPassword}})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]rules.Severity{}
		for _, f := range res.Findings {
			got[f.Path] = f.Severity
		}
		return got
	}
	got := run(nil)
	if got["dags/a.py"] != rules.High || got["tests/test_a.py"] != rules.Low || got["examples/a.py"] != rules.Low ||
		got["integration_tests/backcompat/a.py"] != rules.Low {
		t.Errorf("default test paths: %v", got)
	}
	got = run([]string{})
	if got["tests/test_a.py"] != rules.High {
		t.Errorf("test paths turned off: %v", got)
	}
}

// slow blocks on files that mention "stall", standing in for a pathological input.
var slow = &rules.Rule{
	Meta: rules.Meta{ID: "test-slow", Title: "test", Category: rules.Secrets, Severity: rules.Low, Confidence: rules.ConfidenceHigh},
	Python: func(p *rules.Pass, m *python.Module) error {
		if strings.Contains(string(m.File().Content), "stall") {
			time.Sleep(2 * time.Second)
		}
		return nil
	},
}

func TestAFileOverItsBudgetBecomesANotice(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.py": "x = 'stall'\n",
		"b.py": "from airflow.models import Connection\nConnection(password='hunter2-not-real')\n",
	})
	start := time.Now()
	res, err := Run(context.Background(), Options{Base: root, Roots: []string{root}, Jobs: 1, FileBudget: 100 * time.Millisecond,
		Rules: []*rules.Rule{slow, rules.AirflowDAGConnectionLiteralPassword}})
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 1500*time.Millisecond {
		t.Errorf("scan waited for the slow file: %s", time.Since(start))
	}
	if len(res.Notices) != 1 || res.Notices[0].Kind != "timeout" || res.Notices[0].Path != "a.py" {
		t.Errorf("notices = %v", res.Notices)
	}
	if len(res.Findings) != 1 || res.Findings[0].Path != "b.py" {
		t.Errorf("the next file was not scanned with fresh parsers: %+v", res.Findings)
	}
}

func TestPythonFilesNoRuleNeedsAreNotParsed(t *testing.T) {
	root := writeTree(t, map[string]string{
		"unrelated.py": "def broken(:\n",                         // no rule needs it: not parsed, so no parse-error notice
		"dag.py":       "import airflow\ndef broken(:\n",         // needed: parsed, so the syntax error is noticed
		"x.py":         "x = 1  # dagwarden: ignore[nope] why\n", // comments still read for suppressions
	})
	res, err := Run(context.Background(), Options{Base: root, Roots: []string{root},
		Rules: []*rules.Rule{rules.AirflowDAGConnectionLiteralPassword, rules.InvalidSuppression}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notices) != 1 || res.Notices[0].Path != "dag.py" {
		t.Errorf("notices = %v, want only dag.py's parse error", res.Notices)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != rules.InvalidSuppression.ID {
		t.Errorf("findings = %+v", res.Findings)
	}
}

func TestReadAtMost(t *testing.T) {
	text := strings.Repeat("0123456789", 1000)
	for _, tc := range []struct {
		expected, limit int64
		want            int
	}{
		{10000, 20000, 10000}, // the size discovery saw
		{10, 20000, 10000},    // the file grew since: still read whole
		{20000, 20000, 10000}, // it shrank
		{0, 20000, 10000},     // empty at discovery
		{10000, 4096, 4096},   // cut at the limit
	} {
		got, err := readAtMost(strings.NewReader(text), tc.expected, tc.limit)
		if err != nil || len(got) != tc.want || string(got) != text[:tc.want] {
			t.Errorf("readAtMost(expected %d, limit %d) = %d bytes, %v; want %d", tc.expected, tc.limit, len(got), err, tc.want)
		}
	}
}
