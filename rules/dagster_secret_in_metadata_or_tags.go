package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// DagsterSecretInMetadataOrTags reports secrets attached to Dagster metadata or tags.
var DagsterSecretInMetadataOrTags = &Rule{
	Meta: Meta{
		ID:         "dagster-secret-in-metadata-or-tags",
		Title:      "secret in dagster metadata or tags",
		Category:   Logging,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"dagster"},
		CWE:        []string{"CWE-200"},
		References: []string{
			"https://docs.dagster.io/guides/build/assets/metadata-and-tags",
			"https://docs.dagster.io/guides/deploy/using-environment-variables-and-secrets",
		},
		Why: "Metadata attached with `MaterializeResult(metadata=...)`, `Output(..., metadata=...)`, " +
			"`context.add_output_metadata(...)` or `AssetMaterialization(metadata=...)` is stored in the event " +
			"log and rendered in the asset catalog; tags on assets, jobs and runs (`tags=`, `RunRequest(tags=...)`) " +
			"are stored with every run and shown on the runs page. Both are readable by everyone with access " +
			"to the Dagster UI and kept with the history, so a secret or a connection URL with a password in " +
			"them is disclosed.",
		Remediation: "Attach what identifies the data, not the credential: strip the userinfo from URLs " +
			"(`urlsplit(url)._replace(netloc=host)`), record the host, table or secret name.",
	},
	Python:      dagsterSecretInMetadataOrTagsPython,
	PythonNeeds: []string{"dagster"},
}

func dagsterSecretInMetadataOrTagsPython(pass *Pass, m *python.Module) error {
	if !m.Frameworks().Has(python.Dagster) {
		return nil // fast path
	}
	for _, fl := range m.SecretFlows() {
		if fl.Sink != python.SinkMetadata {
			continue
		}
		at, o := taintedPart(m, fl.Arg, 0)
		if at == nil {
			at, o = fl.Arg, fl.Origin
		}
		pass.Report(secretFlowFinding(pass, o, at.Span, "is attached as Dagster metadata, stored in the event log and shown in the UI"))
	}
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Name, "dagster") {
			continue
		}
		for _, k := range c.Keywords {
			if k.Name != "tags" && k.Name != "op_tags" && k.Name != "run_tags" {
				continue
			}
			for _, at := range taintedTags(m, k.Value) {
				pass.Report(secretFlowFinding(pass, at.o, at.e.Span, "is set as a Dagster tag, stored with every run and shown in the UI"))
			}
		}
	}
	return nil
}

type taintedExpr struct {
	e *python.Expr
	o *python.Origin
}

// taintedTags lists the tainted values of a tags dict; the structured dagster-k8s/config tag
// holds container config, not a tag shown as text, and is left to the k8s rules.
func taintedTags(m *python.Module, tags *python.Expr) []taintedExpr {
	var out []taintedExpr
	d := tags.Resolve()
	if d == nil || d.Kind != "dictionary" {
		if o, ok := m.Tainted(tags); ok {
			out = append(out, taintedExpr{tags, o})
		}
		return out
	}
	for _, p := range d.Dict() {
		if p.KeyText == "dagster-k8s/config" || p.Value == nil {
			continue
		}
		if o, ok := m.Tainted(p.Value); ok {
			out = append(out, taintedExpr{p.Value, o})
		}
	}
	return out
}
