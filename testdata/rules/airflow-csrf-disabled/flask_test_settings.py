"""Settings of a plain Flask app's test suite: not Airflow's."""
import flask

TESTING = True
WTF_CSRF_ENABLED = False
