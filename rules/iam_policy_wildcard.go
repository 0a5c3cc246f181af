package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
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
			"`Condition` is mentioned in the message but does not silence the finding. Read from standalone " +
			"JSON policy documents and CloudFormation templates; MWAA execution roles are reported by " +
			"`airflow-mwaa-execution-role-wildcard` instead.",
		Remediation: "List the actions the pipeline calls and the ARNs it touches (its bucket prefix, its " +
			"secrets path, its queue). Scope `iam:PassRole` to the role ARNs it hands out, with an " +
			"`iam:PassedToService` condition.",
	},
	JSON: iamPolicyWildcardJSON,
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
	return nil
}
