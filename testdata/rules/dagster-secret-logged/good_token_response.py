"""A token response logged only when it lacks the token (from the corpus: apple_search_ads/ops.py)."""
import requests

from dagster import op


def get_access_token(url: str) -> str:
    token_data = requests.post(url, data={"grant_type": "client_credentials"}).json()
    access_token = token_data.get("access_token")
    if not access_token:
        # the response has no access token here, but other token fields may still be in it: the
        # name says "token", and the guard is not followed
        raise ValueError(f"No access token in response: {token_data}")  # known-fp: dagster-secret-logged
    return access_token


@op
def extract(context):
    return get_access_token("https://appleid.apple.com/auth/oauth2/token")
