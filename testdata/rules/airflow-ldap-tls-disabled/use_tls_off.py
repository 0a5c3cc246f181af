"""StartTLS explicitly off; several servers listed, the first is ldaps, the second is not."""
from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_LDAP_SERVER = "ldaps://ipa01.example.org ldap://ipa02.example.org"  # want: airflow-ldap-tls-disabled "`ipa02.example.org`"
AUTH_LDAP_USE_TLS = False
