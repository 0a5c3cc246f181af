# Look-alikes that must stay quiet.
FROM python:3.12-slim AS readonly
RUN pip install dagster-webserver
# the read-only webserver cannot launch runs
CMD ["dagster-webserver", "-h", "0.0.0.0", "-p", "3000", "--read-only"]

FROM python:3.12-slim AS loopback
CMD ["dagster-webserver", "-h", "127.0.0.1", "-p", "3000"]

FROM python:3.12-slim AS default-host
# no -h: the webserver binds 127.0.0.1
CMD ["dagster-webserver", "-p", "3000", "-w", "workspace.yaml"]

FROM python:3.12-slim AS variable-host
ENV HOST=0.0.0.0
CMD dagster-webserver -h "$HOST" -p 3000

FROM python:3.12-slim AS daemon
CMD ["dagster-daemon", "run"]

FROM python:3.12-slim AS code-server
# a gRPC code server, not the webserver
CMD ["dagster", "api", "grpc", "-h", "0.0.0.0", "-p", "4000", "-f", "repo.py"]

FROM python:3.12-slim AS overridden
# a later CMD replaces the first one
CMD ["dagster-webserver", "-h", "0.0.0.0"]
CMD ["dagster-webserver", "-h", "127.0.0.1"]

FROM python:3.12-slim AS shell-entrypoint
# a shell-form ENTRYPOINT ignores CMD
ENTRYPOINT exec dagster-webserver -w workspace.yaml
CMD ["-h", "0.0.0.0"]

FROM python:3.12-slim AS other-program
# the host belongs to another command of the shell line
CMD dagster-webserver -w workspace.yaml && python -m http.server -h 0.0.0.0
