package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// DagsterResourceLiteralSecret reports Dagster resources given literal secrets instead of EnvVar.
var DagsterResourceLiteralSecret = &Rule{
	Meta: Meta{
		ID:         "dagster-resource-literal-secret",
		Title:      "dagster resource given a literal secret",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-798"},
		References: []string{"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets"},
		Why: "A resource built with a literal password, token or key (`SnowflakeResource(password=\"...\")`) " +
			"commits the secret with the code, and Dagster shows literal config values on the Resources " +
			"page; only values given as `EnvVar(...)` are hidden.",
		Remediation: "Pass `EnvVar(\"SNOWFLAKE_PASSWORD\")` (resolved at run time and hidden in the UI) and set " +
			"the variable from a secret store.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"dagster"},
}

func dagsterResourceLiteralSecretHits(p *Pass, doc source.Document) []secretHit {
	m, ok := doc.(*python.Module)
	if !ok || !m.Imports("dagster") {
		return nil
	}
	local := map[string]bool{} // same-module ConfigurableResource / IOManager classes
	for _, cl := range m.Classes() {
		for _, b := range cl.Bases {
			if strings.HasPrefix(b, "dagster") {
				local[cl.Name] = true
			}
		}
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		meth := c.Method()
		isResource := strings.HasPrefix(c.Name, "dagster") &&
			(strings.HasSuffix(meth, "Resource") || strings.HasSuffix(meth, "IOManager") || strings.HasSuffix(meth, "Client"))
		if !isResource && !local[c.Name] && !(meth == "configured" && c.Receiver != nil) {
			continue
		}
		if meth == "configured" {
			if a := c.Arg(0); a != nil {
				hs = append(hs, dictSecretHits(p, a, "resource config", 0)...)
			}
			continue
		}
		hs = append(hs, callSecretHits(p, c, "`"+sanitizeName(meth)+"`")...)
	}
	return hs
}
