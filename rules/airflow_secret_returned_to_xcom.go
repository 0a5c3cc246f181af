package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// AirflowSecretReturnedToXcom reports secrets that an Airflow task returns or pushes as an XCom.
var AirflowSecretReturnedToXcom = &Rule{
	Meta: Meta{
		ID:         "airflow-secret-returned-to-xcom",
		Title:      "secret stored as an airflow xcom",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-312", "CWE-200"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/xcoms.html",
			"https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/mask-sensitive-values.html",
		},
		Why: "The return value of a `@task` function, of a `PythonOperator` callable and of a custom " +
			"operator's `execute()` is pushed as an XCom (unless `do_xcom_push=False`), and so is every " +
			"`ti.xcom_push(key, value)`. XComs are stored in clear in the metadata database (or the custom " +
			"XCom backend's bucket), shown in the UI's XCom tab to everyone who can see the DAG run, and " +
			"returned by the REST API. Airflow's secrets masker does not follow a value through XCom: a " +
			"downstream task that prints it prints it in clear.",
		Remediation: "Pass a reference instead of the secret: the connection id, the Variable or secret " +
			"name, an ARN; let the consuming task fetch the credential itself (`BaseHook.get_connection`, " +
			"`Variable.get`). A token that must be shared between tasks belongs in a secrets backend, not in " +
			"XCom.",
	},
	Python:      airflowSecretReturnedToXComPython,
	PythonNeeds: []string{"airflow"},
}

// xcomFact is how each kind of task turns its return value into an XCom.
var xcomFact = map[airflowTaskKind]string{
	taskFlowTask:    "is returned by the @task `%s`",
	pythonCallable:  "is returned by `%s`, the callable of a PythonOperator",
	operatorExecute: "is returned by the operator's `%s`",
}

const xcomStored = ", so Airflow stores it as an XCom in clear in the metadata database and shows it in the UI"

func airflowSecretReturnedToXComPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Airflow) {
		return nil // fast path
	}
	tasks := airflowXComTasks(m)
	if len(tasks) > 0 {
		for _, fl := range m.SecretFlows() {
			kind := tasks[fl.Func]
			if fl.Sink != python.SinkReturn || kind == notATask {
				continue
			}
			if _, ok := airflowSecretOrigin(m, fl.Origin); !ok {
				continue
			}
			name := fl.Func.QualName
			if kind == operatorExecute {
				name = "execute()"
			}
			pass.Report(secretFlowFinding(pass, fl.Origin, fl.Arg.Span, sprintfName(xcomFact[kind], name)+xcomStored))
		}
	}
	for _, c := range m.Calls() {
		if c.Method() != "xcom_push" || c.Decorator {
			continue
		}
		v := c.ArgOrKeyword(1, "value")
		if v == nil {
			continue
		}
		o, ok := m.Tainted(v)
		if !ok {
			continue
		}
		if _, ok := airflowSecretOrigin(m, o); !ok {
			continue
		}
		fl := &python.Flow{Sink: python.SinkReturn, Call: c, Arg: v, Origin: o, Func: c.Func}
		pass.Report(secretFlowFinding(pass, fl.Origin, fl.Arg.Span, "is pushed with `xcom_push`"+xcomStored))
	}
	return nil
}

// sprintfName fills a message pattern with a sanitised function name.
func sprintfName(pattern, name string) string {
	return strings.Replace(pattern, "%s", sanitizeName(name), 1)
}
