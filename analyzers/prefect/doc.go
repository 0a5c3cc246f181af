// Package prefect normalises Prefect settings to one canonical name, whatever the spelling:
// the PREFECT_* environment variable, a dotted path in prefect.toml or pyproject.toml
// `[tool.prefect]` (`api.key`, `server.api.auth_string`), a key of a profiles.toml profile, and
// the legacy aliases Prefect still reads (PREFECT_API_DATABASE_CONNECTION_URL for
// PREFECT_SERVER_DATABASE_CONNECTION_URL, PREFECT_SERVER_CSRF_PROTECTION_ENABLED for
// PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED, ...). Pure functions; no rules here.
package prefect
