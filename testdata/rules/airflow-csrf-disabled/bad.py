"""webserver_config.py"""
from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
WTF_CSRF_ENABLED = False  # want: airflow-csrf-disabled "CSRF protection of the Airflow UI is off"
