"""A settings module of some other application: not an Airflow webserver config."""
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Admin"
