// Package engine drives a scan: discover files, read and parse each once, run the enabled rules
// on the parsed form in parallel, apply suppressions, fingerprint, and sort. A file that does not
// parse, or a rule that fails on one file, becomes a notice and the run goes on.
package engine
