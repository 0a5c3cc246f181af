package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
)

// AirflowMWAAExecutionRoleWildcard reports MWAA execution roles with wildcard or admin permissions.
var AirflowMWAAExecutionRoleWildcard = &Rule{
	Meta: Meta{
		ID:         "airflow-mwaa-execution-role-wildcard",
		Title:      "mwaa execution role has wildcard permissions",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-269", "CWE-732"},
		References: []string{
			"https://docs.aws.amazon.com/mwaa/latest/userguide/mwaa-create-role.html",
			"https://docs.aws.amazon.com/mwaa/latest/userguide/access-policies.html",
		},
		Why: "Every task of every DAG in an Amazon MWAA environment runs with the environment's execution " +
			"role, so every DAG author inherits it. A role trusted by `airflow.amazonaws.com` / " +
			"`airflow-env.amazonaws.com` with `Action: \"*\"`, a full wildcard of a sensitive service on " +
			"`*`, `iam:PassRole` on `*`, or the managed `AdministratorAccess`, `PowerUserAccess`, " +
			"`IAMFullAccess`, `AmazonS3FullAccess` or `SecretsManagerReadWrite` policies turns a DAG change " +
			"into an account takeover.\n\n" +
			"Read from CloudFormation JSON templates and Terraform: an `aws_iam_role` whose " +
			"`assume_role_policy` trusts MWAA or that an `aws_mwaa_environment`'s `execution_role_arn` " +
			"names, with its `inline_policy` blocks, `aws_iam_role_policy` resources, attached " +
			"`aws_iam_policy` documents and managed policies (`aws_iam_role_policy_attachment`, " +
			"`managed_policy_arns`), resolved through references in the same file.",
		Remediation: "Scope the role to the environment's bucket prefix, its log groups, its SQS queue and " +
			"`secretsmanager:GetSecretValue` on `arn:…:secret:airflow/connections/*`, as in the MWAA " +
			"execution role guide.",
	},
	JSON: airflowMWAAExecutionRoleWildcardJSON,
	HCL:  airflowMWAAExecutionRoleWildcardHCL,
}

func airflowMWAAExecutionRoleWildcardHCL(pass *Pass, f *hcl.File) error {
	m := terraformIAM(pass, f)
	if len(m.MWAARoles) == 0 {
		return nil // fast path
	}
	for _, p := range m.Identity {
		if p.Role == "" || !m.MWAARoles[p.Role] {
			continue
		}
		for _, st := range hclIAMStatements(p.Policy) {
			for _, h := range iamStatementHazards(st) {
				pass.Report(Finding{Span: h.Span, Message: "MWAA execution role: " + h.Message, Severity: h.Severity})
			}
		}
	}
	for _, mp := range m.Managed {
		if mp.Role == "" || !m.MWAARoles[mp.Role] {
			continue
		}
		if name, ok := awsAdminPolicyARN(mp.ARN); ok {
			pass.Report(Finding{Span: mp.Span, Message: "MWAA execution role has the managed `" + name + "` policy: every DAG task gets it"})
		}
	}
	return nil
}

func airflowMWAAExecutionRoleWildcardJSON(pass *Pass, f *jsonx.File) error {
	roles := jsonMWAARoles(f.Root())
	if len(roles) == 0 {
		return nil // fast path
	}
	for _, st := range jsonIAMStatements(f.Root()) {
		if !inMWAARole(st.Span, roles) {
			continue
		}
		for _, h := range iamStatementHazards(st) {
			pass.Report(Finding{Span: h.Span, Message: "MWAA execution role: " + h.Message, Severity: h.Severity})
		}
	}
	for _, r := range roles {
		for _, arn := range r.ManagedARNs {
			if !arn.IsString() {
				continue
			}
			if name, ok := awsAdminPolicyARN(arn.Text); ok {
				pass.Report(Finding{Span: arn.TextSpan, Message: "MWAA execution role has the managed `" + name + "` policy: every DAG task gets it"})
			}
		}
	}
	return nil
}
