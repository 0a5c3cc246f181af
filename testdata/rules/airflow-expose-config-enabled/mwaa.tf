# MWAA sets Airflow options in Terraform.
resource "aws_mwaa_environment" "etl" {
  airflow_configuration_options = {
    "webserver.expose_config" = "True" # want: airflow-expose-config-enabled
    "core.load_examples"      = var.load_examples
  }
}

resource "aws_mwaa_environment" "safe" {
  airflow_configuration_options = {
    "webserver.expose_config" = var.expose_config
  }
}
