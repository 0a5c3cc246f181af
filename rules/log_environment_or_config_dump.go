package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// LogEnvironmentOrConfigDump reports pipeline code that writes the whole environment or a whole
// configuration (connection extras, resources, run config, Airflow settings) to a log, and task
// shell commands that print the environment.
var LogEnvironmentOrConfigDump = &Rule{
	Meta: Meta{
		ID:         "log-environment-or-config-dump",
		Title:      "environment or configuration dumped to a log",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow", "prefect", "dagster"},
		CWE:        []string{"CWE-532", "CWE-526"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
			"https://docs.prefect.io/v3/how-to-guides/workflows/add-logging",
			"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets",
		},
		Why: "Workers get their credentials through environment variables (`AIRFLOW_CONN_*`, " +
			"`AWS_SECRET_ACCESS_KEY`, `PREFECT_API_KEY`, resource secrets given as `EnvVar`). Printing or " +
			"logging `os.environ`, running `env`, `printenv` or `export -p` in a task, or logging a whole " +
			"connection, resource set or settings section writes all of them into the task log, which the " +
			"orchestrator stores centrally and shows in its UI. Airflow masks only values it knows to be " +
			"secrets, Prefect only its API key, Dagster nothing. `set -x` echoes every command with its " +
			"variables expanded, credentials included.",
		Remediation: "Log an allow-list of the variables you need (`os.environ.get(\"ENVIRONMENT\")`), or only " +
			"their names (`sorted(os.environ)`). Drop `env`/`printenv`/`set -x` from task commands, and log " +
			"the fields of a configuration that are not secret.",
	},
	Python:      logEnvironmentOrConfigDumpPython,
	PythonNeeds: []string{"env", "run_config", "resources", "as_dict", "getsection", "__dict__", "vars(", "set -"},
	YAML:        logEnvironmentOrConfigDumpYAML,
}

func logEnvironmentOrConfigDumpPython(pass *Pass, m *python.Module) error {
	fw := m.Frameworks()
	if !fw.Has(python.Airflow) && !fw.Has(python.Prefect) && !fw.Has(python.Dagster) {
		return nil // fast path: not pipeline code
	}
	tasks := taskCodeOf(pass, m)
	for _, c := range m.Calls() {
		if sink, ok := dumpSink(c); ok {
			for _, a := range dumpSinkArgs(c) {
				k, what := envDumpOf(a, 0)
				if k == dumpNone {
					continue
				}
				pass.Report(envDumpFinding(a, k, what, sink, tasks.runs(c.Func)))
			}
			continue
		}
		for _, sc := range taskShellCommands(c) {
			reportShellDumps(pass, sc, true)
		}
	}
	for _, f := range m.Functions() {
		if f.Decorator("airflow.decorators.task.bash", "airflow.sdk.task.bash") == nil {
			continue
		}
		for _, r := range f.Returns() {
			reportShellDumps(pass, shellCommand{expr: r, where: "the `@task.bash` command", log: "the task log"}, true)
		}
	}
	return nil
}

func logEnvironmentOrConfigDumpYAML(pass *Pass, s *yaml.Stream) error {
	if s.Kind() != yaml.PrefectYAML {
		return nil // fast path
	}
	for _, st := range prefectShellSteps(s) {
		reportYAMLShellDumps(pass, st)
	}
	return nil
}
