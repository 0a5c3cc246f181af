from prefect_aws import AwsCredentials
from prefect_github import GitHubCredentials

AwsCredentials(aws_access_key_id="AKIAFIXTURE000000000", aws_secret_access_key="fixture/Secret+Access9Key0").save("prod")  # want: prefect-credentials-block-literal "aws_secret_access_key"
GitHubCredentials(token="Fx7qLm2ZpR9vTw4K").save("gh")  # want: prefect-credentials-block-literal
