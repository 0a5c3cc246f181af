provider "prefect" {
  api_key = var.prefect_api_key
}
