"""Anonymous read-only access is reported at low severity; custom roles are reported too."""
AUTH_ROLE_PUBLIC = 'Viewer'  # want: airflow-auth-role-public-enabled "read-only `Viewer`"

ANON = "dashboards"
AUTH_ROLE_PUBLIC = ANON  # want: airflow-auth-role-public-enabled "custom `dashboards` role"
