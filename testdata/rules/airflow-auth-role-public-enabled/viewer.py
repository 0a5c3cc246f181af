"""Anonymous read-only access is reported at medium severity."""
AUTH_ROLE_PUBLIC = 'Viewer'  # want: airflow-auth-role-public-enabled "read-only `Viewer`"
