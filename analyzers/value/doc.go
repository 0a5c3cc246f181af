// Package value is the one classification of configuration and code values shared by every
// front-end and rule: a value is a literal, a reference to the environment or to a secret store, a
// template rendered at run time, an expression, or unknown. Placeholders are recognised here once.
package value
