package rules

// Helpers shared by the tls rules: where traffic goes (local, in-cluster, remote or allowed by the
// user), what a URL says about transport security, which credentials travel with a request, and
// the environment-style settings (PREFECT_*, CELERY_*, AIRFLOW_CONN_*) of every config format.

import (
	"encoding/json"
	"net"
	"net/url"
	"path"
	"sort"
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
// Hosts

// hostScope says where traffic to a host goes.
type hostScope int

const (
	// hostUnknown is a host that cannot be judged: empty (a Unix socket, the driver's default),
	// templated or interpolated. Never reported.
	hostUnknown hostScope = iota
	// hostLocal is the same machine: localhost, 127.0.0.0/8, ::1, host.docker.internal. Exempt.
	hostLocal
	// hostAllowed matches the user's `allowed-hosts` option. Exempt.
	hostAllowed
	// hostInCluster is a single-label name (a docker-compose service, a Kubernetes service in the
	// same namespace) or *.svc.cluster.local: still plaintext on the bridge or pod network, so
	// reported at low severity rather than dropped.
	hostInCluster
	// hostRemote is anything else.
	hostRemote
)

// classifyHost judges a host name or address as written in a URL or a setting.
func classifyHost(pass *Pass, host string) hostScope {
	h := strings.ToLower(strings.TrimSpace(host))
	h = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(h, "."), "["), "]")
	if h == "" || strings.ContainsAny(h, "{}$%<>()` /\\") {
		return hostUnknown
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "host.docker.internal" ||
		h == "gateway.docker.internal" || h == "host.containers.internal" || h == "0.0.0.0" || h == "::" {
		return hostLocal
	}
	if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return hostLocal
	}
	if pass != nil && hostMatches(h, pass.Options.Strings("allowed-hosts")) {
		return hostAllowed
	}
	if net.ParseIP(h) != nil {
		return hostRemote
	}
	if !strings.Contains(h, ".") || strings.HasSuffix(h, ".svc.cluster.local") || strings.HasSuffix(h, ".svc") ||
		strings.HasSuffix(h, ".cluster.local") {
		return hostInCluster
	}
	return hostRemote
}

// hostMatches reports whether host matches one of the allowed-hosts patterns: an exact name or
// address, `*.example.com` / `.example.com` for any subdomain, or a CIDR block.
func hostMatches(host string, patterns []string) bool {
	ip := net.ParseIP(host)
	for _, p := range patterns {
		p = strings.ToLower(strings.TrimSpace(p))
		switch {
		case p == "":
		case p == host:
			return true
		case strings.HasPrefix(p, "*.") || strings.HasPrefix(p, "."):
			suffix := strings.TrimPrefix(p, "*")
			if strings.HasSuffix(host, suffix) || host == suffix[1:] {
				return true
			}
		case strings.Contains(p, "/") && ip != nil:
			if _, n, err := net.ParseCIDR(p); err == nil && n.Contains(ip) {
				return true
			}
		}
	}
	return false
}

// scopeSeverity returns the severity of a plaintext or unverified connection to a host of the
// given scope, and whether it is reported at all: local and allowed hosts are not, in-cluster
// hosts are low, remote hosts get base, or high when credentials travel with the traffic.
func scopeSeverity(scope hostScope, base Severity, creds bool) (Severity, bool) {
	switch scope {
	case hostRemote:
		if creds && base < High {
			return High, true
		}
		return base, true
	case hostInCluster:
		return Low, true
	}
	return 0, false
}

// scopeWhere describes a host for messages.
func scopeWhere(scope hostScope, host string) string {
	h := sanitizeName(host)
	if scope == hostInCluster {
		return "in-cluster host `" + h + "`"
	}
	return "`" + h + "`"
}

// ---------------------------------------------------------------------------------------------
// URLs

// endpoint is what a URL says about where and how traffic goes. Offsets are byte offsets into the
// parsed text.
type endpoint struct {
	Scheme   string // lower-case, "" when the text is not a URL
	Host     string
	Port     string
	User     string
	Password bool // the userinfo holds a non-empty password
	PassFrom int
	PassTo   int
	Path     string
	Query    url.Values // keys as written; use queryGet for case-insensitive reads
}

