// Package ini reads airflow.cfg and other INI files the way Python's configparser does when
// Airflow reads them (RawConfigParser defaults, strict=False): `=` and `:` delimiters, full-line
// `#` and `;` comments only, indented continuation lines, keys lower-cased, later duplicates
// winning. It keeps the exact span of every section header, key and value, recognises `%(name)s`
// interpolation (such a value is a template, not a literal) and unescapes `%%`.
//
// Lines configparser would reject (no delimiter, no section header yet, an empty key) and
// duplicate options become syntax errors on the document; parsing always goes on. That holds for
// files configparser reads (File.Configparser: by name, a section header first, or an Airflow
// section). Other INI dialects whose options start before any header (.vale.ini and go-ini
// files) get those options in DEFAULT and no such errors. A .cfg or .ini file that is TOML
// (oauth2-proxy.cfg) never gets here: source.Classify sends it to the TOML front-end.
package ini
