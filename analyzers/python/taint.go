package python

import (
	"strings"
	"sync"
	"unicode"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// OriginKind says why a value is taken to be a secret.
type OriginKind uint8

// Origin kinds, from most to least certain.
const (
	OriginNone        OriginKind = iota
	OriginSecretStore            // read from a secret store or a connection: Variable.get, Secret.load().get(), conn.password
	OriginEnv                    // read from a credential-named environment variable
	OriginName                   // a variable, parameter, attribute or key whose name says it holds a credential
)

var originNames = [...]string{"", "secret-store", "env", "name"}

func (k OriginKind) String() string {
	if int(k) < len(originNames) {
		return originNames[k]
	}
	return ""
}

// Origin is where a secret comes from. Desc is the source expression as written (never a secret
// value: for a credential-named constant it is the name), Span its location for a SARIF related
// location.
type Origin struct {
	Kind OriginKind
	Desc string
	Span source.Span
}

// SinkKind says where a secret flows to.
type SinkKind uint8

// Sink kinds.
const (
	SinkLog      SinkKind = iota + 1 // an argument of a log call (LogSink)
	SinkPrint                        // an argument of print
	SinkRaise                        // an argument of the exception in a raise statement
	SinkReturn                       // a function's return value (task results go to XCom / results storage)
	SinkMetadata                     // Dagster metadata (metadata=..., add_output_metadata)
)

var sinkNames = [...]string{"", "log", "print", "raise", "return", "metadata"}

func (k SinkKind) String() string {
	if int(k) < len(sinkNames) {
		return sinkNames[k]
	}
	return ""
}

// Flow is a secret reaching a sink. Call is the sink call (nil for SinkReturn), Arg the tainted
// expression, Func the enclosing function.
type Flow struct {
	Sink   SinkKind
	Log    LogKind
	Call   *Call
	Arg    *Expr
	Origin *Origin
	Func   *Function
}

type taintRes struct {
	o    *Origin
	safe bool // explicitly made safe (sanitised, a boolean, a number, None)
}

type taintState struct {
	mu    sync.Mutex
	memo  map[nid]taintRes
	busy  map[nid]bool
	fret  map[*Function]taintRes
	fbusy map[*Function]bool
	// callers indexes same-module calls by the function they invoke (built on first use)
	callers map[*Function][]*Call
	flows   []*Flow
	once    sync.Once
}

func (m *Module) taints() *taintState {
	m.taintOnce.Do(func() {
		m.taint = &taintState{memo: map[nid]taintRes{}, busy: map[nid]bool{}, fret: map[*Function]taintRes{}, fbusy: map[*Function]bool{}}
	})
	return m.taint
}

// Tainted reports whether e carries a secret, and where it comes from.
func (m *Module) Tainted(e *Expr) (*Origin, bool) {
	if e == nil || e.m != m {
		return nil, false
	}
	st := m.taints()
	st.mu.Lock()
	defer st.mu.Unlock()
	r := m.taintOf(e.n, e.sc, 0)
	return r.o, r.o != nil
}

// SecretFlows lists the secrets reaching log calls, print, raised exceptions, return values and
// Dagster metadata, in source order.
func (m *Module) SecretFlows() []*Flow {
	st := m.taints()
	st.once.Do(func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.flows = m.computeFlows()
	})
	return st.flows
}

