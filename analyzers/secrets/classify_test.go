package secrets

import "testing"

// Tokens whose body is filler split into groups, as in documentation snippets, are placeholders;
// real tokens split the same way are not.
func TestClassifyGroupedFillerToken(t *testing.T) {
	tests := []struct {
		in   string
		want Verdict
	}{
		{"xoxp-1234123412341234-12341234-1234", Placeholder}, // dagster docs_snippets op_hooks.py
		{"xoxb-0000-0000-0000000000", Placeholder},
		{"ghp_0000_0000_0000_0000_0000_0000_0000_0000", Placeholder},
		{"xoxb-2049370129-6823741098-Qb7vXs0LkF2mN9pR", Literal},
		{"db-prod-7f3a9c", Literal},
	}
	for _, tt := range tests {
		if got := Classify(tt.in); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
