package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

func readAction(t *testing.T) actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestActionIsSecureByItsOwnStandard: every `uses:` is pinned to a full commit SHA and no
// `${{ }}` expression is expanded inside a script, where it could inject shell code.
func TestActionIsSecureByItsOwnStandard(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", a.Runs.Using)
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	for _, s := range a.Runs.Steps {
		if s.Uses != "" && !pinned.MatchString(s.Uses) {
			t.Errorf("step %q: %q is not pinned to a commit SHA", s.Name, s.Uses)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q expands an expression inside run:", s.Name)
		}
	}
}

var exprRe = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// TestActionScriptsEndToEnd runs the action's shell steps the way GitHub's runner would: each
// step's env with its expressions evaluated, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY
// files, and the outputs of earlier steps. The `uses:` steps are GitHub's own (setup-go, upload).
func TestActionScriptsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dagwarden")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	a := readAction(t)
	actionPath, _ := filepath.Abs(filepath.Join("..", ".."))

	cases := []struct {
		name     string
		inputs   map[string]string
		wantExit int
	}{
		{"findings fail the job", nil, 1},
		{"fail-on critical lets high findings pass", map[string]string{"fail-on": "critical"}, 0},
		{"fail-on never", map[string]string{"fail-on": "never"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			writeFixtureRepo(t, work)
			temp := t.TempDir()
			files := map[string]string{}
			for _, k := range []string{"GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"} {
				files[k] = filepath.Join(temp, strings.ToLower(k))
				os.WriteFile(files[k], nil, 0o644)
			}
			inputs := map[string]string{}
			for k, v := range a.Inputs {
				inputs[k] = v.Default
			}
			for k, v := range tc.inputs {
				inputs[k] = v
			}
			ctx := map[string]string{"github.event_name": "push", "github.base_ref": "", "github.action_path": actionPath}
			lastExit := -1
			for _, s := range a.Runs.Steps {
				outputs := readOutputs(t, files["GITHUB_OUTPUT"])
				eval := func(v string) string {
					return exprRe.ReplaceAllStringFunc(v, func(m string) string {
						expr := exprRe.FindStringSubmatch(m)[1]
						switch {
						case strings.HasPrefix(expr, "inputs."):
							return inputs[strings.TrimPrefix(expr, "inputs.")]
						case strings.HasPrefix(expr, "steps.scan.outputs."):
							return outputs[strings.TrimPrefix(expr, "steps.scan.outputs.")]
						}
						if v, ok := ctx[expr]; ok {
							return v
						}
						t.Fatalf("step %q uses an expression the test does not know: %s", s.Name, expr)
						return ""
					})
				}
				if s.Uses != "" {
					if strings.Contains(s.Uses, "upload-sarif") {
						sarifPath := filepath.Join(work, eval(s.With["sarif_file"]))
						checkSARIF(t, sarifPath)
						if s.With["category"] != "dagwarden" {
							t.Errorf("upload category = %q, want a fixed one so runs replace each other", s.With["category"])
						}
					}
					continue
				}
				// the shell GitHub uses for `shell: bash` steps
				cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
				cmd.Dir = work
				cmd.Env = append(os.Environ(), "RUNNER_TEMP="+temp, "GITHUB_ACTION_PATH="+actionPath)
				for k, f := range files {
					cmd.Env = append(cmd.Env, k+"="+f)
				}
				if extra, _ := os.ReadFile(files["GITHUB_PATH"]); len(extra) > 0 {
					cmd.Env = append(cmd.Env, "PATH="+strings.TrimSpace(string(extra))+string(os.PathListSeparator)+os.Getenv("PATH"))
				}
				for k, v := range s.Env {
					cmd.Env = append(cmd.Env, k+"="+eval(v))
				}
				out, err := cmd.CombinedOutput()
				lastExit = cmd.ProcessState.ExitCode()
				if err != nil && s.Name != "Verdict" {
					t.Fatalf("step %q failed: %v\n%s", s.Name, err, out)
				}
			}
			if lastExit != tc.wantExit {
				t.Errorf("job exit = %d, want %d", lastExit, tc.wantExit)
			}
			summary, _ := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
			if !strings.Contains(string(summary), "## dagwarden") || !strings.Contains(string(summary), "2 findings (1 high, 1 low)") {
				t.Errorf("step summary:\n%s", summary)
			}
			if strings.Contains(string(summary), fixtureSecret) {
				t.Error("summary shows the secret")
			}
		})
	}
}

const fixtureSecret = "Winter2024-not-real"

// writeFixtureRepo writes a small repository with two findings: a high one (a connection password
// in a DAG, whose value must never show) and a low one (a suppression naming an unknown rule).
func writeFixtureRepo(t *testing.T, dir string) {
	t.Helper()
	files := map[string]string{
		"dags/etl.py": "from airflow.models import Connection\n\nconn = Connection(conn_id=\"db\", password=\"" + fixtureSecret + "\")\n" +
			"x = 1  # dagwarden: ignore[no-such-rule] because\n",
	}
	for p, c := range files {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readOutputs(t *testing.T, path string) map[string]string {
	data, _ := os.ReadFile(path)
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

func checkSARIF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no SARIF to upload: %v", err)
	}
	if strings.Contains(string(data), fixtureSecret) {
		t.Error("SARIF shows the secret")
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []any `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Errorf("SARIF file is not a 2.1.0 log with results: %v", err)
	}
}
