# MWAA environments in Terraform: the UI and REST API on the internet, or kept in the VPC.
resource "aws_mwaa_environment" "etl" {
  name                  = "etl"
  webserver_access_mode = "PUBLIC_ONLY" # want: airflow-mwaa-public-webserver
  execution_role_arn    = aws_iam_role.mwaa.arn
}

resource "aws_mwaa_environment" "private" {
  name                  = "private"
  webserver_access_mode = "PRIVATE_ONLY"
}

resource "aws_mwaa_environment" "default_mode" {
  name = "default-mode" # no webserver_access_mode: PRIVATE_ONLY is the default
}

resource "aws_mwaa_environment" "chosen_by_caller" {
  name                  = "chosen"
  webserver_access_mode = var.webserver_access_mode
}

module "mwaa" {
  source                = "aws-ia/mwaa/aws"
  name                  = "analytics"
  webserver_access_mode = "public_only" # want: airflow-mwaa-public-webserver
}

module "mwaa_private" {
  source                = "aws-ia/mwaa/aws"
  webserver_access_mode = "PRIVATE_ONLY"
}

# Another resource with an attribute of the same name is not an MWAA environment.
resource "some_other_thing" "x" {
  webserver_access_mode = "PUBLIC_ONLY"
}

variable "webserver_access_mode" {
  default = "PUBLIC_ONLY" # a variable's default: reported where an environment uses a literal
}
