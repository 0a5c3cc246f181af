package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowSecretLoggedInTask reports secrets that Airflow code logs, prints or puts in an exception
// message, all of which end up in the task log.
var AirflowSecretLoggedInTask = &Rule{
	Meta: Meta{
		ID:         "airflow-secret-logged-in-task",
		Title:      "secret written to the airflow task log",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-532"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/administration-and-deployment/logging-monitoring/logging-tasks.html",
		},
		Why: "Everything a task logs (`self.log`, `logging`, a module logger), prints, or raises (the " +
			"exception message is part of the traceback Airflow logs) lands in the task log. Task logs are " +
			"kept in remote storage and shown in the UI to every user who can see the DAG.\n\n" +
			"Airflow's secrets masker replaces by `***` only the values it knows: connection passwords and " +
			"sensitive extra fields of connections a task accessed, Variables whose names contain a sensitive " +
			"word (`password`, `secret`, `token`, `api_key`, ...), and values registered with `mask_secret`. " +
			"Those findings are medium severity, because `hide_sensitive_var_conn_fields = False` (see " +
			"`airflow-secret-masking-disabled`) or a transformed value (base64, a substring) defeats it. A " +
			"token read from the environment or another secret store, a Variable named `snowflake_pw`, or a " +
			"value whose only clue is its name (`token`) is not masked at all: high severity.\n\n" +
			"Exception messages are covered here rather than by a separate rule: Airflow writes them to the " +
			"same task log.",
		Remediation: "Do not log secrets. Log what the secret is for (the connection id, the host of a URL, " +
			"that a token was loaded, its length). When a value must pass through log lines, register it " +
			"first with `mask_secret(value)` (`airflow.sdk.log` in Airflow 3, " +
			"`airflow.utils.log.secrets_masker` in Airflow 2).",
	},
	Python:      airflowSecretLoggedInTaskPython,
	PythonNeeds: []string{"airflow"},
}

func airflowSecretLoggedInTaskPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	flows := m.SecretFlows()
	if len(flows) == 0 {
		return nil
	}
	masked := airflowMaskedSecrets(m)
	for _, fl := range flows {
		var fact string
		switch fl.Sink {
		case python.SinkLog:
			if fl.Log != python.LogStdlib && fl.Log != python.LogAirflow {
				continue // Prefect and Dagster loggers have their own rules
			}
			fact = "is written to the Airflow task log"
		case python.SinkPrint:
			fact = "is printed into the Airflow task log"
		case python.SinkRaise:
			fact = "is put in an exception message, which Airflow writes to the task log"
		default:
			continue
		}
		mask, ok := airflowSecretOrigin(m, fl.Origin)
		if !ok || masked.covers(fl) {
			continue
		}
		f := secretFlowFinding(pass, fl.Origin, fl.Arg.Span, fact+mask.note())
		if mask != maskNone {
			f.Severity = Medium
		}
		pass.Report(f)
	}
	return nil
}
