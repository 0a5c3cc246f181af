// Package airflow normalises the many spellings of an Airflow configuration option to one
// (section, key): `[core] fernet_key` in airflow.cfg, AIRFLOW__CORE__FERNET_KEY in any
// environment (compose, Kubernetes, Dockerfile, dotenv), the Airflow 3 team form
// AIRFLOW__TEAM___CORE__FERNET_KEY, MWAA's "core.fernet_key" option keys and the Helm chart's
// config.core.fernet_key. Options that moved between Airflow 2 and 3 map to their newest name,
// and the `_cmd` / `_secret` variants of sensitive options are recognised as indirections. It
// also recognises AIRFLOW_CONN_* and AIRFLOW_VAR_* names. Pure functions; no rules here.
package airflow
