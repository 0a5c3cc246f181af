"""webserver_config.py: anonymous visitors are administrators."""
from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
AUTH_ROLE_PUBLIC = "Admin"  # want: airflow-auth-role-public-enabled "anonymous users get the `Admin` role"
