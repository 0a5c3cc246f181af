// Package secrets is dagwarden's text-level secret detector. It reports facts (matches of secret
// patterns with exact byte offsets), never findings: the rules in rules/ judge them.
//
// The detector runs gitleaks' default rule set (v8.30.1, loaded from its config package with a
// private viper) plus dagwarden's own rules (connection URIs with a password, Airflow Fernet keys,
// Prefect API keys, Dagster+ tokens), with gitleaks' semantics: secret group, entropy, global and
// per-rule allowlists, stop words, "gitleaks:allow", generic de-duplication, and decoding of
// base64/hex/percent/unicode escapes to depth 5 as gitleaks' detect/codec does
// (decoder.go reproduces it, checked against it by decoder_test.go).
//
// Unlike gitleaks' detect.Detect, which runs every rule whose keyword occurs anywhere in a file over
// the whole file, Scan makes one Aho-Corasick pass over an ASCII-lowercased copy of the content and
// runs each rule only over the lines around its keyword hits. The window is the largest number of
// line breaks the rule's regex can match (derived from its syntax tree), so a window always holds
// every match that contains the keyword; rules whose regex can span an unbounded or large number
// of lines (private keys, Kubernetes secrets) run over the whole content. A hit gets no window when
// the part of the rule's regex from its keyword on cannot match there (keywordFollow, a byte test,
// then keywordGate, that part as an anchored regex): 95% of generic-api-key's hits in code
// (api_key = os.environ[...]) are dropped so. Rules shaped like generic-api-key, C{0,n}? then the
// keyword, take their matches from the hits that remain without running the regex
// (directMatches). Gates apply only to text without the two non-ASCII characters that (?i)
// folds to ASCII letters. The keyword pass itself is a dense DFA (keywordDFA). A parity test checks
// that the result equals detect.Detect's on fixtures and on a generated corpus.
//
// Matches whose secret is a placeholder, a template, an environment reference, a documented
// example or a trivial value (see Classify) are dropped by Scan unless WithUnclassified is given.
//
// Only this package imports gitleaks.
package secrets
