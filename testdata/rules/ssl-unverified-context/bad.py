"""TLS contexts that check neither certificates nor host names."""
import os
import smtplib
import socket
import ssl

ssl._create_default_https_context = ssl._create_unverified_context  # want: ssl-unverified-context "every HTTPS request"

ctx = ssl._create_unverified_context()  # want: ssl-unverified-context

strict = ssl.create_default_context()
strict.check_hostname = False  # want: ssl-unverified-context "check_hostname` is set to False"
strict.verify_mode = ssl.CERT_NONE  # want: ssl-unverified-context "CERT_NONE"

raw = ssl.wrap_socket(socket.socket(), cert_reqs=ssl.CERT_NONE)  # want: ssl-unverified-context

os.environ["PYTHONHTTPSVERIFY"] = "0"  # want: ssl-unverified-context "PYTHONHTTPSVERIFY"
os.environ["CURL_CA_BUNDLE"] = ""  # want: ssl-unverified-context "CURL_CA_BUNDLE"


class Mailer:
    def connect(self):
        self.ssl_ctx.check_hostname = False  # want: ssl-unverified-context
