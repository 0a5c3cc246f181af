package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// AirflowSecretInLoggedCommand reports secrets put on command lines that Airflow logs: BashOperator
// and @task.bash commands, SSHOperator, DockerOperator and KubernetesPodOperator commands, and
// subprocess calls in Airflow code.
var AirflowSecretInLoggedCommand = &Rule{
	Meta: Meta{
		ID:         "airflow-secret-in-logged-command",
		Title:      "secret on an airflow command line",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-532", "CWE-214"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow-providers-standard/stable/operators/bash.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
		},
		Why: "BashOperator, `@task.bash` and SSHOperator log the command they run (`Running command: ...`) in the " +
			"task log, the UI shows the rendered command in the Rendered Template view, and while it runs the " +
			"command line is in the worker's process table (`ps`), readable by every process on the host. " +
			"DockerOperator and KubernetesPodOperator commands land in the container spec; a `subprocess` " +
			"command line is in the process table and in the `CalledProcessError` Airflow logs when it fails.\n\n" +
			"A secret interpolated into the command when the DAG is parsed (`f\"... {Variable.get('token')}\"`, " +
			"`\"...\" + conn.password`), written literally (`curl -u etl:S3cret`, `sshpass -p`, " +
			"`PGPASSWORD=... psql`), or printed by `echo $DB_PASSWORD` reaches the task log. Airflow's masker " +
			"hides connection passwords and sensitive-named Variables while masking is on (those findings are " +
			"medium); a Jinja template such as `{{ conn.db.password }}` is masked in the log but still in the " +
			"process table (low). A Variable whose name has no sensitive word (`{{ var.value.snowflake_pw }}`) is " +
			"not masked at all.",
		Remediation: "Pass secrets to the command through the environment and reference them there: " +
			"`BashOperator(env={\"API_PW\": \"{{ conn.api.password }}\"}, append_env=True, bash_command=\"curl -u etl:$API_PW ...\")`. " +
			"Prefer tools that read credentials from the environment or a file (`PGPASSWORD`, `~/.pgpass`, " +
			"`--password-stdin`) over argv, and never echo them.",
	},
	Python:      airflowSecretInLoggedCommandPython,
	PythonNeeds: []string{"airflow"},
}

func airflowSecretInLoggedCommandPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	sinks := airflowCommandSinks(m)
	if len(sinks) == 0 {
		return nil
	}
	f := pass.File
	masked := airflowMaskedSecrets(m)
	reported := map[source.Span]bool{}
	report := func(fd Finding) {
		if !reported[fd.Span] {
			reported[fd.Span] = true
			pass.Report(fd)
		}
	}
	for _, s := range sinks {
		// a secret interpolated when the DAG is parsed or the task runs
		if o, ok := m.Tainted(s.Expr); ok {
			if mask, ok := airflowSecretOrigin(m, o); ok {
				fl := &python.Flow{Arg: s.Expr, Origin: o}
				fd := secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is put in "+s.What+", "+s.Exposed+mask.note())
				switch {
				case masked.covers(fl):
					fd.Severity = Low
				case mask != maskNone:
					fd.Severity = Medium
				}
				report(fd)
			}
		}
		for _, t := range commandTexts(f, s.Expr, 0) {
			for _, is := range inlineSecrets(f, t) {
				report(Finding{Span: is.span, Sensitive: []source.Span{is.span},
					Message: is.what + " is written in " + s.What + ", " + s.Exposed})
			}
			for _, js := range jinjaSecrets(f, t) {
				fd := Finding{Span: js.span, Message: "the template " + quoteCode(js.expr) + " renders a secret into " + s.What + ", " + s.Exposed}
				if js.masked {
					fd.Severity = Low
					fd.Message += "; Airflow masks it in the log while secret masking is on, but not in the process table"
				} else {
					fd.Message += "; Airflow does not mask this value"
				}
				report(fd)
			}
			for _, ev := range echoedSecrets(f, t) {
				if envMasked(f, s.Env, ev.name) {
					continue // echo prints *** for a value Airflow rendered and masks
				}
				report(Finding{Span: ev.span, Severity: Medium, Confidence: ConfidenceMedium,
					Message: "`echo` prints " + quoteCode("$"+ev.name) + " from " + s.What + " into the task log"})
			}
		}
	}
	return nil
}
