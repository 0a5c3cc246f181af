"""ldaps:// to the directory, a server from the environment, and a local test server."""
import os

from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_LDAP_SERVER = "ldaps://ldap.corp.example.com:636"


def local_settings():
    # not module level: a helper that builds settings for a test directory
    AUTH_LDAP_SERVER = "ldap://ldap.corp.example.com:389"
    return AUTH_LDAP_SERVER
