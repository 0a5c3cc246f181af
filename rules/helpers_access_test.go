package rules

import (
	"strings"
	"testing"
)

// The RBAC helpers wait for the YAML front-end; these tests pin their judgement until hooks use them.
func TestRBACRuleHazards(t *testing.T) {
	items := func(ss ...string) []rbacItem {
		var out []rbacItem
		for _, s := range ss {
			out = append(out, rbacItem{Text: s})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		rule rbacRule
		want []string // message substrings, in order
	}{
		{"star on star, cluster", rbacRule{ClusterWide: true, APIGroups: items("*"), Resources: items("*"), Verbs: items("*")},
			[]string{"cluster role grants `*` verbs on `*` resources"}},
		{"star verbs", rbacRule{Resources: items("pods", "pods/log"), Verbs: items("*")},
			[]string{"role grants `*` verbs on `pods`, `pods/log`"}},
		{"star resources", rbacRule{Resources: items("*"), Verbs: items("get", "list")},
			[]string{"role grants `get`, `list` on `*` resources"}},
		{"cluster-wide secrets read", rbacRule{ClusterWide: true, Resources: items("secrets"), Verbs: items("get", "list")},
			[]string{"cluster role can read `secrets` in every namespace"}},
		{"namespaced secrets read", rbacRule{Resources: items("secrets"), Verbs: items("get")}, nil},
		{"scoped", rbacRule{ClusterWide: true, Resources: items("pods"), Verbs: items("get", "list", "watch")}, nil},
		{"secrets create only", rbacRule{ClusterWide: true, Resources: items("secrets"), Verbs: items("create")}, nil},
	} {
		got := rbacRuleHazards(tc.rule)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d hazards %v, want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(got[i].Message, w) {
				t.Errorf("%s: message %q, want it to contain %q", tc.name, got[i].Message, w)
			}
		}
	}
	if !isClusterAdminRef("ClusterRole", "cluster-admin") || isClusterAdminRef("Role", "cluster-admin") || isClusterAdminRef("ClusterRole", "view") {
		t.Error("isClusterAdminRef")
	}
}

func TestIAMStatementHazards(t *testing.T) {
	lit := func(ss ...string) []iamItem {
		var out []iamItem
		for _, s := range ss {
			out = append(out, iamItem{Text: s, Literal: true})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		st   iamStatement
		want []Severity
	}{
		{"admin", iamStatement{Effect: "Allow", Actions: lit("*"), Resources: lit("*")}, []Severity{Critical}},
		{"effect defaults to allow", iamStatement{Actions: lit("iam:*"), Resources: lit("*")}, []Severity{Critical}},
		{"deny", iamStatement{Effect: "Deny", Actions: lit("*"), Resources: lit("*")}, nil},
		{"key policy", iamStatement{Effect: "Allow", Actions: lit("kms:*"), Resources: lit("*"), HasPrincipal: true}, nil},
		{"scoped service wildcard", iamStatement{Effect: "Allow", Actions: lit("s3:*"), Resources: lit("arn:aws:s3:::b/*")}, nil},
		{"service wildcard", iamStatement{Effect: "Allow", Actions: lit("s3:*", "logs:*"), Resources: lit("*")}, []Severity{High}},
		{"passrole", iamStatement{Effect: "Allow", Actions: lit("iam:PassRole"), Resources: lit("*")}, []Severity{High}},
		{"passrole scoped", iamStatement{Effect: "Allow", Actions: lit("iam:PassRole"), Resources: lit("arn:aws:iam::1:role/x")}, nil},
		{"template", iamStatement{Effect: "Allow", Actions: []iamItem{{Text: "*"}}, Resources: lit("*")}, nil},
		{"notaction", iamStatement{Effect: "Allow", NotAction: true, Actions: lit("iam:*"), Resources: lit("*")}, []Severity{High}},
		{"notresource", iamStatement{Effect: "Allow", Actions: lit("secretsmanager:*"), NotResource: true, Resources: lit("arn:x")}, []Severity{High}},
	} {
		got := iamStatementHazards(tc.st)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %d hazards", tc.name, got, len(tc.want))
			continue
		}
		for i := range got {
			if got[i].Severity != tc.want[i] {
				t.Errorf("%s: severity %v, want %v", tc.name, got[i].Severity, tc.want[i])
			}
		}
	}
}

func TestSensitiveHostPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/": true, "/var/run/docker.sock": true, "/run/containerd/containerd.sock": true, "/var/lib/kubelet/pods": true,
		"/etc": true, "/proc/1/root": true, "/etc/kubernetes/admin.conf": true, "//": true,
		"/data": false, "/mnt/scratch": false, "/var/log": false, "/tmp": false, "cache": false, "/etc/ssl/certs": false,
	} {
		if got := sensitiveHostPath(p); got != want {
			t.Errorf("sensitiveHostPath(%q) = %v, want %v", p, got, want)
		}
	}
}
