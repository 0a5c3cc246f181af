package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// PrefectLogPrintsSecret reports secrets printed inside Prefect flows and tasks whose prints are
// captured as run logs.
var PrefectLogPrintsSecret = &Rule{
	Meta: Meta{
		ID:         "prefect-log-prints-secret",
		Title:      "secret printed where prefect captures prints",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-532"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/workflows/add-logging"},
		Why: "With `log_prints=True` on a flow or task (inherited by the tasks a flow calls), every `print` " +
			"is sent to the Prefect API as a log line and shown in the UI. Printing a secret there " +
			"publishes it to everyone who can see the run. Prefect masks nothing but its own API key.",
		Remediation: "Do not print secrets. Print what was loaded, not its value, or set " +
			"`log_prints=False` on the task that handles the credential.",
	},
	Python:      prefectLogPrintsSecretPython,
	PythonNeeds: []string{"prefect"},
}

func prefectLogPrintsSecretPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Prefect) {
		return nil // fast path
	}
	for _, fl := range m.SecretFlows() {
		if fl.Sink == python.SinkPrint && fl.Call != nil && fl.Call.CapturedPrint() {
			reportSecretFlow(pass, fl, "is printed into the Prefect run log (log_prints=True)")
		}
	}
	return nil
}
