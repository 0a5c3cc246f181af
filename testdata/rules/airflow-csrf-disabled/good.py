"""webserver_config.py"""
from flask_appbuilder.security.manager import AUTH_DB

AUTH_TYPE = AUTH_DB
WTF_CSRF_ENABLED = True
WTF_CSRF_TIME_LIMIT = None
# WTF_CSRF_ENABLED = False


def test_app(app):
    app.config["WTF_CSRF_ENABLED"] = False  # a test client, not the setting
    WTF_CSRF_ENABLED = False
    return WTF_CSRF_ENABLED
