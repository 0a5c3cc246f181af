package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/python"
)

// PrefectRunLoggerSecret reports secrets written to a Prefect run logger.
var PrefectRunLoggerSecret = &Rule{
	Meta: Meta{
		ID:         "prefect-run-logger-secret",
		Title:      "secret written to the prefect run log",
		Category:   Logging,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-532"},
		References: []string{"https://docs.prefect.io/v3/how-to-guides/workflows/add-logging"},
		Why: "Messages sent to `get_run_logger()` are shipped to the Prefect API and shown in the UI to " +
			"everyone who can see the flow run, and kept as long as the run history. Prefect masks only its " +
			"own API key in logs; a secret loaded from a `Secret` block, a credentials block or the " +
			"environment is written out in clear.",
		Remediation: "Log what the secret is for, not the secret: the host of a URL " +
			"(`urlsplit(url).hostname`), the name of the block, or that a token was loaded.",
	},
	Python:      prefectRunLoggerSecretPython,
	PythonNeeds: []string{"prefect"},
}

func prefectRunLoggerSecretPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Prefect) {
		return nil // fast path
	}
	for _, fl := range m.SecretFlows() {
		if fl.Sink == python.SinkLog && fl.Log == python.LogPrefect {
			reportSecretFlow(pass, fl, "is written to the Prefect run log")
		}
	}
	return nil
}

// reportSecretFlow reports a secret reaching a sink, pointing at where the secret came from.
// Name-based origins (a variable called token) are less certain than a secret-store read.
func reportSecretFlow(pass *Pass, fl *python.Flow, fact string) {
	f := Finding{
		Span:    fl.Arg.Span,
		Message: "secret from " + quoteCode(fl.Origin.Desc) + " " + fact,
	}
	if fl.Origin.Kind == python.OriginName {
		f.Confidence = ConfidenceMedium
	}
	if !fl.Origin.Span.IsZero() && fl.Origin.Span != fl.Arg.Span {
		f.Related = []Related{{Path: pass.File.Path, Span: fl.Origin.Span, Message: "the secret comes from here"}}
	}
	pass.Report(f)
}

// quoteCode puts a short piece of source between backticks for a one-line message.
func quoteCode(s string) string {
	s = sanitizeName(s)
	return "`" + s + "`"
}
