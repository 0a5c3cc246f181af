package rules

// The Terraform side of the IAM rules (iam-policy-wildcard, airflow-mwaa-execution-role-wildcard):
// which policy documents of a file belong to which aws_iam_role, which roles an MWAA environment
// runs as, and which AWS managed policies are attached, resolved through the references written
// in the same file (aws_iam_role.x.name, data.aws_iam_policy_document.y.json, aws_iam_policy.z.arn).

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// tfIAM is what a Terraform file says about IAM.
type tfIAM struct {
	// Identity lists the identity policies (not trust policies) with the role they are attached
	// to ("" when the file does not attach them to a role).
	Identity []tfPolicy
	// Managed lists AWS managed policies attached to roles, users or groups.
	Managed []tfManaged
	// MWAARoles are the labels of aws_iam_role resources an MWAA environment runs as.
	MWAARoles map[string]bool
}

type tfPolicy struct {
	Policy *hcl.Policy
	Role   string
}

type tfManaged struct {
	ARN  string
	Span source.Span
	Role string // the aws_iam_role label, "" for users, groups and roles defined elsewhere
	To   string // who it is attached to, for messages: "role `x`", "user `y`"
}

var mwaaServicePrincipals = map[string]bool{"airflow.amazonaws.com": true, "airflow-env.amazonaws.com": true}

// terraformIAM builds the model once per file.
func terraformIAM(pass *Pass, f *hcl.File) *tfIAM {
	return pass.Memo("tf.iam", func() any { return buildTerraformIAM(f) }).(*tfIAM)
}

func buildTerraformIAM(f *hcl.File) *tfIAM {
	m := &tfIAM{MWAARoles: map[string]bool{}}
	byPath := map[string]*hcl.Policy{} // "resource aws_iam_policy x policy", "data aws_iam_policy_document y"
	for _, p := range f.Policies() {
		byPath[strings.Join(p.Path, " ")] = p
	}
	// a policy attribute is either a document written in place or a reference to a data source
	policyOf := func(blockPath []string, b *hcl.Block, attr string) *hcl.Policy {
		if p := byPath[strings.Join(append(append([]string(nil), blockPath...), attr), " ")]; p != nil {
			return p
		}
		if name, ok := tfRefLabel(tfAttrRef(b, attr), "data.aws_iam_policy_document"); ok {
			return byPath["data aws_iam_policy_document "+name]
		}
		return nil
	}
	owner := map[*hcl.Policy]string{}
	trust := map[*hcl.Policy]bool{}
	managedPolicies := map[string]string{} // aws_iam_policy label -> its document's path key
	attach := func(p *hcl.Policy, role string) {
		if p != nil && !trust[p] {
			if _, seen := owner[p]; !seen || owner[p] == "" {
				owner[p] = role
			}
		}
	}
	blocks := f.Blocks()
	for _, b := range blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		self := []string{"resource", b.Labels[0], b.Labels[1]}
		switch b.Labels[0] {
		case "aws_iam_role":
			if tp := policyOf(self, b, "assume_role_policy"); tp != nil {
				trust[tp] = true
				if trustsPrincipal(tp, mwaaServicePrincipals) {
					m.MWAARoles[b.Labels[1]] = true
				}
			}
		case "aws_mwaa_environment":
			if role, ok := tfRefLabel(tfAttrRef(b, "execution_role_arn"), "aws_iam_role"); ok {
				m.MWAARoles[role] = true
			}
		case "aws_iam_policy":
			managedPolicies[b.Labels[1]] = strings.Join(append(self, "policy"), " ")
		}
	}
	for _, b := range blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		self := []string{"resource", b.Labels[0], b.Labels[1]}
		role, _ := tfRefLabel(tfAttrRef(b, "role"), "aws_iam_role")
		switch b.Labels[0] {
		case "aws_iam_role":
			for _, ip := range b.Blocks("inline_policy") {
				attach(policyOf(append(self, "inline_policy"), ip, "policy"), b.Labels[1])
			}
			for _, e := range tfListEntries(f, append(self, "managed_policy_arns")) {
				m.Managed = append(m.Managed, tfManaged{ARN: e.Text, Span: e.Span, Role: b.Labels[1], To: "role `" + sanitizeName(b.Labels[1]) + "`"})
			}
		case "aws_iam_role_policy":
			attach(policyOf(self, b, "policy"), role)
		case "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment":
			arn := b.Attribute("policy_arn")
			if arn == nil {
				continue
			}
			if name, ok := tfRefLabel(tfAttrRef(b, "policy_arn"), "aws_iam_policy"); ok {
				if b.Labels[0] == "aws_iam_role_policy_attachment" {
					attach(byPath[managedPolicies[name]], role)
					if r, ok := tfRefLabel(tfAttrRef(byLabel(blocks, "aws_iam_policy", name), "policy"), "data.aws_iam_policy_document"); ok {
						attach(byPath["data aws_iam_policy_document "+r], role)
					}
				}
				continue
			}
			if v := arn.Value(); v.Kind == value.Literal {
				m.Managed = append(m.Managed, tfManaged{ARN: v.Text, Span: v.Span, Role: role, To: attachedTo(b)})
			}
		}
	}
	for _, p := range f.Policies() {
		if trust[p] {
			continue
		}
		m.Identity = append(m.Identity, tfPolicy{Policy: p, Role: owner[p]})
	}
	return m
}

