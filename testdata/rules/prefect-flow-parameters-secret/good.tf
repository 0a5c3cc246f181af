resource "prefect_deployment" "etl" {
  name    = "etl-prod"
  flow_id = prefect_flow.etl.id
  parameters = jsonencode({
    "db_host" : "db.internal",
    "creds_block" : "prod-db",
    "db_password" : var.db_password,
    "api_token" : "{{ prefect.blocks.secret.api-token }}",
    "token_count" : 3
  })
  parameter_openapi_schema = jsonencode({
    "properties" : { "db_password" : { "type" : "string", "format" : "password" } }
  })
}

# not a deployment: other resources' parameters are someone else's
resource "aws_ssm_document" "d" {
  parameters = jsonencode({ password = "NotPrefect2024!" })
}
