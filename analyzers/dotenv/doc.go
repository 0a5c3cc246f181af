// Package dotenv reads `.env` files (`.env`, `.env.*`, docker compose env_file) with the exact
// span of every name and value: optional `export` prefixes, single quotes (literal), double
// quotes (backslash escapes, may span lines), unquoted values ending at ` #`, empty values and
// bare names (passed through from the environment). Values are classified with
// value.ClassifyString, so `${X:-default}` is an env reference whose default is judged.
// Single-quoted values are never interpolated, as in docker compose. Lines that are not
// assignments become syntax errors and parsing goes on.
package dotenv
