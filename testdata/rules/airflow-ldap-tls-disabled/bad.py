"""webserver_config.py: LDAP login over plaintext, and with certificate checks off."""
import os

from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_LDAP_SERVER = "ldap://ldap.corp.example.com:389"  # want: airflow-ldap-tls-disabled "Airflow UI logins are checked against `ldap.corp.example.com` over plain ldap:// without StartTLS: users' passwords travel in clear$"
AUTH_LDAP_SEARCH = "ou=people,dc=corp,dc=example,dc=com"
AUTH_LDAP_BIND_USER = "cn=airflow,ou=services,dc=corp,dc=example,dc=com"
AUTH_LDAP_BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
AUTH_LDAP_ALLOW_SELF_SIGNED = True  # want: airflow-ldap-tls-disabled "AUTH_LDAP_ALLOW_SELF_SIGNED is True: the LDAP server's certificate is not checked at login"
