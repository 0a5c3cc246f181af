# MWAA sets Airflow options in Terraform.
resource "aws_mwaa_environment" "etl" {
  airflow_configuration_options = {
    "api.access_control_allow_origins" = "*" # want: airflow-cors-allow-all-origins
  }
}

resource "aws_mwaa_environment" "portal" {
  airflow_configuration_options = {
    "api.access_control_allow_origins" = "https://portal.example.com"
    "api.access_control_allow_methods" = "*"
  }
}

resource "aws_mwaa_environment" "variable" {
  airflow_configuration_options = {
    "api.access_control_allow_origins" = var.origins
  }
}
