"""Flask-AppBuilder settings for the Airflow webserver."""
import os

from flask_appbuilder.security.manager import AUTH_DB

basedir = os.path.abspath(os.path.dirname(__file__))

AUTH_TYPE = AUTH_DB
# Anyone who can reach the UI is an administrator, without logging in.
AUTH_ROLE_PUBLIC = "Admin"
