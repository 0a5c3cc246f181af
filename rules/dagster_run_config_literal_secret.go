package rules

import (
	"fmt"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DagsterRunConfigLiteralSecret reports literal secrets in Dagster run config: job and schedule
// config, RunConfig, RunRequest, and run-config YAML files.
var DagsterRunConfigLiteralSecret = &Rule{
	Meta: Meta{
		ID:         "dagster-run-config-literal-secret",
		Title:      "dagster run config holds a literal secret",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-798", "CWE-200"},
		References: []string{
			"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets",
			"https://github.com/dagster-io/dagster/discussions/19033",
		},
		Why: "Run config is stored with every run and shown to everyone who can open the run page or the " +
			"Launchpad. A password, token or key written into it (`define_asset_job(config={\"resources\": " +
			"{\"api\": {\"config\": {\"token\": \"...\"}}}})`, `RunRequest(run_config=...)`, a run-config " +
			"YAML file) is committed with the code and copied into the run storage of every run; only " +
			"values configured as `EnvVar` on the resource are hidden.",
		Remediation: "Configure the secret on the resource with `EnvVar(\"API_TOKEN\")` and leave it out of run " +
			"config; where a `StringSource` field must be set in run config, write `{\"env\": \"API_TOKEN\"}`.",
	},
	Python:      secretsReport[*python.Module],
	PythonNeeds: []string{"dagster"},
	YAML:        secretsReport[*yaml.Stream],
}

// runConfigCalls are the Dagster callables that take run config, and the keywords that hold it.
var runConfigCalls = map[string][]string{
	"define_asset_job":                    {"config"},
	"job":                                 {"config"},
	"to_job":                              {"config"},
	"ScheduleDefinition":                  {"run_config"},
	"RunRequest":                          {"run_config"},
	"build_schedule_from_partitioned_job": {"run_config"},
	"RunConfig":                           {"ops", "resources"},
}

func dagsterRunConfigLiteralSecretHits(p *Pass, doc source.Document) []secretHit {
	switch d := doc.(type) {
	case *python.Module:
		return runConfigPythonHits(p, d)
	case *yaml.Stream:
		return runConfigYAMLHits(p, d)
	}
	return nil
}

func runConfigPythonHits(p *Pass, m *python.Module) []secretHit {
	if !m.Imports("dagster") {
		return nil
	}
	var hs []secretHit
	for _, c := range m.Calls() {
		meth := c.Method()
		kws, ok := runConfigCalls[meth]
		// graph.to_job(...) has any receiver; the others must resolve to dagster
		if !ok || meth != "to_job" && c.Name != "dagster."+meth {
			continue
		}
		for _, kw := range kws {
			if k := c.Keyword(kw); k != nil {
				hs = append(hs, dictSecretHits(p, k.Value, "run config", 0)...)
			}
		}
	}
	return hs
}

// runConfigYAMLHits reads a run-config file (dagster job execute -c, Launchpad YAML):
// ops.<op>.config.* and resources.<resource>.config.*.
func runConfigYAMLHits(p *Pass, s *yaml.Stream) []secretHit {
	if s.Kind() != yaml.Generic {
		return nil
	}
	var hs []secretHit
	for _, e := range s.Entries() {
		if len(e.Path) < 4 || e.Path[0] != "ops" && e.Path[0] != "resources" || e.Path[2] != "config" ||
			!secrets.IsSecretName(e.Key()) {
			continue
		}
		if lit, ok := literalSecret(e.Value); ok {
			hs = append(hs, secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(p.File, lit),
				Message: fmt.Sprintf("run config key %s is a literal", quoteName(e.Dotted()))})
		}
	}
	return hs
}
