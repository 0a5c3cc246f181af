package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// examplesDir holds the example pipelines the README scans.
var examplesDir = filepath.Join("..", "..", "testdata", "pipelines")

// exampleSecrets are the fake secret values written in the example pipelines; no output may show
// them, not even in part.
var exampleSecrets = []string{"Winter2024-not-real"}

var allFormats = []string{"text", "json", "sarif", "github", "markdown", "html"}

func TestExamplesScanIsDeterministicAndMasked(t *testing.T) {
	for _, format := range allFormats {
		t.Run(format, func(t *testing.T) {
			var outputs []string
			for _, jobs := range []string{"1", "4", "4"} {
				dir := t.TempDir()
				out := filepath.Join(dir, "report")
				code, _, stderr := runCLI(t, "scan", "--format", format, "-o", out, "--jobs", jobs, "--show-suppressed", examplesDir)
				if code != 1 {
					t.Fatalf("exit %d, want 1 (the examples have findings); stderr: %s", code, stderr)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				outputs = append(outputs, string(data))
				for _, s := range exampleSecrets {
					if strings.Contains(string(data), s) || strings.Contains(string(data), s[:len(s)/2]) {
						t.Errorf("%s output shows a secret", format)
					}
				}
			}
			if outputs[0] != outputs[1] || outputs[1] != outputs[2] {
				t.Errorf("%s output differs between runs or --jobs values", format)
			}
		})
	}
}

// TestExamplesFindings pins what the README's scan reports: one finding per category at least,
// each checked by hand against testdata/pipelines.
func TestExamplesFindings(t *testing.T) {
	code, out, _ := runCLI(t, "scan", "--format", "text", examplesDir)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"airflow/dags/load_invoices.py:15:5: high connection `billing_db` password is a string literal [airflow-dag-connection-literal-password]",
		"airflow/dags/load_invoices.py:27:9: high `requests.get` is called with verify=False: an `Authorization` header sent to an unverified endpoint [tls-verification-disabled]",
		"airflow/webserver_config.py:10:1: critical anonymous users get the `Admin` role [airflow-auth-role-public-enabled]",
		"prefect/flows/sync_crm.py:17:11: high secret from `Secret.load(\"crm-api-key\").get()` is printed into the Prefect run log",
		"prefect/flows/sync_crm.py:18:49: high secret from `Secret.load(\"crm-api-key\").get()` is written to the Prefect run log",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	// the Connection built from Variable.get on line 19 is not reported
	if strings.Contains(out, "load_invoices.py:19:") {
		t.Errorf("reported the connection whose password comes from Variable.get:\n%s", out)
	}
}

func TestFailOnThreshold(t *testing.T) {
	if code, _, _ := runCLI(t, "scan", "--fail-on", "critical", "--select", "tls", examplesDir); code != 0 {
		t.Errorf("high TLS findings with --fail-on critical: exit %d, want 0", code)
	}
	if code, _, _ := runCLI(t, "scan", "--fail-on", "critical", examplesDir); code != 1 {
		t.Errorf("a critical finding with --fail-on critical: exit %d, want 1", code)
	}
	if code, _, _ := runCLI(t, "scan", "--exit-zero", examplesDir); code != 0 {
		t.Errorf("--exit-zero: exit %d", code)
	}
}
