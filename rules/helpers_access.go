package rules

// Helpers shared by the access rules. The policy judgements (IAM statements, Kubernetes RBAC
// rules, privileged pod and container settings) work on small format-neutral structs, so the same
// logic serves JSON today and YAML and HCL as soon as their front-ends land: a hook only has to
// fill the struct from its own tree.

import (
	"path"
	"strconv"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// ---------------------------------------------------------------------------------------------
// Configuration values

// configBool reads a literal boolean as Airflow's getboolean and pydantic read it. ok is false for
// anything that is not a literal boolean (env references, templates, other words).
func configBool(v value.Value) (b, ok bool) {
	if v.Kind != value.Literal {
		return false, false
	}
	t := strings.ToLower(strings.TrimSpace(v.Text))
	if i := strings.IndexByte(t, '#'); i >= 0 { // Airflow strips an inline comment from booleans
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "t", "true", "1", "yes", "y", "on":
		return true, true
	case "f", "false", "0", "no", "n", "off":
		return false, true
	}
	return false, false
}

func configTrue(v value.Value) bool  { b, ok := configBool(v); return ok && b }
func configFalse(v value.Value) bool { b, ok := configBool(v); return ok && !b }

// settingSpan is where a finding on a configuration setting points: the key through the value
// when both are on one line, else the key.
func settingSpan(key source.Span, v value.Value) source.Span {
	if !v.Span.IsZero() && v.Span.Start.Line == key.Start.Line && v.Span.End.Offset >= key.End.Offset {
		return key.To(v.Span)
	}
	return key
}

// airflowSettingsHook adapts a check over the Airflow settings of one document to the hook of any
// configuration format (airflow.cfg, dotenv, JSON such as MWAA options, TOML), so a config rule is
// written once for every spelling of its option.
func airflowSettingsHook[D source.Document](check func(*Pass, []airflow.Setting)) func(*Pass, D) error {
	return func(p *Pass, d D) error {
		if s := airflowSettings(p, d); len(s) > 0 {
			check(p, s)
		}
		return nil
	}
}

// lastSetting returns the setting for [section] key that takes effect in a document (the last).
func lastSetting(settings []airflow.Setting, section, key string) (airflow.Setting, bool) {
	for i := len(settings) - 1; i >= 0; i-- {
		if settings[i].Is(section, key) && settings[i].Via == airflow.Direct {
			return settings[i], true
		}
	}
	return airflow.Setting{}, false
}

// ---------------------------------------------------------------------------------------------
// webserver_config.py

// moduleConstant returns the last module-level assignment of name in a Python module.
func moduleConstant(m *python.Module, name string) *python.Assignment {
	var last *python.Assignment
	for _, a := range m.Assignments() {
		if a.ModuleLevel && a.Target == name && a.Op == "=" {
			last = a
		}
	}
	return last
}

// isFlaskAppBuilderConfig reports whether a Python module is an Airflow/FAB webserver config:
// webserver_config.py by name, or a module importing Flask-AppBuilder or Airflow. Generic Flask
// settings (WTF_CSRF_ENABLED in a test config) are not Airflow's.
func isFlaskAppBuilderConfig(m *python.Module) bool {
	base := strings.ToLower(path.Base(m.File().Path))
	return strings.Contains(base, "webserver_config") || m.Imports("flask_appbuilder") || m.Imports("airflow")
}

// fabPrivilegedRoles are Airflow's built-in roles that can change things (lower-case).
var fabPrivilegedRoles = map[string]bool{"admin": true, "op": true, "user": true}

// ---------------------------------------------------------------------------------------------
// Pod and container settings

// specNode is a format-neutral view of a tree of mappings, sequences and scalars. JSON and YAML
// documents, Python dict literals and Kubernetes client constructor calls (V1SecurityContext(...))
// convert to it, so one walker judges pod and container settings in all of them.
type specNode struct {
	Key     string      // mapping key or keyword ("" for sequence items and the root)
	KeySpan source.Span // the key as written (zero for sequence items)
	Span    source.Span // the value
	// Scalar is the value of a scalar node; Literal is false for templates, env references and
	// computed values, which are never judged.
	Scalar   string
	IsScalar bool
	Literal  bool
	Kids     []*specNode // members of a mapping or items of a sequence
	IsList   bool
}

// child returns the first child with normalised key k.
func (n *specNode) child(k string) *specNode {
	if n == nil {
		return nil
	}
	for _, c := range n.Kids {
		if normKey(c.Key) == k {
			return c
		}
	}
	return nil
}

// strings returns the literal scalars of a sequence node, or of the node itself.
func (n *specNode) strings() []*specNode {
	if n == nil {
		return nil
	}
	if n.IsScalar {
		return []*specNode{n}
	}
	var out []*specNode
	for _, c := range n.Kids {
		if c.IsScalar && c.Literal {
			out = append(out, c)
		}
	}
	return out
}

// normKey folds camelCase, snake_case and kebab-case keys to one form: allowPrivilegeEscalation,
// allow_privilege_escalation and hostnetwork all compare equal to their lower-case run.
func normKey(k string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(k))
}

