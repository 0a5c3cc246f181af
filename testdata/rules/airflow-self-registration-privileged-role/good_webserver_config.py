from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
# Registration is off: the role does not matter
AUTH_USER_REGISTRATION = False
AUTH_USER_REGISTRATION_ROLE = "Admin"
