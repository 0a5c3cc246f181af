// Package suppress decides which findings users have silenced: inline directives
// (`# dagwarden: ignore[rule-id] reason`), and computes the fingerprints that let code scanning
// and baselines recognise a finding after the code around it moved.
package suppress
