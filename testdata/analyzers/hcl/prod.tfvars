# Production variables, with a password committed by mistake.
name           = "airflow-prod"
db_password    = "Pr0d-Passw0rd!"
min_workers    = 2
public_access  = true
airflow_config = {
  "webserver.expose_config" = "True"
}
