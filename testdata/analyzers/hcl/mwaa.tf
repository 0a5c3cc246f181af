# An MWAA environment with its Airflow options inline.
resource "aws_mwaa_environment" "etl" {
  name                  = "etl"
  webserver_access_mode = "PUBLIC_ONLY" // reachable from the internet
  execution_role_arn    = aws_iam_role.mwaa.arn

  airflow_configuration_options = {
    "core.fernet_key"          = "not-a-real-fernet-key"
    "webserver.expose_config"  = "True"
    "core.load_examples"       = var.load_examples
  }

  logging_configuration {
    dag_processing_logs {
      enabled = true
    }
  }
}
