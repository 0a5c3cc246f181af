package rules

import "github.com/dagwarden/dagwarden/analyzers/source"

// Finding is one reported problem at one place.
type Finding struct {
	RuleID  string
	Message string // one line, states the fact; never contains a secret
	Path    string
	Span    source.Span // the primary location, as narrow as possible
	// Sensitive lists spans that hold secret values. Every reporter masks them.
	Sensitive []source.Span
	Related   []Related
	// Severity and Confidence default to the rule's; a rule may lower or raise them per finding.
	Severity   Severity
	Confidence Confidence
	// Properties carry machine-readable details (for example the gitleaks rule id); no secrets.
	Properties map[string]string
	// Count is how many times the same value was found in the file when repeats are folded into
	// one finding (0 or 1 means once).
	Count int
	// Fingerprint is set by the engine: stable under edits elsewhere in the file.
	Fingerprint string
	// Suppression is set when an inline directive, the config or the baseline silenced the finding.
	Suppression *Suppression
}

// Related is a secondary location, such as where a logged secret came from.
type Related struct {
	Path    string
	Span    source.Span
	Message string
}

// Suppression says why a finding is not reported.
type Suppression struct {
	Kind   string // "inSource" (a directive in the file) or "external" (config or baseline)
	Reason string
}
