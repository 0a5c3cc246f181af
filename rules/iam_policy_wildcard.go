package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// IAMPolicyWildcard reports IAM policies in pipeline repositories that allow everything, a whole
// sensitive service, or passing any role.
var IAMPolicyWildcard = &Rule{
	Meta: Meta{
		ID:         "iam-policy-wildcard",
		Title:      "iam policy grants wildcard permissions",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-269", "CWE-732"},
		References: []string{
			"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
			"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
		},
		Why: "Pipeline workers, task roles and CI users run every DAG, flow or asset with the identity " +
			"policy they are given. An `Allow` of `Action: \"*\"` makes that code an account administrator " +
			"(critical on `Resource: \"*\"`); `iam:*`, `sts:*` and `organizations:*` on `*` are just as " +
			"good (critical); a full wildcard of another sensitive service (`s3:*`, `secretsmanager:*`, " +
			"`kms:*`, `ssm:*`, `lambda:*`, `ec2:*`, ...) on `*` hands over all its data or compute; " +
			"`iam:PassRole` on `*` lets the code give any role, admin ones included, to a service it " +
			"controls; `NotAction` on `*` allows everything but a short list.\n\n" +
			"Deny statements are not judged, nor are resource-based and trust policies (statements with a " +
			"`Principal`, where `Resource: \"*\"` means the resource itself, as in KMS key policies). A " +
			"`Condition` is mentioned in the message but does not silence the finding.\n\n" +
			"The AWS managed policies `AdministratorAccess` and `IAMFullAccess` (critical), " +
			"`PowerUserAccess`, `AmazonS3FullAccess` and `SecretsManagerReadWrite` attached to a role, user " +
			"or group are reported too.\n\n" +
			"Read from standalone JSON policy documents, CloudFormation templates (`ManagedPolicyArns`) and " +
			"Terraform (`jsonencode`, JSON strings and heredocs, `aws_iam_policy_document`; " +
			"`aws_iam_role_policy_attachment`, `aws_iam_user_policy_attachment`, " +
			"`aws_iam_group_policy_attachment`, `managed_policy_arns`). MWAA execution roles are reported by " +
			"`airflow-mwaa-execution-role-wildcard` instead.",
		Remediation: "List the actions the pipeline calls and the ARNs it touches (its bucket prefix, its " +
			"secrets path, its queue). Scope `iam:PassRole` to the role ARNs it hands out, with an " +
			"`iam:PassedToService` condition.",
	},
	JSON: iamPolicyWildcardJSON,
	HCL:  iamPolicyWildcardHCL,
}

func iamPolicyWildcardJSON(pass *Pass, f *jsonx.File) error {
	root := f.Root()
	if root == nil {
		return nil
	}
	roles := jsonMWAARoles(root)
	for _, st := range jsonIAMStatements(root) {
		if inMWAARole(st.Span, roles) {
			continue
		}
		for _, h := range iamStatementHazards(st) {
			pass.Report(Finding{Span: h.Span, Message: h.Message, Severity: h.Severity})
		}
	}
	for _, m := range jsonManagedPolicies(root) {
		if inMWAARole(m.Span, roles) || !m.Value.IsString() {
			continue
		}
		if name, ok := awsAdminPolicyARN(m.Value.Text); ok {
			pass.Report(Finding{Span: m.Value.TextSpan, Severity: managedPolicySeverity(name),
				Message: m.Kind + " `" + sanitizeName(m.Name) + "` has the managed `" + name + "` policy"})
		}
	}
	return nil
}

func iamPolicyWildcardHCL(pass *Pass, f *hcl.File) error {
	m := terraformIAM(pass, f)
	for _, p := range m.Identity {
		if m.MWAARoles[p.Role] && p.Role != "" {
			continue
		}
		for _, st := range hclIAMStatements(p.Policy) {
			for _, h := range iamStatementHazards(st) {
				pass.Report(Finding{Span: h.Span, Message: h.Message, Severity: h.Severity})
			}
		}
	}
	for _, mp := range m.Managed {
		if m.MWAARoles[mp.Role] && mp.Role != "" {
			continue
		}
		if name, ok := awsAdminPolicyARN(mp.ARN); ok {
			pass.Report(Finding{Span: mp.Span, Severity: managedPolicySeverity(name),
				Message: mp.To + " has the managed `" + name + "` policy"})
		}
	}
	return nil
}

// cfnManagedPolicy is one ManagedPolicyArns entry of a CloudFormation role, user or group.
type cfnManagedPolicy struct {
	Kind, Name string // "role", logical id
	Span       source.Span
	Value      *jsonx.Node
}

// jsonManagedPolicies lists the ManagedPolicyArns entries of a CloudFormation template.
func jsonManagedPolicies(root *jsonx.Node) []cfnManagedPolicy {
	var out []cfnManagedPolicy
	res := root.Get("Resources")
	if res == nil || res.Kind != jsonx.Object {
		return nil
	}
	kinds := map[string]string{"AWS::IAM::Role": "role", "AWS::IAM::User": "user", "AWS::IAM::Group": "group"}
	for _, r := range res.Members {
		t := r.Value.Get("Type")
		if !t.IsString() || kinds[t.Text] == "" {
			continue
		}
		for _, arn := range r.Value.Lookup("Properties", "ManagedPolicyArns").List() {
			out = append(out, cfnManagedPolicy{Kind: kinds[t.Text], Name: r.Key, Span: arn.Span, Value: arn})
		}
	}
	return out
}
