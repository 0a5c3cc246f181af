import os

from prefect_aws import AwsCredentials

creds = AwsCredentials.load("prod")
AwsCredentials(aws_access_key_id=os.environ["AWS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET"]).save("env")
AwsCredentials(aws_secret_access_key="nice-try-you-are-not-getting-my-key-friend-placeholder").save("docs")
