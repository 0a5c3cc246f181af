// Package toml reads TOML documents (prefect.toml, profiles.toml, pyproject.toml) on top of
// go-toml's unstable.Parser, and exposes every leaf value as a value.Entry with its full key
// path (tables, dotted keys, arrays of tables as "[i]", inline tables) and exact spans for key
// and value. Comments are kept for suppressions. A parse error becomes a syntax error with its
// position; parsing resumes on the next line so the rest of the file is still read.
package toml
