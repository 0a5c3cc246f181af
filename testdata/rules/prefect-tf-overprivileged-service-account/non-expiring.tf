# Keys that never expire (low severity).
# want: prefect-tf-overprivileged-service-account "`worker` has no `api_key_expiration`"
resource "prefect_service_account" "worker" {
  name = "worker"
}

resource "prefect_service_account" "forever" {
  name               = "forever"
  api_key_expiration = null # want: prefect-tf-overprivileged-service-account "sets `api_key_expiration` to null: its API key never expires"
  api_key_keepers = {
    rotation = "2026-q4"
  }
}