// parseEndpoint reads scheme://[user[:password]@]host[:port][/path][?query] the way Python's
// urlsplit does (the authority ends at the first '/', '?' or '#'; the userinfo is everything
// before its last '@'). Templates in the text make the host unknown, not the URL invalid.
func parseEndpoint(s string) (endpoint, bool) {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "://")
	if i <= 0 || !isScheme(s[:i]) {
		return endpoint{}, false
	}
	e := endpoint{Scheme: strings.ToLower(s[:i])}
	start := i + 3
	end := len(s)
	if j := strings.IndexAny(s[start:], "/?#"); j >= 0 {
		end = start + j
	}
	auth := s[start:end]
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		ui := auth[:at]
		user, pw, hasPw := strings.Cut(ui, ":")
		e.User = user
		if hasPw && pw != "" {
			e.Password, e.PassFrom, e.PassTo = true, start+len(user)+1, start+at
		}
		auth = auth[at+1:]
	}
	if strings.HasPrefix(auth, "[") {
		if k := strings.IndexByte(auth, ']'); k > 0 {
			e.Host = auth[1:k]
			e.Port = strings.TrimPrefix(auth[k+1:], ":")
		}
	} else if h, p, ok := strings.Cut(auth, ":"); ok && !strings.Contains(p, ":") {
		e.Host, e.Port = h, p
	} else {
		e.Host = auth
	}
	rest := s[end:]
	if k := strings.IndexByte(rest, '#'); k >= 0 {
		rest = rest[:k]
	}
	p, q, _ := strings.Cut(rest, "?")
	e.Path = p
	e.Query, _ = url.ParseQuery(q)
	return e, true
}

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (s[i] >= '0' && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// queryGet returns the first value of a query parameter, matching its name case-insensitively.
func (e endpoint) queryGet(names ...string) (string, bool) {
	keys := make([]string, 0, len(e.Query))
	for k := range e.Query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, n := range names {
		for _, k := range keys {
			if strings.EqualFold(k, n) && len(e.Query[k]) > 0 {
				return e.Query[k][0], true
			}
		}
	}
	return "", false
}

// baseScheme is the transport part of a scheme: postgresql+psycopg2 → postgresql, db+redis → redis.
func (e endpoint) baseScheme() string {
	s := strings.TrimPrefix(e.Scheme, "db+")
	s, _, _ = strings.Cut(s, "+")
	return s
}

// passwordSpan is the span of the URL's password inside value v, when v's text is written as is
// in the file (no escapes or quotes in between); else v's whole span.
func passwordSpan(f *source.File, v value.Value, e endpoint) source.Span {
	if !e.Password {
		return source.Span{}
	}
	if f.Text(v.Span) == v.Text {
		return f.Span(v.Span.Start.Offset+e.PassFrom, v.Span.Start.Offset+e.PassTo)
	}
	return v.Span
}

// libpqWeakSSLModes are sslmode values that allow a plaintext connection.
var libpqWeakSSLModes = map[string]bool{"disable": true, "allow": true, "prefer": true}

// urlTLSOff says whether a database or broker URL turns TLS off in its query: libpq sslmode
// disable/allow/prefer, MySQL ssl_disabled=true / ssl-mode=DISABLED, ssl=false / tls=false. It
// returns the parameter as written ("sslmode=disable").
func urlTLSOff(e endpoint) (string, bool) {
	if m, ok := e.queryGet("sslmode"); ok && libpqWeakSSLModes[strings.ToLower(m)] {
		return "sslmode=" + m, true
	}
	if m, ok := e.queryGet("ssl_mode", "ssl-mode"); ok && strings.EqualFold(m, "disabled") {
		return "ssl_mode=" + m, true
	}
	if m, ok := e.queryGet("ssl_disabled"); ok && configTrue(value.Value{Kind: value.Literal, Text: m}) {
		return "ssl_disabled=" + m, true
	}
	for _, k := range []string{"ssl", "tls"} {
		if m, ok := e.queryGet(k); ok && configFalse(value.Value{Kind: value.Literal, Text: m}) {
			return k + "=" + m, true
		}
	}
	return "", false
}

// literalText returns the text of a literal value, or of the literal default of an env reference
// (${VAR:-default} is judged like a literal), and whether there is one.
func literalText(v value.Value) (string, bool) {
	switch {
	case v.Kind == value.Literal:
		return v.Text, true
	case v.Kind == value.EnvRef && v.Default != nil:
		return v.Default.Text, true
	}
	return "", false
}

// ---------------------------------------------------------------------------------------------
// Python requests and their credentials

// credential is something secret that travels with a request.
type credential struct {
	What string // "basic-auth credentials", "an `Authorization` header"
	Rel  *Related
}

// credentialHeaders are header names (lower-case) that carry a credential.
var credentialHeaders = map[string]bool{"authorization": true, "proxy-authorization": true, "x-api-key": true,
	"api-key": true, "apikey": true, "x-auth-token": true, "x-access-token": true, "cookie": true,
	"private-token": true, "x-vault-token": true, "dagster-cloud-api-token": true, "x-api-token": true}

// callCredential finds the credential a client call or constructor sends: auth=, a credential
// header, a secret-carrying body or a password in the URL. nil when none is seen.
func callCredential(pass *Pass, m *python.Module, c *python.Call, urlArg *python.Expr) *credential {
	rel := func(e *python.Expr, msg string) *Related {
		if o, ok := m.Tainted(e); ok && !o.Span.IsZero() {
			return &Related{Path: pass.File.Path, Span: o.Span, Message: "the credential comes from `" + sanitizeName(o.Desc) + "`"}
		}
		return &Related{Path: pass.File.Path, Span: e.Span, Message: msg}
	}
	if k := c.Keyword("auth"); k != nil && !k.Value.IsNone() {
		return &credential{What: "basic-auth credentials", Rel: rel(k.Value, "the credentials")}
	}
	if k := c.Keyword("headers"); k != nil {
		for _, p := range k.Value.Dict() {
			if credentialHeaders[strings.ToLower(p.KeyText)] {
				return &credential{What: article(p.KeyText) + " `" + sanitizeName(p.KeyText) + "` header", Rel: rel(p.Value, "the header value")}
			}
		}
		if _, ok := m.Tainted(k.Value); ok {
			return &credential{What: "secret headers", Rel: rel(k.Value, "the headers")}
		}
	}
	if urlArg != nil {
		if s, ok := urlArg.String(); ok {
			if e, ok := parseEndpoint(s); ok && e.Password {
				return &credential{What: "the password in the URL", Rel: &Related{Path: pass.File.Path, Span: urlArg.Span, Message: "the URL"}}
			}
		}
		if _, ok := m.Tainted(urlArg); ok {
			return &credential{What: "a secret in the URL", Rel: rel(urlArg, "the URL")}
		}
	}
	for _, kw := range []string{"data", "json", "params", "cookies", "token", "api_key", "password"} {
		if k := c.Keyword(kw); k != nil {
			if _, ok := m.Tainted(k.Value); ok {
				return &credential{What: "a secret in `" + kw + "`", Rel: rel(k.Value, "the secret")}
			}
		}
	}
	return nil
}

// related returns the credential's related location as a slice (nil without one).
func (c *credential) related() []Related {
	if c == nil || c.Rel == nil {
		return nil
	}
	return []Related{*c.Rel}
}

// exprHost returns the host of a URL expression: a literal, or the literal start of an f-string
// or concatenation ("http://api.example.com/" + path). ok is false when no host can be read.
func exprURL(e *python.Expr) (endpoint, bool) {
	if e == nil {
		return endpoint{}, false
	}
	if s, ok := e.String(); ok {
		return parseEndpoint(s)
	}
	parts, ok := e.Resolve().Parts()
	if !ok || len(parts) == 0 || parts[0].Expr != nil {
		return endpoint{}, false
	}
	lead := parts[0].Text
	ep, ok := parseEndpoint(lead)
	if !ok {
		return endpoint{}, false
	}
	// the host must be complete in the literal part: followed by '/', ':' or the end of a part
	rest := lead[strings.Index(lead, "://")+3:]
	if !strings.ContainsAny(rest, "/:?") && len(parts) > 1 {
		return endpoint{}, false
	}
	return ep, true
}

// pyTrue and pyFalse read a keyword value as a Python boolean, also written as a string ("false").
func pyFalse(e *python.Expr) bool {
	if e == nil {
		return false
	}
	if e.IsFalse() {
		return true
	}
	if s, ok := e.String(); ok {
		return configFalse(value.Value{Kind: value.Literal, Text: s})
	}
	return false
}

func pyTrue(e *python.Expr) bool {
	if e == nil {
		return false
	}
	if e.IsTrue() {
		return true
	}
	if s, ok := e.String(); ok {
		return configTrue(value.Value{Kind: value.Literal, Text: s})
	}
	return false
}

// kwSpan is where a finding on a keyword argument points: name through value.
func kwSpan(k *python.Keyword) source.Span { return k.NameSpan.To(k.Value.Span) }

// ---------------------------------------------------------------------------------------------
// Environment-style settings in every config format

// envVar is one NAME=value found in a dotenv file, a compose or Kubernetes env list, a Helm
// values env map or a TOML profile. Scope groups the variables of one process (one compose
// service, one container, one profile).
type envVar struct {
	Name    string
	KeySpan source.Span
	Value   value.Value
	Scope   string
}

// envVars lists the environment-style variables a configuration document sets.
func envVars(doc source.Document) []envVar {
	var out []envVar
	switch d := doc.(type) {
	case *dotenv.File:
		for _, v := range d.Vars() {
			out = append(out, envVar{v.Name, v.NameSpan, v.Value, ""})
		}
	case *yaml.Stream, *toml.File:
		for _, e := range doc.(airflow.Entrier).Entries() {
			k := e.Key()
			if !isEnvLikeName(k) {
				continue
			}
			scope := strings.Join(e.Path[:len(e.Path)-1], "\x00")
			if _, ok := doc.(*yaml.Stream); ok {
				scope = string(rune('0'+e.Doc%10)) + "\x00" + scope
			}
			out = append(out, envVar{k, e.KeySpan, e.Value, scope})
		}
	}
	return out
}

// isEnvLikeName reports whether k looks like an environment variable name (upper-case words).
func isEnvLikeName(k string) bool {
	if k == "" || k[0] >= '0' && k[0] <= '9' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// tlsPrefectScopes groups the Prefect settings of a document by process, like prefectScopes, and
// also reads YAML (compose services, Kubernetes containers, Helm env maps): each env list or map
// is one scope.
func tlsPrefectScopes(doc source.Document) [][]prefectSetting {
	if _, ok := doc.(*yaml.Stream); !ok {
		return prefectScopes(doc)
	}
	by := map[string][]prefectSetting{}
	var order []string
	for _, v := range envVars(doc) {
		s, ok := prefect.SettingFromEnv(v.Name)
		if !ok {
			continue
		}
		if _, seen := by[v.Scope]; !seen {
			order = append(order, v.Scope)
		}
		by[v.Scope] = append(by[v.Scope], prefectSetting{s, v.KeySpan, v.Value})
	}
	var out [][]prefectSetting
	for _, k := range order {
		out = append(out, by[k])
	}
	if hs := prefectHelmSettings(doc.(*yaml.Stream)); len(hs) > 0 {
		out = append(out, hs)
	}
	return out
}

// prefectHelmSettings reads the values of the Prefect charts that become settings in the pods
// the charts deploy (worker.selfHostedServerApiConfig.apiUrl is PREFECT_API_URL), as one scope.
func prefectHelmSettings(s *yaml.Stream) []prefectSetting {
	if s.Kind() != yaml.PrefectHelm {
		return nil
	}
	var out []prefectSetting
	for _, e := range s.Entries() {
		st, gate, ok := prefect.SettingFromHelmValue(e.Path)
		if !ok || e.Value.Kind == value.Literal && strings.TrimSpace(e.Value.Text) == "" {
			continue
		}
		if gate != "" {
			on, set := s.Documents()[e.Doc].Path(strings.Split(gate, ".")...).Bool()
			if !set || !on { // the charts default these to off
				continue
			}
		}
		out = append(out, prefectSetting{st, e.KeySpan, e.Value})
	}
	return out
}

// tlsPrefectHook adapts a check over Prefect settings scopes to a document hook of any format.
func tlsPrefectHook[D source.Document](check func(*Pass, []prefectSetting)) func(*Pass, D) error {
	return func(p *Pass, d D) error {
		for _, scope := range tlsPrefectScopes(d) {
			if len(scope) > 0 {
				check(p, scope)
			}
		}
		return nil
	}
}

// envHook adapts a check over the environment-style variables of a document to a hook.
func envHook[D source.Document](check func(*Pass, []envVar)) func(*Pass, D) error {
	return func(p *Pass, d D) error {
		if vs := envVars(d); len(vs) > 0 {
			check(p, vs)
		}
		return nil
	}
}

// ---------------------------------------------------------------------------------------------
// Airflow connections

// airflowConn is an Airflow connection defined outside the metadata database: an AIRFLOW_CONN_*
// variable (URI or JSON), an entry of a connections export (JSON), or Connection(...) in Python.
type airflowConn struct {
	ID       string
	Type     string // conn_type, lower-case
	Host     string
	Schema   string
	Login    bool
	Password bool
	Extra    map[string]any // decoded extras
	Span     source.Span    // where findings point: the value or the extra
	// ExtraSpans locate single extras when they are written as separate keys (a dict literal, a
	// JSON object); other extras point at Span.
	ExtraSpans map[string]source.Span
	URI        *endpoint
}

// connFromValue reads an AIRFLOW_CONN_* value: a JSON object or a URI.
func connFromValue(id string, v value.Value) (airflowConn, bool) {
	text, ok := literalText(v)
	if !ok {
		return airflowConn{}, false
	}
	text = strings.TrimSpace(text)
	c := airflowConn{ID: id, Span: v.Span, Extra: map[string]any{}}
	if strings.HasPrefix(text, "{") {
		var obj map[string]any
		if json.Unmarshal([]byte(text), &obj) != nil {
			return airflowConn{}, false
		}
		connFromMap(&c, obj)
		return c, true
	}
	e, ok := parseEndpoint(text)
	if !ok {
		return airflowConn{}, false
	}
	c.URI = &e
	c.Type = strings.ReplaceAll(e.Scheme, "-", "_")
	c.Host = e.Host
	c.Schema = strings.TrimPrefix(e.Path, "/")
	c.Login, c.Password = e.User != "", e.Password
	for k, vs := range e.Query {
		if k == "__extra__" && len(vs) > 0 {
			var obj map[string]any
			if json.Unmarshal([]byte(vs[0]), &obj) == nil {
				for ek, ev := range obj {
					c.Extra[ek] = ev
				}
			}
			continue
		}
		if len(vs) > 0 {
			c.Extra[k] = vs[0]
		}
	}
	return c, true
}

// connFromMap fills a connection from a decoded JSON object (conn_type, host, extra, ...).
func connFromMap(c *airflowConn, obj map[string]any) {
	if c.Extra == nil {
		c.Extra = map[string]any{}
	}
	str := func(k string) string { s, _ := obj[k].(string); return s }
	c.Type = strings.ToLower(str("conn_type"))
	c.Host = str("host")
	c.Schema = str("schema")
	c.Login = str("login") != ""
	c.Password = str("password") != ""
	switch x := obj["extra"].(type) {
	case map[string]any:
		for k, v := range x {
			c.Extra[k] = v
		}
	case string:
		var m map[string]any
		if json.Unmarshal([]byte(x), &m) == nil {
			for k, v := range m {
				c.Extra[k] = v
			}
		}
	}
}

// extraBool reads an extra as a boolean (JSON true/false or "true"/"false" strings).
func (c airflowConn) extraBool(key string) (b, ok bool) {
	switch x := c.Extra[key].(type) {
	case bool:
		return x, true
	case string:
		return configBool(value.Value{Kind: value.Literal, Text: x})
	}
	return false, false
}

// extraString reads a string extra.
func (c airflowConn) extraString(key string) (string, bool) {
	s, ok := c.Extra[key].(string)
	return s, ok
}

// envConns lists the AIRFLOW_CONN_* connections of a configuration document.
func envConns(doc source.Document) []airflowConn {
	var out []airflowConn
	for _, v := range envVars(doc) {
		if kind, id := airflow.ParseResourceEnv(v.Name); kind == airflow.Connection {
			if c, ok := connFromValue(id, v.Value); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// pyConns lists Connection(...) calls of a Python module with their extras when written as a
// dict literal, json.dumps of one, or a JSON string.
func pyConns(m *python.Module) []airflowConn {
	var out []airflowConn
	for _, c := range m.Calls() {
		if c.Name != "airflow.models.Connection" {
			continue
		}
		ac := airflowConn{Span: c.Span, Extra: map[string]any{}}
		if k := c.Keyword("conn_id"); k != nil {
			ac.ID, _ = k.Value.String()
		}
		if k := c.Keyword("uri"); k != nil {
			if s, ok := k.Value.String(); ok {
				if u, ok := connFromValue(ac.ID, value.Value{Kind: value.Literal, Text: s, Span: k.Value.Span}); ok {
					out = append(out, u)
				}
			}
			continue
		}
		if k := c.Keyword("conn_type"); k != nil {
			s, _ := k.Value.String()
			ac.Type = strings.ToLower(s)
		}
		if k := c.Keyword("host"); k != nil {
			ac.Host, _ = k.Value.String()
		}
		if k := c.Keyword("schema"); k != nil {
			ac.Schema, _ = k.Value.String()
		}
		ac.Login = c.Keyword("login") != nil
		ac.Password = c.Keyword("password") != nil
		if k := c.Keyword("extra"); k != nil {
			ac.Span = k.Value.Span
			ex := k.Value.Resolve()
			if cl := ex.Call(); cl != nil && cl.Name == "json.dumps" && cl.Arg(0) != nil {
				ex = cl.Arg(0)
			}
			if s, ok := ex.String(); ok {
				_ = json.Unmarshal([]byte(s), &ac.Extra)
			} else {
				for _, p := range ex.Dict() {
					if ac.ExtraSpans == nil {
						ac.ExtraSpans = map[string]source.Span{}
					}
					ac.ExtraSpans[p.KeyText] = p.KeySpan.To(p.Value.Span)
					switch {
					case p.Value.IsTrue():
						ac.Extra[p.KeyText] = true
					case p.Value.IsFalse():
						ac.Extra[p.KeyText] = false
					default:
						if s, ok := p.Value.String(); ok {
							ac.Extra[p.KeyText] = s
						}
					}
				}
			}
		}
		out = append(out, ac)
	}
	return out
}

// jsonConns lists the connections of a JSON document: every object with a string conn_type
// (a connections export keyed by conn_id, a list, or a single connection), with the spans of
// extras written as an object.
func jsonConns(root *jsonx.Node) []airflowConn {
	var out []airflowConn
	var walk func(n *jsonx.Node, id string, depth int)
	walk = func(n *jsonx.Node, id string, depth int) {
		if n == nil || depth > 32 {
			return
		}
		switch n.Kind {
		case jsonx.Object:
			if t := n.Get("conn_type"); t.IsString() {
				out = append(out, jsonConn(n, id))
				return
			}
			for _, m := range n.Members {
				walk(m.Value, m.Key, depth+1)
			}
		case jsonx.Array:
			for _, it := range n.Items {
				walk(it, "", depth+1)
			}
		}
	}
	walk(root, "", 0)
	return out
}

func jsonConn(n *jsonx.Node, id string) airflowConn {
	c := airflowConn{ID: id, Span: n.Get("conn_type").Span, Extra: map[string]any{}}
	if s := n.Get("conn_id"); s.IsString() {
		c.ID = s.Text
	}
	str := func(k string) string {
		if v := n.Get(k); v.IsString() {
			return v.Text
		}
		return ""
	}
	c.Type, c.Host, c.Schema = strings.ToLower(str("conn_type")), str("host"), str("schema")
	c.Login, c.Password = str("login") != "", str("password") != ""
	ex := n.Get("extra")
	switch {
	case ex == nil:
	case ex.Kind == jsonx.Object:
		c.Span = ex.Span
		c.ExtraSpans = map[string]source.Span{}
		for _, m := range ex.Members {
			switch m.Value.Kind {
			case jsonx.Bool:
				c.Extra[m.Key] = m.Value.Text == "true"
			case jsonx.String:
				c.Extra[m.Key] = m.Value.Text
			default:
				continue
			}
			c.ExtraSpans[m.Key] = m.KeySpan.To(m.Value.Span)
		}
	case ex.IsString():
		c.Span = ex.TextSpan
		_ = json.Unmarshal([]byte(ex.Text), &c.Extra)
	}
	return c
}

// extraSpan is where a finding on extra key points.
func (c airflowConn) extraSpan(key string) source.Span {
	if s, ok := c.ExtraSpans[key]; ok {
		return s
	}
	return c.Span
}

// baseName is the lower-cased file name of a document.
func baseName(doc source.Document) string { return strings.ToLower(path.Base(doc.File().Path)) }

// httpMockDecorators are decorators under which requests and httpx calls never reach the network:
// the mocking library answers them (demo pipelines fake their APIs this way).
var httpMockDecorators = map[string]bool{"responses.activate": true, "respx.mock": true,
	"httpretty.activate": true, "requests_mock.mock": true, "requests_mock.Mocker": true,
	"httpretty.httprettified": true}

// inMockedHTTP reports whether fn, or a function it is nested in, has an HTTP-mocking decorator.
func inMockedHTTP(fn *python.Function) bool {
	for ; fn != nil; fn = fn.Parent {
		for _, d := range fn.Decorators {
			if httpMockDecorators[d.Name] {
				return true
			}
		}
	}
	return false
}

// article is "an" before a word that starts with a vowel letter, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}
