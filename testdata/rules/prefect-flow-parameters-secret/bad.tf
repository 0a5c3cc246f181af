resource "prefect_deployment" "etl" {
  name    = "etl-prod"
  flow_id = prefect_flow.etl.id
  parameters = jsonencode({
    "db_host" : "db.internal",
    "db_password" : "Fixture2024!", # want: prefect-flow-parameters-secret
    warehouse = {
      api_token = "fixture-token-123x" # want: prefect-flow-parameters-secret
    }
  })
}
