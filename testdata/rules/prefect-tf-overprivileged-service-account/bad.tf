# Service accounts with account-wide or workspace-owner rights.
resource "time_rotating" "ninety_days" {
  rotation_days = 90
}

resource "prefect_service_account" "ci" {
  name               = "ci"
  account_role_name  = "Admin" # want: prefect-tf-overprivileged-service-account "`ci` gets the `Admin` account role"
  api_key_expiration = time_rotating.ninety_days.rotation_rfc3339
}

resource "prefect_service_account" "deployer" {
  name               = "deployer"
  account_role_name  = "Owner" # want: prefect-tf-overprivileged-service-account "`Owner` account role"
  api_key_expiration = "2027-01-01T00:00:00Z"
}

data "prefect_workspace_role" "owner" {
  name = "Owner"
}

data "prefect_workspace" "prod" {
  handle = "production"
}

resource "prefect_workspace_access" "ci_owner" {
  accessor_type     = "SERVICE_ACCOUNT"
  accessor_id       = prefect_service_account.ci.id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = data.prefect_workspace_role.owner.id # want: prefect-tf-overprivileged-service-account "gives a service account the `Owner` workspace role"
}

# through a team the bot belongs to
resource "prefect_team" "platform" {
  name = "platform"
}

resource "prefect_team_access" "deployer_in_platform" {
  member_type     = "service_account"
  member_id       = prefect_service_account.deployer.id
  member_actor_id = prefect_service_account.deployer.actor_id
  team_id         = prefect_team.platform.id
}

resource "prefect_workspace_access" "platform_owner" {
  accessor_type     = "TEAM"
  accessor_id       = prefect_team.platform.id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = data.prefect_workspace_role.owner.id # want: prefect-tf-overprivileged-service-account "team `platform`, which has a service account member"
}
