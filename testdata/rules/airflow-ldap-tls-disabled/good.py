"""LDAP with TLS: ldaps://, StartTLS, a private CA bundle, a local test directory, and settings
that only look alike."""
import os

from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_LDAP_SERVER = "ldap://ldap.corp.example.com:389"
AUTH_LDAP_USE_TLS = True
AUTH_LDAP_TLS_CACERTFILE = "/etc/ssl/certs/corp-ca.pem"
AUTH_LDAP_ALLOW_SELF_SIGNED = False
