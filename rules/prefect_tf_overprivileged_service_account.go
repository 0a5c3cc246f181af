package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// PrefectTfOverprivilegedServiceAccount reports Prefect Cloud service accounts given account or
// workspace owner rights by Terraform, and service account keys that never expire.
var PrefectTfOverprivilegedServiceAccount = &Rule{
	Meta: Meta{
		ID:         "prefect-tf-overprivileged-service-account",
		Title:      "prefect service account with admin or owner rights",
		Category:   Access,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-269"},
		References: []string{
			"https://registry.terraform.io/providers/PrefectHQ/prefect/latest/docs/resources/service_account",
			"https://registry.terraform.io/providers/PrefectHQ/prefect/latest/docs/resources/workspace_access",
			"https://docs.prefect.io/v3/manage/cloud/manage-users/service-accounts",
		},
		Why: "A Prefect Cloud service account is a bot whose API key sits in CI secrets, worker " +
			"environments and deployment configuration. Whoever obtains the key acts with the account's " +
			"roles. With the `Admin` or `Owner` account role (`account_role_name` of " +
			"`prefect_service_account`) that is every workspace of the account, its members, billing and " +
			"SSO; with the `Owner` workspace role (a `prefect_workspace_access` for a `SERVICE_ACCOUNT`, or " +
			"for a team the account is a member of) it is everything in the workspace, including every " +
			"block's secret values and who may access it.\n\n" +
			"Reported:\n\n" +
			"- `account_role_name = \"Admin\"` or `\"Owner\"` on a `prefect_service_account`;\n" +
			"- a `prefect_workspace_access` that gives the `Owner` workspace role (a `prefect_workspace_role` " +
			"data source named `Owner` in the same file) to a service account, directly or through a " +
			"`prefect_team` that a `prefect_team_access` makes it a member of;\n" +
			"- at low severity, a `prefect_service_account` without `api_key_expiration` (or with it " +
			"`null`): its API key never expires.\n\n" +
			"Roles given through variables or data sources in other files are not resolved.",
		Remediation: "Give bots the `Member` account role and a `Developer`, `Runner` or `Worker`-style " +
			"workspace role, or a custom `prefect_workspace_role` with only the scopes the job needs; set " +
			"`api_key_expiration` from a `time_rotating` resource so keys rotate.",
	},
	HCL: prefectTFOverprivilegedServiceAccountHCL,
}

// prefectPrivilegedAccountRoles are the account roles above Member (lower-case).
var prefectPrivilegedAccountRoles = map[string]bool{"admin": true, "owner": true}

func prefectTFOverprivilegedServiceAccountHCL(pass *Pass, f *hcl.File) error {
	var accounts, accesses, teamMembers []*hcl.Block
	ownerRoles := map[string]bool{} // "data.prefect_workspace_role.<name>" of the Owner role
	for _, b := range f.Blocks() {
		if len(b.Labels) != 2 {
			continue
		}
		switch b.Type + " " + b.Labels[0] {
		case "resource prefect_service_account":
			accounts = append(accounts, b)
		case "resource prefect_workspace_access":
			accesses = append(accesses, b)
		case "resource prefect_team_access":
			teamMembers = append(teamMembers, b)
		case "data prefect_workspace_role":
			if name, ok := hclLiteral(b, "name"); ok && strings.EqualFold(name, "owner") {
				ownerRoles["data.prefect_workspace_role."+b.Labels[1]] = true
			}
		}
	}
	for _, b := range accounts {
		prefectTFAccountRole(pass, b)
	}
	// teams that have a service account among their members
	botTeams := map[string]bool{}
	for _, b := range teamMembers {
		if t, ok := hclLiteral(b, "member_type"); ok && strings.EqualFold(t, "service_account") {
			if team := hclRef(b, "team_id"); team != "" {
				botTeams[strings.TrimSuffix(team, ".id")] = true
			}
		}
	}
	for _, b := range accesses {
		role := b.Attribute("workspace_role_id")
		if role == nil || !ownerRoles[strings.TrimSuffix(hclRef(b, "workspace_role_id"), ".id")] {
			continue
		}
		accessor := strings.TrimSuffix(hclRef(b, "accessor_id"), ".id")
		kind, _ := hclLiteral(b, "accessor_type")
		switch {
		case strings.EqualFold(kind, "service_account") || strings.HasPrefix(accessor, "prefect_service_account."):
			pass.Reportf(role.Span, "workspace access gives a service account the `Owner` workspace role")
		case (strings.EqualFold(kind, "team") || kind == "") && botTeams[accessor]:
			pass.Reportf(role.Span, "workspace access gives team `%s`, which has a service account member, the `Owner` workspace role",
				sanitizeName(strings.TrimPrefix(accessor, "prefect_team.")))
		}
	}
	return nil
}

// prefectTFAccountRole judges one prefect_service_account: its account role and key expiry.
func prefectTFAccountRole(pass *Pass, b *hcl.Block) {
	if role := b.Attribute("account_role_name"); role != nil {
		if v := role.Value(); v.Kind == value.Literal && prefectPrivilegedAccountRoles[strings.ToLower(strings.TrimSpace(v.Text))] {
			pass.Reportf(role.Span, "service account `%s` gets the `%s` account role: its API key controls the whole account",
				sanitizeName(b.Labels[1]), sanitizeName(strings.TrimSpace(v.Text)))
		}
	}
	exp := b.Attribute("api_key_expiration")
	at, what := b.Header(), "has no `api_key_expiration`"
	if exp != nil {
		if v := exp.Value(); v.Kind != value.Literal || strings.TrimSpace(v.Text) != "" {
			return // an expiry date or a rotation resource
		}
		at, what = exp.Span, "sets `api_key_expiration` to null"
	}
	pass.Report(Finding{Span: at, Severity: Low,
		Message: "service account `" + sanitizeName(b.Labels[1]) + "` " + what + ": its API key never expires"})
}

// hclLiteral returns a block attribute's literal string value.
func hclLiteral(b *hcl.Block, name string) (string, bool) {
	a := b.Attribute(name)
	if a == nil {
		return "", false
	}
	v := a.Value()
	return strings.TrimSpace(v.Text), v.Kind == value.Literal
}

// hclRef returns the reference an attribute's expression makes (`prefect_team.ops.id`), or "".
func hclRef(b *hcl.Block, name string) string {
	a := b.Attribute(name)
	if a == nil {
		return ""
	}
	if v := a.Value(); v.Kind == value.Expr {
		return strings.TrimSpace(v.Ref)
	}
	return ""
}
