# AUTH_TYPE is not set: Flask-AppBuilder defaults to database authentication
import os

REGISTRATION = True
AUTH_USER_REGISTRATION = REGISTRATION
# want: airflow-self-registration-privileged-role "anyone can sign up"
AUTH_USER_REGISTRATION_ROLE = 'Op'
