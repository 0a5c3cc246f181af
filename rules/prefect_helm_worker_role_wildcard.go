package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// PrefectHelmWorkerRoleWildcard reports prefect-worker Helm values that widen the worker's
// Kubernetes Role to wildcards or to reading secrets.
var PrefectHelmWorkerRoleWildcard = &Rule{
	Meta: Meta{
		ID:         "prefect-helm-worker-role-wildcard",
		Title:      "prefect worker helm role grants wildcard or secret access",
		Category:   Access,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"prefect"},
		CWE:        []string{"CWE-269"},
		References: []string{
			"https://github.com/PrefectHQ/prefect-helm/blob/main/charts/prefect-worker/values.yaml",
			"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
		},
		Why: "The prefect-worker chart renders `role.extraPermissions` into the worker's Role as written. " +
			"The worker holds a Prefect API key and creates the flow-run Jobs; a rule with `*` verbs, `*` " +
			"resources or `*` API groups, or with read access to `secrets`, lets whoever controls the " +
			"worker (or a flow run that reaches its service account token) take over the namespace and " +
			"read every credential in it.\n\n" +
			"`worker.cloudApiConfig.jobApiKeyPropagation: autoSecret` (and the same under " +
			"`customerManagedCloudApiConfig`) makes the chart add `get`, `list`, `create`, `update` and " +
			"`delete` on `secrets` to the Role; that is reported at low severity, as the price of keeping " +
			"the API key out of the pod spec.\n\n" +
			"Rendered Role manifests and chart templates are judged by `kubernetes-rbac-wildcard`; this " +
			"rule reads the values that feed them.",
		Remediation: "List only what flow jobs need in `role.extraPermissions` (named resources and verbs, " +
			"no `*`), keep `secrets` out of it, and give secret access to a dedicated, narrower Role if a " +
			"flow really needs it.",
	},
	YAML: prefectHelmWorkerRoleWildcardYAML,
}

func prefectHelmWorkerRoleWildcardYAML(pass *Pass, s *yaml.Stream) error {
	if s.Kind() != yaml.PrefectHelm {
		return nil
	}
	for _, d := range s.Documents() {
		if on, ok := d.Path("role", "create").Bool(); ok && !on {
			continue // the chart creates no Role
		}
		for _, r := range d.Path("role", "extraPermissions").Items() {
			rule := rbacRule{Span: r.Span(), APIGroups: rbacItems(r.Get("apiGroups")),
				Resources: rbacItems(r.Get("resources")), Verbs: rbacItems(r.Get("verbs"))}
			hs := rbacRuleHazards(rule)
			if g := rbacFind(rule.APIGroups, "*"); g != nil && len(hs) == 0 {
				hs = append(hs, rbacHazard{g.Span, "worker role grants " + rbacNames(rule.Verbs) + " on " +
					rbacNames(rule.Resources) + " in every API group (`*`)", Medium})
			}
			if sec := rbacFind(rule.Resources, "secrets"); sec != nil && rbacFind(rule.Resources, "*") == nil &&
				rbacFind(rule.Verbs, "get", "list", "watch", "*") != nil {
				hs = append(hs, rbacHazard{sec.Span, "worker role can read `secrets` in its namespace", Medium})
			}
			for _, h := range hs {
				pass.Report(Finding{Span: h.Span, Severity: h.Severity,
					Message: strings.Replace(h.Message, "role grants", "worker role grants", 1)})
			}
		}
		for _, api := range []string{"cloudApiConfig", "customerManagedCloudApiConfig"} {
			p := d.Path("worker", api, "jobApiKeyPropagation")
			if v, _ := p.String(); v == "autoSecret" && workerUses(d, api) {
				pass.Report(Finding{Span: p.Span(), Severity: Low,
					Message: "`jobApiKeyPropagation: autoSecret` adds `get`, `list`, `create`, `update`, `delete` on `secrets` to the worker role"})
			}
		}
	}
	return nil
}

// workerUses reports whether worker.apiConfig selects the API config block (the chart's default
// is cloud).
func workerUses(d *yaml.Node, block string) bool {
	cfg, ok := d.Path("worker", "apiConfig").String()
	if !ok || cfg == "" {
		cfg = "cloud"
	}
	return cfg+"ApiConfig" == block
}

// rbacFind returns the first item equal to one of want (case-insensitive), or nil.
func rbacFind(items []rbacItem, want ...string) *rbacItem {
	for i := range items {
		for _, w := range want {
			if strings.EqualFold(strings.TrimSpace(items[i].Text), w) {
				return &items[i]
			}
		}
	}
	return nil
}

// rbacNames lists items for a message.
func rbacNames(items []rbacItem) string {
	if len(items) == 0 {
		return "nothing"
	}
	var s []string
	for _, it := range items {
		s = append(s, sanitizeName(it.Text))
	}
	return "`" + strings.Join(s, "`, `") + "`"
}
