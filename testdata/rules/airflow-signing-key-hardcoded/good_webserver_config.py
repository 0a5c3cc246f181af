import os

from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
SECRET_KEY = os.environ["AIRFLOW_SECRET_KEY"]
