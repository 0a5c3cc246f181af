from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
SECRET_KEY = "fixture-flask-secret-3kd9a"  # want: airflow-signing-key-hardcoded "Flask"
