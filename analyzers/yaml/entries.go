package yaml

import (
	"strconv"
	"strings"

	y "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// text is a scalar's decoded text; where template blanking changed its bytes, the text as
// written in the file.
func (s *Stream) text(n *y.Node) string {
	if !s.templated || n.Kind != y.ScalarNode {
		return n.Value
	}
	a, b := s.scalarRange(n)
	if a >= b || string(s.f.Content[a:b]) == string(s.pf.Content[a:b]) {
		return n.Value
	}
	return s.originalText(n, a, b)
}

// valueOf classifies a scalar. Strings (plain, quoted, block, !!str) go through
// value.ClassifyString; numbers, booleans and null are Literals with the text as written (null
// as ""), since they can never be a reference. Node.Tag tells them apart.
func (s *Stream) valueOf(n *y.Node) value.Value {
	sp := s.scalarSpan(n)
	switch n.ShortTag() {
	case "!!null":
		return value.Value{Kind: value.Literal, Text: "", Span: sp}
	case "!!bool", "!!int", "!!float":
		return value.Value{Kind: value.Literal, Text: n.Value, Span: sp}
	}
	return value.ClassifyString(s.text(n), sp)
}

// Entries lists every scalar leaf once, at the place it is written: values reached through an
// alias or a merge key are reported where the anchor defines them. See the package doc for the
// path conventions. The slice is shared by every caller: read it, do not modify it.
func (s *Stream) Entries() []value.Entry {
	s.entriesOnce.Do(func() {
		for i, d := range s.docs {
			s.walk(d, nil, source.Span{}, i, 0, &s.entries)
		}
	})
	return s.entries
}

func (s *Stream) walk(n *y.Node, path []string, keySpan source.Span, doc, depth int, out *[]value.Entry) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case y.AliasNode:
		return // reported at the anchor
	case y.ScalarNode:
		*out = append(*out, value.Entry{Path: clone(path), KeySpan: keySpan, Value: s.valueOf(n), Doc: doc})
	case y.MappingNode:
		if ref, ok := s.dagsterEnvSource(n); ok {
			*out = append(*out, value.Entry{Path: clone(path), KeySpan: keySpan, Value: ref, Doc: doc})
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isMerge(k) {
				continue // merged content is reported at its anchor
			}
			s.walk(v, append(path, s.text(k)), s.scalarSpan(k), doc, depth+1, out)
		}
	case y.SequenceNode:
		last := ""
		if len(path) > 0 {
			last = path[len(path)-1]
		}
		env := last == "environment" || n.Anchor != "" && isAnchoredEnvList(n)
		for i, item := range n.Content {
			if env && item.Kind == y.ScalarNode && s.composeEnv(item, path, doc, out) {
				continue
			}
			if item.Kind == y.MappingNode && isEnvList(last, item) && s.k8sEnv(item, path, doc, out) {
				continue
			}
			s.walk(item, append(path, "["+strconv.Itoa(i)+"]"), source.Span{}, doc, depth+1, out)
		}
	}
}

func clone(p []string) []string { return append([]string(nil), p...) }

// composeEnv turns `- NAME=value` into an entry NAME with the value's exact span.
func (s *Stream) composeEnv(item *y.Node, path []string, doc int, out *[]value.Entry) bool {
	text := s.text(item)
	name, val, ok := strings.Cut(text, "=")
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return false
	}
	sp := s.scalarSpan(item)
	keySpan, valSpan := sp, sp
	if s.f.Text(sp) == text { // written without escapes: exact spans for both halves
		start := sp.Start.Offset
		keySpan = s.f.Span(start, start+len(name))
		valSpan = s.f.Span(start+len(name)+1, sp.End.Offset)
	}
	if q := len(val); q >= 2 && (val[0] == '\'' || val[0] == '"') && val[q-1] == val[0] {
		// - KEY='value': Compose keeps the quotes, but the secret is what they enclose
		val = val[1 : q-1]
		if valSpan != sp {
			valSpan = s.f.Span(valSpan.Start.Offset+1, valSpan.End.Offset-1)
		}
	}
	*out = append(*out, value.Entry{Path: append(clone(path), name), KeySpan: keySpan,
		Value: value.ClassifyString(val, valSpan), Doc: doc})
	return true
}

// isAnchoredEnvList reports whether an anchored sequence is a Compose environment written once
// and merged into services by alias (x-airflow-env: &airflow-env [- NAME=value, ...]): every
// item is a NAME=value string.
func isAnchoredEnvList(n *y.Node) bool {
	if len(n.Content) == 0 {
		return false
	}
	for _, item := range n.Content {
		if item.Kind != y.ScalarNode {
			return false
		}
		name, _, ok := strings.Cut(item.Value, "=")
		if !ok || !isEnvName(name) {
			return false
		}
	}
	return true
}

func isEnvName(s string) bool {
	for i, c := range s {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// isEnvList reports whether a sequence under key holds Kubernetes env items: `env`, or a chart's
// own list of them (`extraEnv`, `extraEnvVars`, `workerEnv`) whose item has a value or valueFrom.
func isEnvList(key string, item *y.Node) bool {
	if key == "env" {
		return true
	}
	k := strings.ToLower(key)
	if !strings.HasSuffix(k, "env") && !strings.HasSuffix(k, "envvars") && !strings.HasSuffix(k, "envs") {
		return false
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		if c := item.Content[i].Value; c == "value" || c == "valueFrom" {
			return true
		}
	}
	return false
}

// k8sEnv turns `{name: NAME, value: v}` into an entry NAME; `valueFrom` is a secret reference
// (secretKeyRef) or an expression (configMapKeyRef, fieldRef, resourceFieldRef).
func (s *Stream) k8sEnv(item *y.Node, path []string, doc int, out *[]value.Entry) bool {
	m := &Node{n: item, s: s}
	nameNode := m.Get("name")
	name, ok := nameNode.String()
	if !ok || name == "" {
		return false
	}
	p := append(clone(path), name)
	switch v, from := m.Get("value"), m.Get("valueFrom"); {
	case v != nil && !v.IsAlias():
		*out = append(*out, value.Entry{Path: p, KeySpan: nameNode.Span(), Value: v.Value(), Doc: doc})
	case from != nil:
		val := value.Value{Kind: value.Expr, Ref: "valueFrom", Span: from.Span()}
		if sec, ok := m.Path("valueFrom", "secretKeyRef", "name").String(); ok {
			val.Kind, val.Ref = value.SecretRef, "secret "+sec
		}
		*out = append(*out, value.Entry{Path: p, KeySpan: nameNode.Span(), Value: val, Doc: doc})
	}
	return true
}

// dagsterEnvSource reads Dagster's `{env: VAR}` (a StringSource or IntSource read from the
// environment when the instance or code location loads) as an env reference at the key that
// holds it, so `password: {env: DAGSTER_PG_PASSWORD}` is the entry password, not password.env.
// Only Dagster's own files use the form; elsewhere `env:` is an ordinary key (labels, tags).
func (s *Stream) dagsterEnvSource(n *y.Node) (value.Value, bool) {
	switch s.kind {
	case DagsterYAML, DagsterCloud, Workspace:
	default:
		return value.Value{}, false
	}
	if len(n.Content) != 2 || n.Content[1].Kind != y.ScalarNode || s.text(n.Content[0]) != "env" {
		return value.Value{}, false
	}
	name := strings.TrimSpace(s.text(n.Content[1]))
	if name == "" {
		return value.Value{}, false
	}
	return value.Value{Kind: value.EnvRef, Ref: name, Text: name, Span: s.scalarSpan(n.Content[1])}, true
}
