# Least-privilege bots with rotating keys.
resource "time_rotating" "ninety_days" {
  rotation_days = 90
}

resource "prefect_service_account" "runner" {
  name               = "runner"
  account_role_name  = "Member"
  api_key_expiration = time_rotating.ninety_days.rotation_rfc3339
}

resource "prefect_service_account" "from_variable" {
  name               = "from-variable"
  account_role_name  = var.account_role
  api_key_expiration = var.key_expiry
}

data "prefect_service_account" "existing" {
  name = "existing-admin-bot"
}

data "prefect_workspace_role" "developer" {
  name = "Developer"
}

data "prefect_workspace_role" "owner" {
  name = "Owner"
}

data "prefect_workspace" "prod" {
  handle = "production"
}

resource "prefect_workspace_access" "runner_developer" {
  accessor_type     = "SERVICE_ACCOUNT"
  accessor_id       = prefect_service_account.runner.id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = data.prefect_workspace_role.developer.id
}

# Owner for a person is out of scope: only bots are judged
data "prefect_account_member" "marvin" {
  email = "marvin@example.com"
}

resource "prefect_workspace_access" "marvin_owner" {
  accessor_type     = "USER"
  accessor_id       = data.prefect_account_member.marvin.user_id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = data.prefect_workspace_role.owner.id
}

# a team of people only
resource "prefect_team" "sre" {
  name = "sre"
}

resource "prefect_team_access" "marvin_in_sre" {
  member_type     = "user"
  member_id       = data.prefect_account_member.marvin.user_id
  member_actor_id = data.prefect_account_member.marvin.actor_id
  team_id         = prefect_team.sre.id
}

resource "prefect_workspace_access" "sre_owner" {
  accessor_type     = "TEAM"
  accessor_id       = prefect_team.sre.id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = data.prefect_workspace_role.owner.id
}

# a custom role with a name of its own
resource "prefect_workspace_role" "deployer" {
  name   = "Deployer"
  scopes = ["see_flows", "manage_deployments"]
}

resource "prefect_workspace_access" "runner_deployer" {
  accessor_type     = "SERVICE_ACCOUNT"
  accessor_id       = prefect_service_account.runner.id
  workspace_id      = data.prefect_workspace.prod.id
  workspace_role_id = prefect_workspace_role.deployer.id
}
