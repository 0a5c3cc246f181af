package rules_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// secretSeverities scans one fixture directory with one rule and returns the severity of each
// finding by "path:line".
func secretSeverities(t *testing.T, r *rules.Rule, dir string) map[string]rules.Severity {
	t.Helper()
	base, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(context.Background(), engine.Options{Base: base, Roots: []string{base},
		Rules: []*rules.Rule{r}, MinConfidence: rules.ConfidenceLow, Jobs: 1,
		Discover: source.DiscoverOptions{NoIgnore: true}, TestPaths: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]rules.Severity{}
	for _, f := range res.Findings {
		out[fmt.Sprintf("%s:%d", f.Path, f.Span.Start.Line)] = f.Severity
	}
	return out
}

// A default password beside `host: localhost` is local (low); the same default for a remote host
// keeps the rule's severity, and is not folded into the local one.
func TestDefaultCredentialsLocalHostIsLow(t *testing.T) {
	got := secretSeverities(t, rules.DefaultCredentials, "../testdata/rules/default-credentials")
	if got["profiles.yml:9"] != rules.Low || got["profiles.yml:15"] != rules.High {
		t.Errorf("profiles.yml severities = line 9 %v, line 15 %v; want low, high", got["profiles.yml:9"], got["profiles.yml:15"])
	}
}

// Sample files and unit-test configurations are reported at low severity.
func TestSecretsInSampleFilesAreLow(t *testing.T) {
	got := secretSeverities(t, rules.DefaultCredentials, "../testdata/rules/default-credentials")
	for _, at := range []string{"unittests.cfg:6", ".env.airflow.sample:5"} {
		if sev, ok := got[at]; !ok || sev != rules.Low {
			t.Errorf("%s: severity %v (found %v), want low", at, sev, ok)
		}
	}
}
