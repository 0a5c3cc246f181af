"""webserver_config.py: new users register as viewers; groups map to more."""
from flask_appbuilder.security.manager import AUTH_OAUTH

AUTH_TYPE = AUTH_OAUTH
AUTH_USER_REGISTRATION = True
AUTH_USER_REGISTRATION_ROLE = "Viewer"
AUTH_ROLES_MAPPING = {"airflow-admins": ["Admin"], "data-eng": ["Op"]}
