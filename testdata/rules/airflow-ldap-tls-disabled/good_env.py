"""The server comes from the environment; a local directory for development."""
import os

AUTH_LDAP_SERVER = os.environ.get("LDAP_SERVER", "ldap://localhost:389")
AUTH_LDAP_ALLOW_SELF_SIGNED = os.environ.get("LDAP_ALLOW_SELF_SIGNED") == "true"
