package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// DagsterSecretLogged reports secrets written to Dagster's logs: context.log and
// get_dagster_logger() anywhere, print, logging and raised exceptions inside asset, op, sensor,
// schedule and resource code.
var DagsterSecretLogged = &Rule{
	Meta: Meta{
		ID:         "dagster-secret-logged",
		Title:      "secret written to dagster logs",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-532"},
		References: []string{
			"https://docs.dagster.io/guides/monitor/logging",
			"https://docs.dagster.io/guides/deploy/dagster-yaml",
			"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets",
		},
		Why: "Dagster has no log masking. Messages sent to `context.log` or `get_dagster_logger()` are stored " +
			"in the event log, and what an asset, op, sensor or resource prints to stdout or stderr " +
			"(`print`, `logging`) is captured by the compute log manager; both are shown in the UI to " +
			"everyone who can see the run, and kept with the run history. An exception message is shown " +
			"with the failed step. A token or password written there is readable by all of them. Only " +
			"config values given as `EnvVar` are hidden, and only in the config views.",
		Remediation: "Log what the secret is for, not its value: the resource name, the host of a URL " +
			"(`urlsplit(url).hostname`), or that a token was loaded. Keep secrets in resource fields set " +
			"with `EnvVar(...)` and never format them into log messages or exceptions.",
	},
	Python:      dagsterSecretLoggedPython,
	PythonNeeds: []string{"dagster"},
}

func dagsterSecretLoggedPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Dagster) {
		return nil // fast path
	}
	rt := dagsterRuntimeOf(pass, m)
	for _, fl := range m.SecretFlows() {
		switch {
		case fl.Sink == python.SinkLog && fl.Log == python.LogDagster:
			pass.Report(secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is written to the Dagster event log"))
		case !rt.runs(fl.Func):
		case fl.Sink == python.SinkLog:
			// Python loggers reach the compute logs only when configured to print (or as managed loggers)
			f := secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is logged from Dagster code, whose output Dagster captures into the compute logs")
			f.Confidence = ConfidenceMedium
			pass.Report(f)
		case fl.Sink == python.SinkPrint:
			pass.Report(secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is printed from Dagster code, whose stdout Dagster captures into the compute logs"))
		case fl.Sink == python.SinkRaise:
			pass.Report(secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is raised in an exception that Dagster shows with the failed step"))
		}
	}
	return nil
}
