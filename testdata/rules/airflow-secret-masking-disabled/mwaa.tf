# MWAA sets Airflow options in Terraform.
resource "aws_mwaa_environment" "etl" {
  airflow_configuration_options = {
    "core.hide_sensitive_var_conn_fields" = "false" # want: airflow-secret-masking-disabled
    "core.load_examples"                  = "False"
  }
}

resource "aws_mwaa_environment" "safe" {
  airflow_configuration_options = {
    "core.hide_sensitive_var_conn_fields" = var.hide_sensitive
    "core.sensitive_var_conn_names"       = "pw,dsn"
  }
}