func (m *Module) computeFlows() []*Flow {
	var out []*Flow
	add := func(sink SinkKind, lk LogKind, c *Call, f *Function, e *Expr) {
		if e == nil {
			return
		}
		if r := m.taintOf(e.n, e.sc, 0); r.o != nil {
			out = append(out, &Flow{Sink: sink, Log: lk, Call: c, Arg: e, Origin: r.o, Func: f})
		}
	}
	for _, c := range m.calls {
		if lk, ok := c.LogSink(); ok {
			sink := SinkLog
			if lk == LogPrint {
				sink = SinkPrint
			}
			for _, a := range c.Args {
				add(sink, lk, c, c.Func, a)
			}
			for _, k := range c.Keywords {
				if k.Name != "exc_info" && k.Name != "stacklevel" && k.Name != "file" && k.Name != "sep" && k.Name != "end" {
					add(sink, lk, c, c.Func, k.Value)
				}
			}
			continue
		}
		if c.InRaise {
			for _, a := range c.Args {
				add(SinkRaise, LogNone, c, c.Func, a)
			}
		}
		if meth := c.Method(); strings.HasPrefix(c.Name, "dagster.") || meth == "add_output_metadata" || meth == "add_asset_metadata" {
			if k := c.Keyword("metadata"); k != nil {
				add(SinkMetadata, LogNone, c, c.Func, k.Value)
			}
			if meth == "add_output_metadata" || meth == "add_asset_metadata" {
				add(SinkMetadata, LogNone, c, c.Func, c.Arg(0))
			}
		}
	}
	for _, f := range m.funcs {
		for _, r := range f.returns {
			add(SinkReturn, LogNone, nil, f, r)
		}
	}
	sortFlows(out)
	return out
}

