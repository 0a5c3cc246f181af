package python

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Expr is one expression. Kind is the tree-sitter node kind ("string", "call", "identifier",
// "attribute", "dictionary", "true", ...); Text is the source text.
type Expr struct {
	Span source.Span
	Text string
	Kind string

	m  *Module
	n  nid
	sc *scope
}

// Pair is one entry of a dict literal or one keyword of a dict(...) call. KeyText is the decoded
// key when it is a string literal (or the keyword name), else "".
type Pair struct {
	Key     *Expr // nil for dict(key=value)
	KeyText string
	KeySpan source.Span
	Value   *Expr
}

// Part is one piece of a string-valued expression: literal text (Expr nil) or an interpolated or
// concatenated expression.
type Part struct {
	Text string
	Span source.Span // for literal text, the span of the source text between the quotes
	Expr *Expr
}

const maxFollow = 16

func (e *Expr) syn() *syntax { return e.m.syn }

func (e *Expr) inner() nid { return e.m.syn.unparen(e.n) }

func (e *Expr) wrap(n nid) *Expr { return e.m.expr(n, e.sc) }

// Call returns the call this expression is, or nil.
func (e *Expr) Call() *Call {
	if e == nil {
		return nil
	}
	return e.m.callAt[e.inner()]
}

// Name is the qualified name of the expression (an imported module, class or function) or the type
// of its value ("requests.Session" for s after s = requests.Session()), or "".
func (e *Expr) Name() string {
	if e == nil {
		return ""
	}
	return qualifyNode(e.m, e.n, e.sc, 0)
}

// Attr splits an attribute expression obj.attr.
func (e *Expr) Attr() (obj *Expr, attr string, ok bool) {
	if e == nil {
		return nil, "", false
	}
	s, n := e.syn(), e.inner()
	if s.kind(n) != "attribute" {
		return nil, "", false
	}
	return e.wrap(s.child(n, "object")), s.text(s.child(n, "attribute")), true
}

// Children returns the named sub-expressions (comments excluded).
func (e *Expr) Children() []*Expr {
	if e == nil {
		return nil
	}
	var out []*Expr
	for _, c := range e.syn().namedChildren(e.n, nil) {
		out = append(out, e.wrap(c))
	}
	return out
}

// Resolve follows a plain name to the value it was assigned when that is unambiguous: a single
// assignment in the enclosing function (and not a parameter), or else a module-level constant.
// Other expressions, and names that cannot be followed, return e itself.
func (e *Expr) Resolve() *Expr {
	cur := e
	for i := 0; cur != nil && i < maxFollow; i++ {
		next := cur.follow()
		if next == nil {
			return cur
		}
		cur = next
	}
	return cur
}

// follow returns the single value bound to identifier e, or nil.
func (e *Expr) follow() *Expr {
	s, n := e.syn(), e.inner()
	if s.kind(n) != "identifier" {
		return nil
	}
	name := s.text(n)
	for sc := e.sc; sc != nil; sc = sc.parent {
		if _, ok := sc.params[name]; ok {
			return nil
		}
		if sc.global[name] {
			sc = e.m.top
		}
		if vs, ok := sc.binds[name]; ok {
			if len(vs) == 1 && vs[0] >= 0 && vs[0] != n {
				return e.m.expr(vs[0], sc)
			}
			return nil
		}
	}
	return nil
}

// IsTrue reports whether the expression is (or names a constant that is) True.
func (e *Expr) IsTrue() bool {
	return e != nil && e.Resolve().syn().kind(e.Resolve().inner()) == "true"
}

// IsFalse reports whether the expression is (or names a constant that is) False.
func (e *Expr) IsFalse() bool {
	return e != nil && e.Resolve().syn().kind(e.Resolve().inner()) == "false"
}

// IsNone reports whether the expression is (or names a constant that is) None.
func (e *Expr) IsNone() bool {
	return e != nil && e.Resolve().syn().kind(e.Resolve().inner()) == "none"
}

// String returns the decoded value of a string literal, implicit concatenation or f-string without
// interpolations (after following names), and whether it is one.
func (e *Expr) String() (string, bool) {
	if e == nil {
		return "", false
	}
	r := e.Resolve()
	parts, ok := r.stringParts(0)
	if !ok {
		return "", false
	}
	var b strings.Builder
	for _, p := range parts {
		if p.Expr != nil {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// Parts splits a string-valued expression (string, f-string, implicit or + concatenation) into
// literal text and interpolated expressions. ok is false for other expressions.
func (e *Expr) Parts() ([]Part, bool) {
	if e == nil {
		return nil, false
	}
	return e.stringParts(0)
}

func (e *Expr) stringParts(depth int) ([]Part, bool) {
	if depth > 50 {
		return nil, false
	}
	s, n := e.syn(), e.inner()
	switch s.kind(n) {
	case "string":
		return e.m.stringNodeParts(n, e.sc), true
	case "concatenated_string":
		var out []Part
		for _, c := range s.namedChildren(n, nil) {
			if s.kind(c) == "string" {
				out = append(out, e.m.stringNodeParts(c, e.sc)...)
			}
		}
		return out, true
	case "binary_operator":
		if strings.TrimSpace(s.text(s.child(n, "operator"))) != "+" {
			return nil, false
		}
		l, r := e.wrap(s.child(n, "left")), e.wrap(s.child(n, "right"))
		lp, lok := l.stringParts(depth + 1)
		rp, rok := r.stringParts(depth + 1)
		if !lok && !rok {
			return nil, false
		}
		if !lok {
			lp = []Part{{Expr: l, Span: l.Span}}
		}
		if !rok {
			rp = []Part{{Expr: r, Span: r.Span}}
		}
		return append(lp, rp...), true
	}
	return nil, false
}

// stringNodeParts decodes one string node.
func (m *Module) stringNodeParts(n nid, sc *scope) []Part {
	s := m.syn
	prefix := strings.ToLower(s.text(s.child(n, "string_start")))
	if s.child(n, "string_start") < 0 {
		for _, c := range s.children(n) {
			if s.kind(c) == "string_start" {
				prefix = strings.ToLower(s.text(c))
			}
		}
	}
	raw := strings.ContainsRune(prefix, 'r')
	var out []Part
	for _, c := range s.children(n) {
		switch s.kind(c) {
		case "string_content":
			t := s.text(c)
			if !raw {
				t = decodeEscapes(t)
			}
			out = append(out, Part{Text: t, Span: m.span(c)})
		case "interpolation":
			out = append(out, Part{Expr: m.expr(s.child(c, "expression"), sc), Span: m.span(c)})
		}
	}
	if len(out) == 0 {
		// empty string: an empty part located between the quotes
		end := int(s.nodes[n].end)
		for _, c := range s.children(n) {
			if s.kind(c) == "string_end" {
				end = int(s.nodes[c].start)
			}
		}
		out = append(out, Part{Span: m.file.Span(end, end)})
	}
	// merge adjacent literal parts (string_content is split around escapes in some versions)
	merged := out[:1]
	for _, p := range out[1:] {
		last := &merged[len(merged)-1]
		if p.Expr == nil && last.Expr == nil {
			last.Text += p.Text
			last.Span.End = p.Span.End
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// decodeEscapes interprets Python backslash escapes.
func decodeEscapes(t string) string {
	if !strings.ContainsRune(t, '\\') {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '\\' || i+1 >= len(t) {
			b.WriteByte(c)
			continue
		}
		i++
		switch d := t[i]; d {
		case '\n':
		case '\r':
			if i+1 < len(t) && t[i+1] == '\n' {
				i++
			}
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(t) && j < i+3 && t[j] >= '0' && t[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(t[i:j], 8, 32)
			b.WriteRune(rune(v))
			i = j - 1
		case 'x', 'u', 'U':
			w := map[byte]int{'x': 2, 'u': 4, 'U': 8}[d]
			if i+1+w <= len(t) {
				if v, err := strconv.ParseUint(t[i+1:i+1+w], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
					i += w
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(d)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"':
			b.WriteByte(d)
		default:
			b.WriteByte('\\')
			b.WriteByte(d)
		}
	}
	return b.String()
}

// Dict returns the entries of a dict literal or dict(...) call (after following names), or nil.
func (e *Expr) Dict() []*Pair {
	if e == nil {
		return nil
	}
	r := e.Resolve()
	s, n := r.syn(), r.inner()
	var out []*Pair
	switch s.kind(n) {
	case "dictionary":
		for _, c := range s.namedChildren(n, nil) {
			if s.kind(c) != "pair" {
				continue
			}
			k := r.wrap(s.child(c, "key"))
			p := &Pair{Key: k, KeySpan: k.Span, Value: r.wrap(s.child(c, "value"))}
			if t, ok := k.String(); ok {
				p.KeyText = t
			}
			out = append(out, p)
		}
	case "call":
		c := r.Call()
		if c == nil || c.Name != "dict" {
			return nil
		}
		if a := c.Arg(0); a != nil {
			out = append(out, a.Dict()...)
		}
		for _, k := range c.Keywords {
			out = append(out, &Pair{KeyText: k.Name, KeySpan: k.NameSpan, Value: k.Value})
		}
	}
	return out
}

// Get returns the value for string key in a dict literal (after following names), or nil.
func (e *Expr) Get(key string) *Expr {
	for _, p := range e.Dict() {
		if p.KeyText == key && (p.Key == nil || p.Key.Kind != "identifier") {
			return p.Value
		}
	}
	return nil
}

// Items returns the elements of a list, tuple or set literal (after following names), or nil.
func (e *Expr) Items() []*Expr {
	if e == nil {
		return nil
	}
	r := e.Resolve()
	s, n := r.syn(), r.inner()
	switch s.kind(n) {
	case "list", "tuple", "set", "expression_list":
		var out []*Expr
		for _, c := range s.namedChildren(n, nil) {
			out = append(out, r.wrap(c))
		}
		return out
	}
	return nil
}

// Value classifies the expression (see package documentation).
func (e *Expr) Value() value.Value {
	if e == nil {
		return value.Value{}
	}
	return e.classify(0)
}

func (e *Expr) classify(depth int) value.Value {
	s, n := e.syn(), e.inner()
	if depth > maxFollow {
		return value.Value{Kind: value.Unknown, Span: e.Span}
	}
	expr := value.Value{Kind: value.Expr, Ref: e.Text, Span: e.Span}
	switch k := s.kind(n); k {
	case "string", "concatenated_string", "binary_operator":
		if k == "binary_operator" {
			op := strings.TrimSpace(s.text(s.child(n, "operator")))
			if op != "+" {
				return expr
			}
		}
		parts, ok := e.stringParts(depth)
		if !ok {
			return expr
		}
		return classifyParts(e, parts, depth)
	case "true", "false", "none", "integer", "float":
		return value.Value{Kind: value.Literal, Text: e.m.syn.text(n), Span: e.m.span(n)}
	case "identifier":
		if r := e.follow(); r != nil {
			return r.classify(depth + 1)
		}
		return expr
	case "subscript":
		obj := e.wrap(s.child(n, "value"))
		q := obj.Name()
		if q == "os.environ" {
			v := value.Value{Kind: value.EnvRef, Span: e.Span}
			if key, ok := e.wrap(s.child(n, "subscript")).String(); ok {
				v.Ref = key
			} else {
				v.Ref = s.text(s.child(n, "subscript"))
			}
			return v
		}
		if ov := obj.classify(depth + 1); ov.Kind == value.SecretRef || ov.Kind == value.EnvRef {
			ov.Span = e.Span
			return ov
		}
		return expr
	case "attribute":
		obj, attr, _ := e.Attr()
		if ov := obj.classify(depth + 1); ov.Kind == value.SecretRef {
			ov.Span = e.Span
			return ov
		}
		_ = attr
		return expr
	case "call":
		return e.classifyCall(depth)
	case "ERROR":
		return value.Value{Kind: value.Unknown, Span: e.Span}
	}
	return expr
}

func classifyParts(e *Expr, parts []Part, depth int) value.Value {
	var b strings.Builder
	lit := true
	var interp []*Expr
	for _, p := range parts {
		if p.Expr != nil {
			lit = false
			interp = append(interp, p.Expr)
			continue
		}
		b.WriteString(p.Text)
	}
	span := source.Span{Start: parts[0].Span.Start, End: parts[len(parts)-1].Span.End}
	if lit {
		text := b.String()
		if value.IsTemplate(text) {
			return value.Value{Kind: value.Template, Text: text, Span: span}
		}
		return value.Value{Kind: value.Literal, Text: text, Span: span}
	}
	if len(parts) == 1 && len(interp) == 1 {
		v := interp[0].classify(depth + 1)
		if v.Kind == value.EnvRef || v.Kind == value.SecretRef {
			return v
		}
	}
	return value.Value{Kind: value.Expr, Text: e.m.file.Text(span), Ref: e.Text, Span: span}
}

// envCalls read an environment variable: first argument the name, second the default.
var envCalls = map[string]bool{"os.getenv": true, "os.environ.get": true, "os.getenvb": true, "os.environ.setdefault": true}

func (e *Expr) classifyCall(depth int) value.Value {
	c := e.Call()
	expr := value.Value{Kind: value.Expr, Ref: e.Text, Span: e.Span}
	if c == nil {
		return expr
	}
	name := c.Name
	if envCalls[name] {
		v := value.Value{Kind: value.EnvRef, Span: e.Span}
		if a := c.ArgOrKeyword(0, "key"); a != nil {
			if key, ok := a.String(); ok {
				v.Ref = key
			} else {
				v.Ref = a.Text
			}
		}
		if d := c.ArgOrKeyword(1, "default"); d != nil {
			if dv := d.classify(depth + 1); dv.Kind == value.Literal {
				v.Default = &dv
			}
		}
		return v
	}
	switch name {
	case "pydantic.SecretStr", "pydantic.SecretBytes":
		if a := c.Arg(0); a != nil {
			if v := a.classify(depth + 1); v.Kind != value.Expr && v.Kind != value.Unknown {
				return v
			}
		}
		return value.Value{Kind: value.SecretRef, Ref: e.Text, Span: e.Span}
	case "str":
		if a := c.Arg(0); a != nil {
			return a.classify(depth + 1)
		}
	}
	if secretStoreCall(c) {
		v := value.Value{Kind: value.SecretRef, Ref: e.Text, Span: e.Span}
		if a := c.Arg(0); a != nil {
			if key, ok := a.String(); ok {
				v.Ref = key
			}
		} else if k := c.Keywords; len(k) > 0 {
			if key, ok := k[0].Value.String(); ok {
				v.Ref = key
			}
		}
		return v
	}
	// a method on a secret reference (Variable.get("x").strip(), EnvVar("X").get_value())
	if c.Receiver != nil {
		if rv := c.Receiver.classify(depth + 1); rv.Kind == value.SecretRef {
			rv.Span = e.Span
			return rv
		}
	}
	return expr
}

// secretStoreCall reports whether c reads a secret store (or builds a reference to one).
func secretStoreCall(c *Call) bool {
	name := c.Name
	switch name {
	case "airflow.models.Variable.get", "airflow.models.Variable.get_variable_from_secrets",
		"airflow.hooks.base.BaseHook.get_connection", "airflow.models.Connection.get_connection_from_secrets",
		"prefect.variables.Variable.get", "prefect.variables.Variable.aget",
		"dagster.EnvVar", "dagster.EnvVar.get_value", "dagster.EnvVar.int",
		"azure.keyvault.secrets.SecretClient.get_secret",
		"google.cloud.secretmanager.SecretManagerServiceClient.access_secret_version",
		"google.cloud.secretmanager_v1.SecretManagerServiceClient.access_secret_version":
		return true
	}
	if strings.HasPrefix(name, "hvac.Client.") && (strings.Contains(name, ".secrets.") || strings.HasSuffix(name, ".read")) {
		return true
	}
	if (strings.HasPrefix(name, "prefect") || strings.HasPrefix(name, "prefect_")) && strings.HasSuffix(name, ".load") {
		return true // Secret.load, AwsCredentials.load, any block
	}
	if strings.HasPrefix(name, "prefect.blocks.system.Secret.") {
		return true
	}
	switch c.Method() {
	case "get_secret_value", "access_secret_version", "read_secret_version", "get_secret":
		// boto3 secretsmanager, GCP, Vault, Azure: also when the client could not be resolved,
		// but not on pydantic's SecretStr (that is the value itself, handled by taint)
		return !strings.HasPrefix(name, "pydantic.")
	case "get_parameter", "get_parameters":
		return strings.HasPrefix(name, "boto3")
	}
	return false
}
