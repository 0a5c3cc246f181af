// Package report formats a scan result as text, JSON, SARIF 2.1.0, GitHub workflow commands or a
// Markdown summary. Reporters only format: they never filter or change severities, and they print
// source only through Excerpt, which masks every sensitive span.
package report
