"""S3-compatible clients without TLS or certificate checks."""
import boto3
from prefect_aws import AwsClientParameters

s3 = boto3.client("s3", endpoint_url="https://minio.example.com", verify=False)  # want: object-store-client-tls-disabled "verify=False to `minio.example.com`"
plain = boto3.client("s3", endpoint_url="http://minio.example.com:9000")  # want: object-store-client-tls-disabled "http:// endpoint to `minio.example.com`"
res = boto3.resource("s3", use_ssl=False)  # want: object-store-client-tls-disabled "use_ssl=False: objects"
params = AwsClientParameters(endpoint_url="http://minio.corp.example.com:9000", use_ssl=False)  # want: object-store-client-tls-disabled "use_ssl=False"
