// Package yaml is the YAML front-end.
//
// Parse reads a multi-document stream into a tree of Nodes with exact byte spans (yaml's
// character columns are converted through the source.File). Three things shape the design:
//
//   - Anchors, aliases and merge keys are resolved for lookups (Get, Path, Pairs, Items) but
//     Entries reports every scalar once, where it is written: the official Airflow docker-compose
//     defines its environment once under an anchor and merges it into every service, and a
//     finding there belongs at the anchor. Nothing ever expands an alias recursively, so an
//     alias bomb costs what its text costs.
//   - Helm templates are the common case of YAML that is not YAML. Template actions that sit
//     where YAML structure is expected ({{- if }} lines, `key: {{ .Values.x }}`) are blanked
//     with bytes of the same length before parsing, so offsets and line structure are unchanged;
//     the stream is then Templated, and scalars that held an action read their text from the
//     original bytes (so they classify as value.Template).
//   - A document that does not parse becomes a source.SyntaxError; the other documents of the
//     stream are still parsed. A file with no parseable document still has its comments, so
//     the engine can run the text-level secret scan on it.
//
// Entries follows value.Entry's conventions: Path is the chain of mapping keys, sequence items
// are "[i]", and two environment-list shapes become plain NAME keys so environment variables
// look the same in every format: compose `environment: [NAME=value]` and Kubernetes
// `env: [{name: NAME, value: v}]` (valueFrom is a value.SecretRef). In Dagster's own files
// (dagster.yaml, workspace.yaml, dagster_cloud.yaml) `key: {env: VAR}` is one entry key whose
// value is a value.EnvRef to VAR. Entry.Doc is the index of the
// document among Documents().
package yaml