// attachedTo names the principal of a policy attachment for a message.
func attachedTo(b *hcl.Block) string {
	for _, k := range []struct{ attr, prefix, kind string }{{"role", "aws_iam_role", "role"}, {"user", "aws_iam_user", "user"}, {"group", "aws_iam_group", "group"}} {
		if a := b.Attribute(k.attr); a != nil {
			if name, ok := tfRefLabel(tfAttrRef(b, k.attr), k.prefix); ok {
				return k.kind + " `" + sanitizeName(name) + "`"
			}
			if v := a.Value(); v.Kind == value.Literal {
				return k.kind + " `" + sanitizeName(v.Text) + "`"
			}
			return "a " + k.kind
		}
	}
	return "a principal"
}

func byLabel(blocks []*hcl.Block, typ, name string) *hcl.Block {
	for _, b := range blocks {
		if b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == typ && b.Labels[1] == name {
			return b
		}
	}
	return nil
}

// tfAttrRef returns the reference an attribute's expression makes (`aws_iam_role.mwaa.name`), or "".
func tfAttrRef(b *hcl.Block, name string) string {
	if b == nil {
		return ""
	}
	a := b.Attribute(name)
	if a == nil {
		return ""
	}
	if v := a.Value(); v.Kind == value.Expr {
		return strings.TrimSpace(v.Ref)
	}
	return ""
}

// tfRefLabel reads the label out of a reference to a resource or data source of the given
// prefix: ("aws_iam_role.mwaa.arn", "aws_iam_role") is "mwaa".
func tfRefLabel(ref, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, prefix+".")
	if !ok {
		return "", false
	}
	label, _, _ := strings.Cut(rest, ".")
	label, _, _ = strings.Cut(label, "[")
	return label, label != ""
}

// tfListEntries returns the literal strings of a list attribute at path (or the attribute itself
// when it is a single string).
func tfListEntries(f *hcl.File, path []string) []value.Value {
	var out []value.Value
	for _, e := range f.Entries() {
		if len(e.Path) < len(path) || strings.Join(e.Path[:len(path)], " ") != strings.Join(path, " ") {
			continue
		}
		if len(e.Path) > len(path)+1 || e.Value.Kind != value.Literal {
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

// trustsPrincipal reports whether a trust policy allows one of the service principals.
func trustsPrincipal(p *hcl.Policy, services map[string]bool) bool {
	for _, st := range p.Statements {
		for _, pr := range st.Principals {
			if pr.Type != "Service" {
				continue
			}
			for _, v := range pr.Values {
				if services[v.Text] {
					return true
				}
			}
		}
	}
	return false
}

// hclIAMStatements converts a Terraform policy's statements for iamStatementHazards.
func hclIAMStatements(p *hcl.Policy) []iamStatement {
	items := func(xs []hcl.StringAt) []iamItem {
		out := make([]iamItem, 0, len(xs))
		for _, x := range xs {
			lit := x.Known && value.ClassifyString(x.Text, x.Span).Kind == value.Literal
			out = append(out, iamItem{Text: x.Text, Span: x.Span, Literal: lit})
		}
		return out
	}
	var out []iamStatement
	for _, s := range p.Statements {
		st := iamStatement{Effect: s.Effect.Text, Span: s.Span, HasCondition: s.HasCondition,
			HasPrincipal: len(s.Principals) > 0 || len(s.NotPrincipals) > 0}
		if !s.Effect.Known && s.Effect.Text != "" {
			continue // a computed effect is never judged
		}
		if len(s.Actions) > 0 {
			st.Actions = items(s.Actions)
		} else {
			st.Actions, st.NotAction = items(s.NotActions), len(s.NotActions) > 0
		}
		if len(s.Resources) > 0 {
			st.Resources = items(s.Resources)
		} else {
			st.Resources, st.NotResource = items(s.NotResources), len(s.NotResources) > 0
		}
		out = append(out, st)
	}
	return out
}

// managedPolicySeverity is how bad attaching an AWS managed policy is.
func managedPolicySeverity(name string) Severity {
	if name == "AdministratorAccess" || name == "IAMFullAccess" {
		return Critical
	}
	return High
}
