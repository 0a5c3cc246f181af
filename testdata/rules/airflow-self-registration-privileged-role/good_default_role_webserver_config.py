from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_USER_REGISTRATION = True  # role defaults to Public
AUTH_USER_REGISTRATION_ROLE_JMESPATH = "contains(groups, 'admins') && 'Admin' || 'Viewer'"
