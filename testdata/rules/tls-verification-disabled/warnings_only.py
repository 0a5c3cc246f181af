"""Silencing urllib3's warning alone hints that unverified requests are made elsewhere."""
import requests

requests.packages.urllib3.disable_warnings()  # want: tls-verification-disabled "warning is silenced"
