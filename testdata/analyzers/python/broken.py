# Syntax errors: a broken def, a doubled =, an unclosed call; later code is still modelled.
import requests

def broken(:
    pass

x = = 2

requests.get("https://a.example", verify=False
y = 1

def after():
    requests.post("https://b.example", verify=False)  # still found
