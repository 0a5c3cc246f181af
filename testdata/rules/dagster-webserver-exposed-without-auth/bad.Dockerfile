# Images that start the Dagster webserver on every interface.
FROM python:3.12-slim AS webserver
RUN pip install dagster dagster-webserver dagster-postgres
ENV DAGSTER_HOME=/opt/dagster/dagster_home/
EXPOSE 3000
# want: dagster-webserver-exposed-without-auth "`dagster-webserver` listens on `0.0.0.0` with no authentication"
CMD ["dagster-webserver", "-h", "0.0.0.0", "-p", "3000", "-w", "workspace.yaml"]

FROM python:3.7-slim AS legacy
RUN pip install dagit dagster-postgres
# want: dagster-webserver-exposed-without-auth@29 "`dagit` listens on `0.0.0.0`"
ENTRYPOINT ["dagit", "-h", "0.0.0.0", "-p", "3000"]

FROM python:3.12-slim AS split
# the arguments come from CMD after an exec-form ENTRYPOINT
ENTRYPOINT ["dagster-webserver"]
# want: dagster-webserver-exposed-without-auth
CMD ["--host", "0.0.0.0", "--port", "3000"]

FROM python:3.12-slim AS shell
CMD /usr/local/bin/dagster-webserver \
    -w workspace.yaml \
# want: dagster-webserver-exposed-without-auth@12 "`/usr/local/bin/dagster-webserver` listens"
    --host=0.0.0.0

FROM python:3.12-slim AS module
# want: dagster-webserver-exposed-without-auth "`-m dagster_webserver` listens"
CMD ["python", "-m", "dagster_webserver", "-h", "0.0.0.0"]

FROM python:3.12-slim AS wrapped
# want: dagster-webserver-exposed-without-auth "`dagster dev` listens on `0.0.0.0`"
CMD ["sh", "-c", "dagster dev -h 0.0.0.0 -p 3000"]
