"""webserver_config.py with authentication required."""
from flask_appbuilder.security.manager import AUTH_OAUTH

AUTH_TYPE = AUTH_OAUTH
# Uncomment and set to desired role to enable access without authentication
# AUTH_ROLE_PUBLIC = 'Viewer'
AUTH_ROLE_PUBLIC = "Public"  # FAB's Public role has no permissions


def configure(app):
    AUTH_ROLE_PUBLIC = "Admin"  # a local variable, not the setting
    return AUTH_ROLE_PUBLIC
