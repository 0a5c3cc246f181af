"""webserver_config.py: anyone may sign up, and becomes an administrator."""
from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Admin"  # want: airflow-self-registration-privileged-role "anyone can sign up and is registered as `Admin`"