func sortFlows(fs []*Flow) {
	// insertion sort by the sink expression's offset: calls come in source order already, returns
	// are merged in
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Arg.Span.Start.Offset < fs[j-1].Arg.Span.Start.Offset; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func (m *Module) origin(kind OriginKind, n nid) *Origin {
	d := m.syn.text(n)
	if i := strings.IndexAny(d, "\r\n"); i >= 0 {
		d = d[:i] + "…"
	}
	if len(d) > 80 {
		d = d[:80] + "…"
	}
	return &Origin{Kind: kind, Desc: d, Span: m.span(n)}
}

var (
	safe    = taintRes{safe: true}
	unknown = taintRes{}
)

// sanitizers return something that no longer reveals the secret.
var sanitizers = map[string]bool{"len": true, "bool": true, "hash": true, "id": true, "type": true,
	"isinstance": true, "callable": true, "hasattr": true, "int": true, "float": true,
	"airflow.utils.log.secrets_masker.mask_secret": true, "secrets.compare_digest": true,
	"hmac.compare_digest": true, "os.path.exists": true, "os.path.isfile": true}

var sanitizerPrefixes = []string{"hashlib.", "hmac.", "bcrypt.", "passlib.", "argon2.", "cryptography.", "nacl."}

// propagators return their (first) argument transformed but still revealing it.
var propagators = map[string]bool{"str": true, "repr": true, "format": true, "bytes": true,
	"bytearray": true, "dict": true, "list": true, "tuple": true, "set": true, "sorted": true,
	"json.dumps": true, "json.loads": true, "base64.b64encode": true, "base64.b64decode": true,
	"base64.urlsafe_b64encode": true, "base64.urlsafe_b64decode": true, "base64.standard_b64encode": true,
	"urllib.parse.quote": true, "urllib.parse.quote_plus": true, "urllib.parse.urlencode": true,
	"urllib.parse.urlparse": true, "urllib.parse.urlsplit": true, "urllib.parse.unquote": true,
	"pprint.pformat": true, "textwrap.dedent": true, "codecs.encode": true, "codecs.decode": true,
	"typing.cast": true} // cast(str, v) is v

// isDagsterMetadataValue reports whether a call wraps its argument for Dagster metadata
// (MetadataValue.url(x), TextMetadataValue(x)); the value is shown as given.
func isDagsterMetadataValue(name string) bool {
	return strings.HasPrefix(name, "dagster.") && strings.Contains(name, "MetadataValue")
}

// connection attributes that hold the secret, and those that do not.
var connSecretAttrs = map[string]bool{"password": true, "extra": true, "extra_dejson": true, "get_uri": true,
	"get_password": true, "get_extra": true, "get_extra_dejson": true, "uri": true}

var parseSafeAttrs = map[string]bool{"hostname": true, "port": true, "scheme": true, "path": true,
	"fragment": true, "query": true, "params": true, "geturl": false}

// taintOf evaluates node n in scope sc.
func (m *Module) taintOf(n nid, sc *scope, depth int) taintRes {
	if n < 0 || depth > 60 {
		return unknown
	}
	st := m.taint
	if r, ok := st.memo[n]; ok {
		return r
	}
	if st.busy[n] {
		return unknown
	}
	st.busy[n] = true
	r := m.taintEval(n, sc, depth)
	delete(st.busy, n)
	st.memo[n] = r
	return r
}

func (m *Module) taintEval(n nid, sc *scope, depth int) taintRes {
	s := m.syn
	n = s.unparen(n)
	switch s.kind(n) {
	case "identifier":
		return m.taintName(n, sc, depth)
	case "true", "false", "none", "integer", "float", "comparison_operator", "not_operator", "lambda":
		return safe
	case "string", "concatenated_string":
		for i := int(n) + 1; i < len(s.nodes) && s.nodes[i].start < s.nodes[n].end; i++ {
			if s.kind(nid(i)) == "interpolation" && s.parentIs(nid(i), n) {
				if r := m.taintOf(s.child(nid(i), "expression"), sc, depth+1); r.o != nil {
					return r
				}
			}
		}
		return unknown
	case "binary_operator":
		switch strings.TrimSpace(s.text(s.child(n, "operator"))) {
		case "+", "%", "|":
			if r := m.taintOf(s.child(n, "left"), sc, depth+1); r.o != nil {
				return r
			}
			return m.taintOf(s.child(n, "right"), sc, depth+1)
		}
		return unknown
	case "boolean_operator", "conditional_expression", "list", "tuple", "set", "expression_list",
		"list_comprehension", "generator_expression", "set_comprehension", "await", "list_splat", "starred_expression":
		for _, c := range s.namedChildren(n, nil) {
			if s.kind(n) == "conditional_expression" && c != s.firstNamed(n) && c == s.namedChildren(n, nil)[1] {
				continue // the condition
			}
			if r := m.taintOf(c, sc, depth+1); r.o != nil {
				return r
			}
		}
		return unknown
	case "dictionary", "dictionary_comprehension":
		for _, p := range s.namedChildren(n, nil) {
			if v := s.child(p, "value"); v >= 0 {
				if r := m.taintOf(v, sc, depth+1); r.o != nil {
					return r
				}
			}
		}
		return unknown
	case "attribute":
		return m.taintAttr(n, sc, depth)
	case "subscript":
		obj, key := s.child(n, "value"), s.child(n, "subscript")
		if qualifyNode(m, obj, sc, 0) == "os.environ" {
			if k, ok := m.expr(key, sc).String(); ok && isCredentialName(k) {
				return taintRes{o: m.origin(OriginEnv, n)}
			}
			return unknown
		}
		k, literalKey := m.expr(key, sc).String()
		if r := m.taintOf(obj, sc, depth+1); r.o != nil {
			if literalKey && !keepsSecret(k) {
				return unknown // creds["rest_base_url"]: a field of a credential object, not the secret
			}
			return r
		}
		if literalKey && isCredentialName(k) {
			return taintRes{o: m.origin(OriginName, n)}
		}
		return unknown
	case "call":
		return m.taintCall(n, sc, depth)
	}
	return unknown
}

func (s *syntax) parentIs(n, p nid) bool {
	q := s.nodes[n].parent
	return q == p || (q >= 0 && s.nodes[q].parent == p && s.kind(q) == "string")
}

// taintName evaluates a plain name.
func (m *Module) taintName(n nid, sc *scope, depth int) taintRes {
	name := m.syn.text(n)
	for cur := sc; cur != nil; cur = cur.parent {
		b := cur
		if cur.global[name] {
			b = m.top
		}
		p, isParam := b.params[name]
		vs, bound := b.binds[name]
		if !isParam && !bound {
			continue
		}
		anyKnown, allSafe := false, true
		for _, v := range vs {
			if v < 0 {
				allSafe = false
				continue
			}
			r := m.taintOf(v, b, depth+1)
			if r.o != nil {
				return r
			}
			if !r.safe {
				allSafe = false
			} else {
				anyKnown = true
			}
		}
		if len(vs) > 0 && allSafe && anyKnown && !isParam {
			return safe
		}
		if isParam {
			// a name-based guess (SECRET_DCLID) passed for a parameter named as metadata
			// (secret_id) is the secret's name, not the secret
			if r := m.paramTaint(b.fn, name, depth); r.o != nil && (r.o.Kind != OriginName || !namesMetadata(name)) {
				return r
			}
		}
		if isCredentialName(name) {
			if isParam {
				return taintRes{o: &Origin{Kind: OriginName, Desc: name, Span: p.Span}}
			}
			return taintRes{o: m.origin(OriginName, n)}
		}
		return unknown
	}
	if isCredentialName(name) {
		return taintRes{o: m.origin(OriginName, n)}
	}
	return unknown
}

func (m *Module) isConnection(obj nid, sc *scope) bool {
	t := qualifyNode(m, obj, sc, 0)
	if t == "airflow.models.Connection" {
		return true
	}
	e := m.expr(obj, sc).Resolve()
	if c := e.Call(); c != nil {
		return c.Name == "airflow.hooks.base.BaseHook.get_connection" || c.Name == "airflow.models.Connection.get_connection_from_secrets" ||
			strings.HasSuffix(c.Name, ".get_connection")
	}
	return false
}

func (m *Module) taintAttr(n nid, sc *scope, depth int) taintRes {
	s := m.syn
	obj, attr := s.child(n, "object"), s.text(s.child(n, "attribute"))
	if m.isConnection(obj, sc) {
		if connSecretAttrs[attr] {
			return taintRes{o: m.origin(OriginSecretStore, n)}
		}
		return safe // host, login, port, schema, conn_id ...
	}
	objType := qualifyNode(m, obj, sc, 0)
	if objType == "urllib.parse.ParseResult" && parseSafeAttrs[attr] {
		return safe
	}
	if r := m.taintOf(obj, sc, depth+1); r.o != nil {
		if strings.HasPrefix(attr, "is_") || strings.HasPrefix(attr, "has_") {
			return safe
		}
		return r
	}
	if isCredentialName(attr) {
		return taintRes{o: m.origin(OriginName, n)}
	}
	return unknown
}

// valueSecretCalls produce the secret itself (not a reference object such as Secret.load("x")).
func valueSecretCall(c *Call) bool {
	switch c.Name {
	case "airflow.hooks.base.BaseHook.get_connection", "airflow.models.Connection.get_connection_from_secrets",
		"dagster.EnvVar", "airflow.models.Connection":
		return false
	}
	if strings.HasSuffix(c.Name, ".load") && strings.HasPrefix(c.Name, "prefect") {
		return false
	}
	return secretStoreCall(c)
}

func (m *Module) taintCall(n nid, sc *scope, depth int) taintRes {
	s := m.syn
	c := m.callAt[n]
	if c == nil {
		return unknown
	}
	name := c.Name
	if sanitizers[name] {
		return safe
	}
	for _, p := range sanitizerPrefixes {
		if strings.HasPrefix(name, p) {
			return safe
		}
	}
	if name == "dagster.EnvVar.get_value" {
		// EnvVar("X").get_value() reads the environment: a secret only when X names one
		if c.Receiver != nil && isCredentialName(c.Receiver.Value().Ref) {
			return taintRes{o: m.origin(OriginEnv, n)}
		}
		return unknown
	}
	if valueSecretCall(c) {
		return taintRes{o: m.origin(OriginSecretStore, n)}
	}
	if envCalls[name] {
		if a := c.ArgOrKeyword(0, "key"); a != nil {
			if k, ok := a.String(); ok && isCredentialName(k) {
				return taintRes{o: m.origin(OriginEnv, n)}
			}
		}
		return unknown
	}
	method := c.Method()
	if c.Receiver != nil {
		recv := c.Receiver.n
		if m.isConnection(recv, sc) {
			if connSecretAttrs[method] {
				return taintRes{o: m.origin(OriginSecretStore, n)}
			}
			return safe
		}
		if method == "get_secret_value" { // pydantic SecretStr / SecretBytes
			return taintRes{o: m.origin(OriginSecretStore, n)}
		}
		if rv := c.Receiver.Value(); rv.Kind == value.SecretRef && (method == "get" || method == "get_value" || method == "value") {
			return taintRes{o: m.origin(OriginSecretStore, n)}
		}
		if method == "format" || method == "join" || method == "format_map" {
			for _, a := range c.Args {
				if r := m.taintOf(a.n, sc, depth+1); r.o != nil {
					return r
				}
			}
			for _, k := range c.Keywords {
				if r := m.taintOf(k.Value.n, sc, depth+1); r.o != nil {
					return r
				}
			}
		}
		if r := m.taintOf(recv, sc, depth+1); r.o != nil {
			switch method {
			case "startswith", "endswith", "isdigit", "isalpha", "isalnum", "count", "find", "index", "__len__":
				return safe
			case "get", "pop":
				// token_data.get("expires_in") reads a field next to the secret, not the secret
				if k, ok := c.Arg(0).String(); ok && !keepsSecret(k) {
					return unknown
				}
			}
			return r
		}
	}
	if propagators[name] || isDagsterMetadataValue(name) {
		for _, a := range c.Args {
			if r := m.taintOf(a.n, sc, depth+1); r.o != nil {
				return r
			}
		}
		for _, k := range c.Keywords {
			if r := m.taintOf(k.Value.n, sc, depth+1); r.o != nil {
				return r
			}
		}
		return unknown
	}
	if f := m.calledFunction(c); f != nil {
		return m.returnTaint(f, depth)
	}
	_ = s
	return unknown
}

// paramTaint is the taint of what same-module callers pass for parameter name of f
// (report(ctx, password) makes the parameter of report a secret).
func (m *Module) paramTaint(f *Function, name string, depth int) taintRes {
	if f == nil {
		return unknown
	}
	idx := -1
	for i, p := range f.Params {
		if p.Name == name && p.Kind == ParamNormal {
			idx = i
		}
	}
	for _, c := range m.taint.callersOf(m, f) {
		if c.HasSplat {
			continue // *args may shift the positions
		}
		a := c.Arg(idx)
		if k := c.Keyword(name); k != nil {
			a = k.Value
		}
		if a == nil {
			continue
		}
		if r := m.taintOf(a.n, a.sc, depth+1); r.o != nil {
			return r
		}
	}
	return unknown
}

// callersOf lists the calls of the module that invoke the module-level function f by its name
// (methods are left out: self.m(x) shifts the arguments and may dispatch elsewhere).
func (st *taintState) callersOf(m *Module, f *Function) []*Call {
	if st.callers == nil {
		st.callers = map[*Function][]*Call{}
		for _, c := range m.calls {
			g := m.calledFunction(c)
			if g == nil && c.Name == "" && !c.Decorator {
				g = m.funcByName[c.Callee] // a function defined below its caller is not resolved by name
			}
			if g != nil && g.Class == "" && g.Parent == nil {
				st.callers[g] = append(st.callers[g], c)
			}
		}
	}
	return st.callers[f]
}

// returnTaint is the taint of a same-module function's return values.
func (m *Module) returnTaint(f *Function, depth int) taintRes {
	st := m.taint
	if r, ok := st.fret[f]; ok {
		return r
	}
	if st.fbusy[f] {
		return unknown
	}
	st.fbusy[f] = true
	res := unknown
	for _, r := range f.returns {
		if t := m.taintOf(r.n, r.sc, depth+1); t.o != nil {
			res = t
			break
		}
	}
	delete(st.fbusy, f)
	st.fret[f] = res
	return res
}

// credential words: a name holding one of them (as a whole word) may hold a credential
var credWords = map[string]bool{"password": true, "passwd": true, "pwd": true, "passphrase": true,
	"secret": true, "token": true, "apikey": true, "credential": true, "credentials": true, "creds": true,
	"bearer": true, "jwt": true, "privatekey": true}

// key is a credential only after one of these words (api_key, secret_key, private_key)
var keyQualifiers = map[string]bool{"api": true, "secret": true, "private": true, "access": true,
	"fernet": true, "signing": true, "encryption": true, "master": true, "account": true, "client": true,
	"service": true, "auth": true, "app": true, "ssh": true, "sas": true, "storage": true, "subscription": true}

// words that turn a credential-named variable into metadata about the credential
var notSecretWords = map[string]bool{"count": true, "counts": true, "len": true, "length": true, "num": true,
	"number": true, "size": true, "url": true, "uri": true, "policy": true, "id": true, "ids": true,
	"name": true, "names": true, "path": true, "file": true, "filename": true, "dir": true, "type": true,
	"expiry": true, "expires": true, "expiration": true, "ttl": true, "timeout": true, "field": true,
	"header": true, "prefix": true, "suffix": true, "min": true, "max": true, "hash": true, "hashed": true,
	"masked": true, "env": true, "var": true, "key": false, "arn": true, "ref": true, "version": true,
	"endpoint": true, "label": true, "format": true, "pattern": true, "regex": true, "is": true,
	"has": true, "use": true, "required": true, "require": true, "enabled": true, "rotation": true,
	"manager": true, "store": true, "backend": true, "provider": true, "class": true, "mask": true,
	"placeholder": true, "limit": true, "ttl_seconds": true, "location": true, "generator": true,
	"block": true, "variable": true, "kwargs": true, "keys": true, "input": true, "prompt": true,
	"validator": true, "reset": true, "changed": true, "updated": true, "created": true, "at": true}

// isCredentialName reports whether an identifier, attribute or key names a credential:
// password, db_password, api_key, apiKey, AWS_SECRET_ACCESS_KEY, access_token; but not
// token_count, password_policy_url, num_tokens, key_id, secret_name, password_hash.
func isCredentialName(name string) bool {
	words := splitWords(name)
	found := false
	for i, w := range words {
		switch {
		case credWords[w]:
			found = true
		case (w == "key" || w == "keys") && i > 0 && keyQualifiers[words[i-1]]:
			found = true
		case notSecretWords[w]:
			return false
		}
	}
	return found
}

// namesMetadata reports whether a name has a word that makes it metadata about a credential
// (secret_id, token_name, password_file).
func namesMetadata(name string) bool {
	for _, w := range splitWords(name) {
		if notSecretWords[w] {
			return true
		}
	}
	return false
}

// splitWords splits snake_case, kebab-case, dotted and camelCase names into lower-case words.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == '/' || r == ':':
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// secretFieldNames are keys that hold the secret of a secret-store response or credential object
// even though they do not name a credential.
var secretFieldNames = map[string]bool{"value": true, "data": true, "secretstring": true, "secretbinary": true,
	"plaintext": true, "uri": true, "url_with_credentials": true, "dsn": true, "connection_string": true}

// keepsSecret reports whether reading field key of a secret-carrying object still yields a secret:
// credential-named keys and the generic value fields of secret stores do, other fields
// (expires_in, rest_base_url, client_email) do not.
func keepsSecret(key string) bool {
	return isCredentialName(key) || secretFieldNames[strings.ToLower(key)]
}
