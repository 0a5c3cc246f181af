"""A directory on the cluster network: still plaintext, reported at low severity."""
from flask_appbuilder.security.manager import AUTH_LDAP

AUTH_TYPE = AUTH_LDAP
AUTH_LDAP_SERVER = "ldap://openldap.auth.svc.cluster.local:389"  # want: airflow-ldap-tls-disabled "in-cluster host `openldap.auth.svc.cluster.local`"
