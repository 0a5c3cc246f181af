package rules

// InvalidSuppression reports a suppression directive that cannot be honoured as written.
var InvalidSuppression = &Rule{Meta: Meta{
	ID:         "invalid-suppression",
	Title:      "suppression directive is malformed",
	Category:   Tool,
	Severity:   Low,
	Confidence: ConfidenceHigh,
	Builtin:    true,
	Why: "A `# dagwarden: ignore[...]` directive without a reason, or naming a rule that does not " +
		"exist, silences nothing or hides why a finding was accepted. Reviewers need the reason.",
	Remediation: "Write the directive as `# dagwarden: ignore[rule-id] reason why this is acceptable`, " +
		"with rule IDs from `dagwarden rules`.",
}}

// UnusedSuppression reports a suppression directive that matched no finding.
var UnusedSuppression = &Rule{Meta: Meta{
	ID:         "unused-suppression",
	Title:      "suppression directive matches nothing",
	Category:   Tool,
	Severity:   Low,
	Confidence: ConfidenceHigh,
	Builtin:    true,
	Why: "A directive that no longer matches a finding is dead weight, and it would silently hide a " +
		"new finding that appears on the same line later.",
	Remediation: "Delete the directive.",
}}
