// Package jsonx reads JSON documents (IAM policy documents, Airflow connection and variable
// exports, Prefect work-pool base job templates, AWS Data Pipeline definitions) with the exact
// span of every key and value. It offers a small tree (object lookup by key, array items, each
// node with its span) and the format-neutral entries every config front-end exposes. Nesting
// is bounded, so hostile input cannot exhaust the stack; a syntax error becomes a syntax error
// on the document and the tree built up to it is kept.
package jsonx