// span is where a finding on a node points: key through value when on one line.
func (n *specNode) span() source.Span {
	if n.KeySpan.IsZero() {
		return n.Span
	}
	if n.Span.Start.Line == n.KeySpan.Start.Line && n.Span.End.Offset >= n.KeySpan.End.Offset {
		return n.KeySpan.To(n.Span)
	}
	return n.KeySpan
}

// podHazard is one privileged setting found in a pod spec, container config or Docker container
// options.
type podHazard struct {
	Span     source.Span
	Message  string // "container runs privileged (`privileged: true`)"
	Severity Severity
}

func literalTrue(n *specNode) bool {
	return n != nil && n.IsScalar && n.Literal && configTrue(value.Value{Kind: value.Literal, Text: n.Scalar})
}

// dangerousCapabilities are Linux capabilities that amount to root on the node.
var dangerousCapabilities = map[string]bool{"ALL": true, "SYS_ADMIN": true, "NET_ADMIN": true,
	"SYS_PTRACE": true, "SYS_MODULE": true, "DAC_READ_SEARCH": true, "SYS_RAWIO": true, "BPF": true}

// podHazards walks a tree and reports every privileged pod, container or Docker setting in it,
// whatever the spelling of the keys (Kubernetes camelCase, Python client snake_case, KPO's
// hostnetwork, Docker SDK / Prefect Docker worker options).
func podHazards(root *specNode) []podHazard {
	var out []podHazard
	var walk func(n *specNode, depth int)
	walk = func(n *specNode, depth int) {
		if n == nil || depth > 64 {
			return
		}
		k := normKey(n.Key)
		switch {
		case k == "privileged" && literalTrue(n):
			out = append(out, podHazard{n.span(), "container runs privileged (`privileged: true`)", High})
		case k == "allowprivilegeescalation" && literalTrue(n):
			out = append(out, podHazard{n.span(), "container may gain privileges (`allowPrivilegeEscalation: true`)", Medium})
		case k == "runasuser" && n.IsScalar && n.Literal && strings.TrimSpace(n.Scalar) == "0":
			out = append(out, podHazard{n.span(), "container runs as root (`runAsUser: 0`)", Medium})
		case k == "hostnetwork" && literalTrue(n):
			out = append(out, podHazard{n.span(), "pod shares the node's network namespace (`hostNetwork: true`)", High})
		case k == "hostpid" && literalTrue(n):
			out = append(out, podHazard{n.span(), "pod shares the node's process namespace (`hostPID: true`)", High})
		case k == "hostipc" && literalTrue(n):
			out = append(out, podHazard{n.span(), "pod shares the node's IPC namespace (`hostIPC: true`)", High})
		case k == "hostpath" && !n.IsScalar:
			if p := n.child("path"); p != nil && p.IsScalar && p.Literal && sensitiveHostPath(p.Scalar) {
				out = append(out, podHazard{p.span(), "pod mounts the node's `" + sanitizeName(p.Scalar) + "`", High})
			}
		case k == "capabilities" && !n.IsScalar:
			for _, c := range n.child("add").strings() {
				if capName := normCap(c.Scalar); dangerousCapabilities[capName] {
					out = append(out, podHazard{c.span(), "container adds capability `" + capName + "`", High})
				}
			}
		case k == "capadd" && !n.IsScalar: // Docker SDK cap_add
			for _, c := range n.strings() {
				if capName := normCap(c.Scalar); dangerousCapabilities[capName] {
					out = append(out, podHazard{c.span(), "container adds capability `" + capName + "`", High})
				}
			}
		case (k == "networkmode" || k == "pidmode" || k == "ipcmode") && n.IsScalar && n.Literal && strings.EqualFold(strings.TrimSpace(n.Scalar), "host"):
			ns := map[string]string{"networkmode": "network", "pidmode": "process", "ipcmode": "IPC"}[k]
			out = append(out, podHazard{n.span(), "container shares the host's " + ns + " namespace (`" + n.Key + ": host`)", High})
		case k == "securityopt" && !n.IsScalar:
			for _, c := range n.strings() {
				t := strings.ToLower(strings.ReplaceAll(c.Scalar, ":", "="))
				if t == "seccomp=unconfined" || t == "apparmor=unconfined" || t == "label=disable" {
					out = append(out, podHazard{c.span(), "container runs without `" + sanitizeName(c.Scalar) + "` confinement", High})
				}
			}
		case k == "volumes" && n.IsList:
			// Docker bind strings "host:container[:mode]"; Kubernetes volumes are mappings.
			for _, c := range n.Kids {
				if !c.IsScalar || !c.Literal {
					continue
				}
				host, _, ok := strings.Cut(c.Scalar, ":")
				if ok && sensitiveHostPath(host) {
					out = append(out, podHazard{c.span(), "container mounts the host's `" + sanitizeName(host) + "`", High})
				}
			}
		case k == "volumes" && !n.IsScalar:
			// Docker SDK mapping form: {"/var/run/docker.sock": {"bind": "...", "mode": "rw"}}
			for _, c := range n.Kids {
				if c.child("bind") != nil && sensitiveHostPath(c.Key) {
					out = append(out, podHazard{c.KeySpan, "container mounts the host's `" + sanitizeName(c.Key) + "`", High})
				}
			}
		}
		for _, c := range n.Kids {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

func normCap(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return strings.TrimPrefix(s, "CAP_")
}

// sensitiveHostPath reports whether mounting a host path into a container hands over the node:
// its root, system directories, the kubelet's and container runtime's state, or a runtime socket.
func sensitiveHostPath(p string) bool {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, "/") {
		return false
	}
	p = path.Clean(p)
	switch p {
	case "/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var", "/var/run", "/run", "/usr", "/bin", "/sbin", "/lib", "/home":
		return true
	}
	if strings.HasSuffix(p, ".sock") {
		return true
	}
	for _, prefix := range []string{"/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/etc/kubernetes",
		"/var/run/docker", "/run/docker", "/var/run/containerd", "/run/containerd", "/var/run/crio", "/proc", "/sys"} {
		if strings.HasPrefix(p, prefix+"/") {
			return true
		}
	}
	return false
}

// jsonSpec converts a JSON tree to a specNode tree.
func jsonSpec(n *jsonx.Node, key string, keySpan source.Span) *specNode {
	if n == nil {
		return nil
	}
	s := &specNode{Key: key, KeySpan: keySpan, Span: n.Span}
	switch n.Kind {
	case jsonx.Object:
		for _, m := range n.Members {
			if c := jsonSpec(m.Value, m.Key, m.KeySpan); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
	case jsonx.Array:
		s.IsList = true
		for _, it := range n.Items {
			if c := jsonSpec(it, "", source.Span{}); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
	default:
		v := n.Value()
		s.IsScalar, s.Scalar, s.Literal = true, n.Text, v.Kind == value.Literal
		s.Span = v.Span
	}
	return s
}

// yamlSpec converts a YAML tree to a specNode tree (merge keys expanded, aliases followed).
func yamlSpec(n *yaml.Node, key string, keySpan source.Span, depth int) *specNode {
	if n == nil || depth > 64 {
		return nil
	}
	s := &specNode{Key: key, KeySpan: keySpan, Span: n.Span()}
	switch {
	case n.IsMap():
		for _, p := range n.Pairs() {
			if c := yamlSpec(p.Value, p.Key, p.KeySpan, depth+1); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
	case n.IsSeq():
		s.IsList = true
		for _, it := range n.Items() {
			if c := yamlSpec(it, "", source.Span{}, depth+1); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
	default:
		v := n.Value()
		text, _ := n.String()
		s.IsScalar, s.Scalar, s.Literal = true, text, v.Kind == value.Literal && !n.IsNull()
	}
	return s
}

// pythonSpec converts a Python expression to a specNode tree: dict literals and dict(...) become
// mappings, lists and tuples sequences, calls (V1SecurityContext(privileged=True)) mappings of
// their keyword arguments, and literals scalars. Names are followed to their single assignment.
func pythonSpec(e *python.Expr, key string, keySpan source.Span, depth int) *specNode {
	if e == nil || depth > 32 {
		return nil
	}
	s := &specNode{Key: key, KeySpan: keySpan, Span: e.Span}
	r := e.Resolve()
	if pairs := r.Dict(); pairs != nil || r.Kind == "dictionary" {
		for _, p := range pairs {
			if p.KeyText == "" {
				continue
			}
			if c := pythonSpec(p.Value, p.KeyText, p.KeySpan, depth+1); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
		return s
	}
	if items := r.Items(); items != nil || r.Kind == "list" || r.Kind == "tuple" {
		s.IsList = true
		for _, it := range items {
			if c := pythonSpec(it, "", source.Span{}, depth+1); c != nil {
				s.Kids = append(s.Kids, c)
			}
		}
		return s
	}
	if c := r.Call(); c != nil {
		for _, kw := range c.Keywords {
			if k := pythonSpec(kw.Value, kw.Name, kw.NameSpan, depth+1); k != nil {
				s.Kids = append(s.Kids, k)
			}
		}
		return s
	}
	s.IsScalar = true
	switch {
	case r.IsTrue():
		s.Scalar, s.Literal = "true", true
	case r.IsFalse():
		s.Scalar, s.Literal = "false", true
	default:
		v := e.Value()
		s.Literal = v.Kind == value.Literal
		s.Scalar = v.Text
		if str, ok := e.String(); ok {
			s.Scalar = str
		}
	}
	return s
}

// ---------------------------------------------------------------------------------------------
// IAM policies

// iamItem is one string of an IAM Action, NotAction, Resource or NotResource entry.
type iamItem struct {
	Text    string
	Span    source.Span
	Literal bool // false for templates and references (${var}, {{ }}), never judged
}

// iamStatement is one statement of an IAM policy document, whatever format it was written in
// (standalone JSON, CloudFormation, Terraform jsonencode or aws_iam_policy_document).
type iamStatement struct {
	Effect       string // "Allow" when empty, as in aws_iam_policy_document
	Actions      []iamItem
	NotAction    bool // Actions came from NotAction
	Resources    []iamItem
	NotResource  bool // Resources came from NotResource
	HasPrincipal bool // a resource-based or trust policy: Resource "*" means the resource itself
	HasCondition bool
	Span         source.Span // the statement, for findings without a better place
}

// iamHazard is one over-broad grant in a statement.
type iamHazard struct {
	Span     source.Span
	Message  string
	Severity Severity
}

// iamSensitiveServices are services whose full wildcard hands over identities, secrets, keys or
// data, or code execution.
var iamSensitiveServices = map[string]bool{"iam": true, "sts": true, "organizations": true, "kms": true,
	"secretsmanager": true, "ssm": true, "s3": true, "lambda": true, "ec2": true, "dynamodb": true,
	"rds": true, "airflow": true, "glue": true, "ecs": true, "eks": true, "cloudformation": true}

// iamStatementHazards judges one statement. It reports, for Allow statements of identity policies:
// every action ("*"), NotAction on "*", a service-wide wildcard of a sensitive service on "*", and
// iam:PassRole (or a pattern covering it) on "*". Deny statements and resource-based policies (with
// a Principal, where "*" means the resource the policy is attached to, as in KMS key policies) are
// not judged.
func iamStatementHazards(st iamStatement) []iamHazard {
	if st.Effect != "" && !strings.EqualFold(st.Effect, "Allow") || st.HasPrincipal {
		return nil
	}
	allResources := st.NotResource && len(st.Resources) > 0
	var starResource *iamItem
	for i, r := range st.Resources {
		if r.Literal && (r.Text == "*" || r.Text == "arn:aws:*:*:*:*" || r.Text == "arn:*") {
			allResources = true
			starResource = &st.Resources[i]
		}
	}
	onWhat := "on every resource"
	if starResource != nil {
		onWhat = "on `*`"
	}
	cond := ""
	if st.HasCondition {
		cond = " (with a condition)"
	}
	var out []iamHazard
	if st.NotAction {
		if allResources && len(st.Actions) > 0 {
			out = append(out, iamHazard{st.Actions[0].Span, "policy allows every action except those in `NotAction` " + onWhat + cond, High})
		}
		return out
	}
	for _, a := range st.Actions {
		if !a.Literal {
			continue
		}
		act := strings.ToLower(strings.TrimSpace(a.Text))
		service, name, _ := strings.Cut(act, ":")
		switch {
		case act == "*" || act == "*:*":
			sev := Critical
			where := onWhat
			if !allResources {
				sev, where = High, "on its resources"
			}
			out = append(out, iamHazard{a.Span, "policy allows every action (`" + sanitizeName(a.Text) + "`) " + where + cond, sev})
		case !allResources:
			continue
		case name == "*" && iamSensitiveServices[service]:
			sev := High
			if service == "iam" || service == "sts" || service == "organizations" {
				sev = Critical
			}
			out = append(out, iamHazard{a.Span, "policy allows `" + sanitizeName(a.Text) + "` " + onWhat + cond, sev})
		case service == "iam" && strings.Contains(name, "*") && globMatch(name, "passrole") || act == "iam:passrole":
			out = append(out, iamHazard{a.Span, "policy allows `" + sanitizeName(a.Text) + "` " + onWhat + ": any role can be handed to a service" + cond, High})
		}
	}
	return out
}

// globMatch matches an IAM action pattern (* and ?) against a lower-case name.
func globMatch(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// jsonIAMStatements finds the statements of every IAM policy document in a JSON tree: standalone
// policy files, CloudFormation PolicyDocument / AssumeRolePolicyDocument, policies inside other
// documents. A document is an object with a Statement member (an object or a list of objects) whose
// statements have an Effect.
func jsonIAMStatements(root *jsonx.Node) []iamStatement {
	var out []iamStatement
	var walk func(n *jsonx.Node, depth int)
	walk = func(n *jsonx.Node, depth int) {
		if n == nil || depth > jsonx.MaxDepth {
			return
		}
		if n.Kind == jsonx.Object {
			if stmts := n.Get("Statement"); stmts != nil {
				for _, s := range stmts.List() {
					if st, ok := jsonIAMStatement(s); ok {
						out = append(out, st)
					}
				}
			}
			for _, m := range n.Members {
				if m.Key != "Statement" {
					walk(m.Value, depth+1)
				}
			}
		}
		for _, it := range n.Items {
			walk(it, depth+1)
		}
	}
	walk(root, 0)
	return out
}

func jsonIAMStatement(s *jsonx.Node) (iamStatement, bool) {
	if s == nil || s.Kind != jsonx.Object {
		return iamStatement{}, false
	}
	eff := s.Get("Effect")
	if !eff.IsString() {
		return iamStatement{}, false
	}
	st := iamStatement{Effect: eff.Text, Span: s.Span,
		HasPrincipal: s.Get("Principal") != nil || s.Get("NotPrincipal") != nil,
		HasCondition: s.Get("Condition") != nil}
	items := func(n *jsonx.Node) []iamItem {
		var out []iamItem
		for _, x := range n.List() {
			if x.IsString() {
				out = append(out, iamItem{Text: x.Text, Span: x.TextSpan, Literal: x.Value().Kind == value.Literal})
			}
		}
		return out
	}
	if a := s.Get("Action"); a != nil {
		st.Actions = items(a)
	} else if a := s.Get("NotAction"); a != nil {
		st.Actions, st.NotAction = items(a), true
	}
	if r := s.Get("Resource"); r != nil {
		st.Resources = items(r)
	} else if r := s.Get("NotResource"); r != nil {
		st.Resources, st.NotResource = items(r), true
	}
	return st, true
}

// awsAdminPolicies are AWS managed policies that grant (nearly) everything.
var awsAdminPolicies = map[string]bool{"AdministratorAccess": true, "PowerUserAccess": true, "IAMFullAccess": true,
	"AmazonS3FullAccess": true, "SecretsManagerReadWrite": true}

// awsAdminPolicyARN returns the managed policy's name when arn names one of awsAdminPolicies.
func awsAdminPolicyARN(arn string) (string, bool) {
	name, ok := strings.CutPrefix(arn, "arn:aws:iam::aws:policy/")
	if !ok {
		name, ok = strings.CutPrefix(arn, "arn:aws-us-gov:iam::aws:policy/")
	}
	name = path.Base(name)
	return name, ok && awsAdminPolicies[name]
}

// ---------------------------------------------------------------------------------------------
// Kubernetes RBAC

// rbacItem is one string of an RBAC rule's apiGroups, resources or verbs.
type rbacItem struct {
	Text string
	Span source.Span
}

// rbacRule is one rule of a Role or ClusterRole (or of a Helm value that renders into one).
type rbacRule struct {
	ClusterWide bool // the rule belongs to a ClusterRole
	APIGroups   []rbacItem
	Resources   []rbacItem
	Verbs       []rbacItem
	Span        source.Span
}

// rbacHazard is one over-broad grant of an RBAC rule.
type rbacHazard struct {
	Span     source.Span
	Message  string
	Severity Severity
}

// rbacRuleHazards reports `*` verbs, `*` resources and read access to secrets across the cluster.
func rbacRuleHazards(r rbacRule) []rbacHazard {
	scope := "role"
	if r.ClusterWide {
		scope = "cluster role"
	}
	has := func(items []rbacItem, want ...string) *rbacItem {
		for i := range items {
			for _, w := range want {
				if strings.EqualFold(strings.TrimSpace(items[i].Text), w) {
					return &items[i]
				}
			}
		}
		return nil
	}
	names := func(items []rbacItem) string {
		var s []string
		for _, it := range items {
			s = append(s, sanitizeName(it.Text))
		}
		if len(s) == 0 {
			return "no resources"
		}
		return "`" + strings.Join(s, "`, `") + "`"
	}
	var out []rbacHazard
	starVerb := has(r.Verbs, "*")
	starRes := has(r.Resources, "*")
	switch {
	case starVerb != nil && starRes != nil:
		sev := High
		if r.ClusterWide {
			sev = Critical
		}
		out = append(out, rbacHazard{starVerb.Span, scope + " grants `*` verbs on `*` resources", sev})
	case starVerb != nil:
		out = append(out, rbacHazard{starVerb.Span, scope + " grants `*` verbs on " + names(r.Resources), High})
	case starRes != nil:
		out = append(out, rbacHazard{starRes.Span, scope + " grants " + names(r.Verbs) + " on `*` resources", High})
	}
	if starRes == nil && r.ClusterWide {
		if sec := has(r.Resources, "secrets"); sec != nil && has(r.Verbs, "get", "list", "watch", "*") != nil {
			out = append(out, rbacHazard{sec.Span, "cluster role can read `secrets` in every namespace", High})
		}
	}
	return out
}

// isClusterAdminRef reports whether a binding's roleRef names the cluster-admin ClusterRole.
func isClusterAdminRef(kind, name string) bool {
	return (kind == "" || kind == "ClusterRole") && name == "cluster-admin"
}

// ---------------------------------------------------------------------------------------------
// Prefect work-pool base job templates

// prefectJobTemplate finds a work pool's base job template in a JSON document: the document itself
// ({"job_configuration": ..., "variables": ...}, as given to `prefect work-pool create
// --base-job-template`) or its base_job_template member (`prefect work-pool inspect`, API exports).
func prefectJobTemplate(root *jsonx.Node) *jsonx.Node {
	for _, n := range []*jsonx.Node{root, root.Get("base_job_template")} {
		if n != nil && n.Kind == jsonx.Object && n.Get("job_configuration") != nil {
			return n
		}
	}
	return nil
}

// prefectJobConfig returns a template's job_configuration with every "{{ variable }}" placeholder
// replaced by that variable's default from variables.properties, so a privileged default is judged
// where it takes effect and reported where it is written.
func prefectJobConfig(tmpl *jsonx.Node) *specNode {
	props := tmpl.Lookup("variables", "properties")
	cfg := tmpl.Get("job_configuration")
	spec := jsonSpec(cfg, "", source.Span{})
	var subst func(n *specNode, depth int)
	subst = func(n *specNode, depth int) {
		if n == nil || depth > jsonx.MaxDepth {
			return
		}
		for i, c := range n.Kids {
			if c.IsScalar && !c.Literal {
				if name, ok := templateVariable(c.Scalar); ok {
					if def := props.Lookup(name, "default"); def != nil {
						d := jsonSpec(def, c.Key, source.Span{})
						n.Kids[i] = d
					}
				}
				continue
			}
			subst(c, depth+1)
		}
	}
	subst(spec, 0)
	return spec
}

// templateVariable recognises a value that is exactly one Prefect template variable, "{{ name }}".
func templateVariable(s string) (string, bool) {
	t := strings.TrimSpace(s)
	inner, ok := strings.CutPrefix(t, "{{")
	if !ok {
		return "", false
	}
	inner, ok = strings.CutSuffix(inner, "}}")
	inner = strings.TrimSpace(inner)
	if !ok || inner == "" || strings.ContainsAny(inner, " .|(){}") {
		return "", false
	}
	return inner, true
}

// ---------------------------------------------------------------------------------------------
// MWAA execution roles in CloudFormation JSON

// mwaaRole is an IAM role that Amazon MWAA assumes: every DAG task runs with its permissions.
type mwaaRole struct {
	Span        source.Span // the role's Properties, holding its inline policies
	ManagedARNs []*jsonx.Node
}

// jsonMWAARoles finds CloudFormation AWS::IAM::Role resources whose trust policy lets
// airflow.amazonaws.com or airflow-env.amazonaws.com assume them.
func jsonMWAARoles(root *jsonx.Node) []mwaaRole {
	var out []mwaaRole
	res := root.Get("Resources")
	if res == nil || res.Kind != jsonx.Object {
		return nil
	}
	for _, m := range res.Members {
		r := m.Value
		if t := r.Get("Type"); !t.IsString() || t.Text != "AWS::IAM::Role" {
			continue
		}
		props := r.Get("Properties")
		if !trustsMWAA(props.Get("AssumeRolePolicyDocument")) {
			continue
		}
		out = append(out, mwaaRole{Span: props.Span, ManagedARNs: props.Get("ManagedPolicyArns").List()})
	}
	return out
}

// trustsMWAA reports whether a trust policy names an MWAA service principal.
func trustsMWAA(doc *jsonx.Node) bool {
	for _, st := range doc.Get("Statement").List() {
		for _, svc := range st.Lookup("Principal", "Service").List() {
			if svc.IsString() && (svc.Text == "airflow.amazonaws.com" || svc.Text == "airflow-env.amazonaws.com") {
				return true
			}
		}
	}
	return false
}

// inMWAARole reports whether span s lies inside one of the roles.
func inMWAARole(s source.Span, roles []mwaaRole) bool {
	for _, r := range roles {
		if s.Start.Offset >= r.Span.Start.Offset && s.End.Offset <= r.Span.End.Offset {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------------------------
// Prefect settings

// prefectSetting is one Prefect setting found in a configuration document.
type prefectSetting struct {
	Setting prefect.Setting
	KeySpan source.Span
	Value   value.Value
}

// prefectScopes groups the Prefect settings of a document by the process they configure: a
// dotenv file is one scope, each profile of profiles.toml is one, prefect.toml and pyproject.toml's
// [tool.prefect] are one each. TOML files of other names are not Prefect's and give nothing.
func prefectScopes(doc source.Document) [][]prefectSetting {
	switch d := doc.(type) {
	case *dotenv.File:
		var scope []prefectSetting
		for _, v := range d.Vars() {
			if s, ok := prefect.SettingFromEnv(v.Name); ok {
				scope = append(scope, prefectSetting{s, v.NameSpan, v.Value})
			}
		}
		return [][]prefectSetting{scope}
	case *toml.File:
		base := strings.ToLower(path.Base(d.File().Path))
		byScope := map[string][]prefectSetting{}
		var order []string
		for _, e := range d.Entries() {
			scope := ""
			switch {
			case base == "prefect.toml":
			case base == "profiles.toml" && len(e.Path) == 3 && e.Path[0] == "profiles":
				scope = e.Path[1]
			case base == "pyproject.toml" && len(e.Path) > 2 && e.Path[0] == "tool" && e.Path[1] == "prefect":
			default:
				continue
			}
			s, ok := prefect.SettingFromPath(e.Path)
			if !ok {
				continue
			}
			if _, seen := byScope[scope]; !seen {
				order = append(order, scope)
			}
			byScope[scope] = append(byScope[scope], prefectSetting{s, e.KeySpan, e.Value})
		}
		var out [][]prefectSetting
		for _, k := range order {
			out = append(out, byScope[k])
		}
		return out
	case *yaml.Stream:
		return prefectYAMLScopes(d)
	}
	return nil
}

// prefectYAMLScopes reads the PREFECT_* variables of a YAML file: one scope per compose service
// (its `environment`), else one per document (Kubernetes and Helm `env` lists). Only env names
// count, so a YAML key that happens to look like a setting path is not read.
func prefectYAMLScopes(s *yaml.Stream) [][]prefectSetting {
	byScope := map[string][]prefectSetting{}
	var order []string
	for _, e := range s.Entries() {
		if len(e.Path) < 2 {
			continue
		}
		set, ok := prefect.SettingFromEnv(e.Path[len(e.Path)-1])
		if !ok {
			continue
		}
		scope := strconv.Itoa(e.Doc)
		if s.Kind() == yaml.Compose {
			if len(e.Path) != 4 || e.Path[0] != "services" || e.Path[2] != "environment" {
				continue
			}
			scope += "/" + e.Path[1]
		}
		if _, seen := byScope[scope]; !seen {
			order = append(order, scope)
		}
		byScope[scope] = append(byScope[scope], prefectSetting{set, e.KeySpan, e.Value})
	}
	var out [][]prefectSetting
	for _, k := range order {
		out = append(out, byScope[k])
	}
	return out
}

// lookupPrefect returns the last occurrence of a setting in a scope.
func lookupPrefect(scope []prefectSetting, s prefect.Setting) (prefectSetting, bool) {
	for i := len(scope) - 1; i >= 0; i-- {
		if scope[i].Setting == s {
			return scope[i], true
		}
	}
	return prefectSetting{}, false
}

// prefectScopesHook adapts a check over Prefect settings scopes to a document hook.
func prefectScopesHook[D source.Document](check func(*Pass, []prefectSetting)) func(*Pass, D) error {
	return func(p *Pass, d D) error {
		for _, scope := range prefectScopes(d) {
			if len(scope) > 0 {
				check(p, scope)
			}
		}
		return nil
	}
}
