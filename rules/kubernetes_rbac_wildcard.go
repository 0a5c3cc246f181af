package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// KubernetesRBACWildcard reports Kubernetes roles that grant everything, read secrets across the
// cluster, or bind cluster-admin, in manifests and in the Helm templates pipelines deploy with.
var KubernetesRBACWildcard = &Rule{
	Meta: Meta{
		ID:         "kubernetes-rbac-wildcard",
		Title:      "kubernetes role grants wildcard or cluster-admin access",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow", "prefect", "dagster"},
		CWE:        []string{"CWE-269"},
		References: []string{"https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
		Why: "Schedulers, workers and run launchers run user pipeline code with the service account their " +
			"role is bound to. A role with `*` verbs or `*` resources, cluster-wide read access to " +
			"`secrets`, or a binding to `cluster-admin` lets any DAG, flow or asset take over the namespace " +
			"or the whole cluster and read every credential stored in it.\n\n" +
			"Helm templates are read with their `{{ }}` actions blanked, so grants written in a chart's " +
			"templates are checked too; a kind the template chooses (`{{ if .Values.multiNamespaceMode " +
			"}}Cluster{{ end }}Role`) is judged as a namespaced Role.",
		Remediation: "List the verbs and resources the component needs (`pods`: `create`, `get`, `list`, " +
			"`watch`, `delete` for a pod launcher), prefer a namespaced `Role` over a `ClusterRole`, never " +
			"read `secrets` cluster-wide, and bind a dedicated role instead of `cluster-admin`.",
	},
	YAML: kubernetesRBACWildcardYAML,
}

func kubernetesRBACWildcardYAML(pass *Pass, s *yaml.Stream) error {
	for _, doc := range s.Documents() {
		kind, _ := doc.Get("kind").String()
		kind, conditional := untemplatedKind(kind)
		switch kind {
		case "Role", "ClusterRole":
			for _, r := range doc.Get("rules").Items() {
				// a templated kind ({{ if .Values.x }}Cluster{{ end }}Role) may render as either:
				// judge the rules as a namespaced Role's
				rule := rbacRule{ClusterWide: kind == "ClusterRole" && !conditional, Span: r.Span(),
					APIGroups: rbacItems(r.Get("apiGroups")), Resources: rbacItems(r.Get("resources")), Verbs: rbacItems(r.Get("verbs"))}
				for _, h := range rbacRuleHazards(rule) {
					pass.Report(Finding{Span: h.Span, Message: h.Message, Severity: h.Severity})
				}
			}
		case "RoleBinding", "ClusterRoleBinding":
			refKind, _ := doc.Path("roleRef", "kind").String()
			name := doc.Path("roleRef", "name")
			if n, ok := name.String(); ok && isClusterAdminRef(refKind, n) {
				pass.Report(Finding{Span: name.Span(), Severity: Critical,
					Message: strings.ToLower(kind[:1]) + kind[1:] + " binds `cluster-admin` to " + subjects(doc)})
			}
		}
	}
	return nil
}

// untemplatedKind reads a Helm template's kind with its `{{ }}` actions taken out:
// `{{ if .Values.multiNamespaceMode }}Cluster{{ end }}Role` is "ClusterRole", conditional.
func untemplatedKind(kind string) (string, bool) {
	if !strings.Contains(kind, "{{") && !strings.ContainsAny(kind, " \t") {
		return kind, false
	}
	var b strings.Builder
	rest := kind
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			break
		}
		rest = rest[i+j+2:]
	}
	return strings.Join(strings.Fields(b.String()), ""), true
}

func rbacItems(n *yaml.Node) []rbacItem {
	var out []rbacItem
	for _, it := range n.Items() {
		if s, ok := it.String(); ok {
			out = append(out, rbacItem{Text: s, Span: it.Span()})
		}
	}
	return out
}

// subjects names who a binding grants to, for the message.
func subjects(doc *yaml.Node) string {
	var names []string
	for _, s := range doc.Get("subjects").Items() {
		kind, _ := s.Get("kind").String()
		name, _ := s.Get("name").String()
		if strings.Contains(name, "{{") {
			name = "(templated)" // a Helm template's name is not worth quoting
		}
		if name != "" {
			names = append(names, sanitizeName(kind+" "+name))
		}
	}
	if len(names) == 0 {
		return "its subjects"
	}
	return "`" + strings.Join(names, "`, `") + "`"
}
