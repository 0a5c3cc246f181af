"""HTTPS endpoints, CA bundles and LocalStack on this machine."""
import boto3

s3 = boto3.client("s3")
minio = boto3.client("s3", endpoint_url="https://minio.example.com", verify="/etc/ssl/certs/minio-ca.pem")
localstack = boto3.client("s3", endpoint_url="http://localhost:4566", use_ssl=False, verify=False)
compose = boto3.client("s3", endpoint_url="http://host.docker.internal:9000")
