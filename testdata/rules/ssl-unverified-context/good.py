"""Default contexts, private CAs and verification settings left on."""
import os
import ssl

ctx = ssl.create_default_context(cafile="/etc/ssl/certs/corp-ca.pem")
ctx.check_hostname = True
ctx.verify_mode = ssl.CERT_REQUIRED

os.environ["PYTHONHTTPSVERIFY"] = "1"
os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/corp-ca.pem"

settings.check_hostname = False  # not an SSL context, and ssl is not used for it
