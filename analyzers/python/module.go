package python

import (
	"sort"
	"strings"
	"sync"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Module is the model of one Python file. It holds plain Go data only and is safe for concurrent
// use; the taint analysis is computed once, on first use.
type Module struct {
	file       *source.File
	syn        *syntax
	comments   []source.Comment
	errors     []source.SyntaxError
	frameworks Frameworks
	imports    []Import
	calls      []*Call
	assigns    []*Assignment
	funcs      []*Function
	classes    []*Class
	top        *scope
	funcByName map[string]*Function // module-level and method functions by QualName
	callAt     map[nid]*Call

	taintOnce sync.Once
	taint     *taintState
}

// Import is one imported name. Name is the qualified name bound (canonicalised); Local is the name
// it is bound to in the module ("" for a star import).
type Import struct {
	Name  string
	Local string
	Span  source.Span
}

// Call is one call expression. Name is the qualified name of the callee with aliases and
// re-exports resolved ("requests.Session.get", "airflow.models.Variable.get"), "" when unknown;
// a same-module function is its bare name, a builtin its name ("print"). Callee is the callee's
// text as written.
type Call struct {
	Name     string
	Callee   string
	Args     []*Expr // positional arguments, without *splats
	Keywords []*Keyword
	Span     source.Span
	Func     *Function // enclosing function, nil at module level or in a class body
	Expr     *Expr     // the call itself
	Receiver *Expr     // the object of an attribute callee (s in s.get(...)), nil otherwise
	HasSplat bool      // *args or **kwargs were passed
	InRaise  bool      // the call is the exception of a raise statement
	// Decorator is true for a decorator (bare @task as well as @flow(log_prints=True)).
	Decorator bool
}

// Keyword is a keyword argument.
type Keyword struct {
	Name     string
	NameSpan source.Span
	Value    *Expr
}

// Keyword returns the keyword argument called name, or nil.
func (c *Call) Keyword(name string) *Keyword {
	for _, k := range c.Keywords {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Arg returns the i-th positional argument (0-based), or nil.
func (c *Call) Arg(i int) *Expr {
	if i < 0 || i >= len(c.Args) {
		return nil
	}
	return c.Args[i]
}

// ArgOrKeyword returns the keyword argument name, else the i-th positional argument, or nil.
func (c *Call) ArgOrKeyword(i int, name string) *Expr {
	if k := c.Keyword(name); k != nil {
		return k.Value
	}
	return c.Arg(i)
}

// Method is the last component of Name or, when unresolved, of Callee ("get" for s.get).
func (c *Call) Method() string {
	n := c.Name
	if n == "" {
		n = c.Callee
	}
	return n[strings.LastIndexByte(n, '.')+1:]
}

// Assignment is one binding: a plain, annotated, augmented or walrus assignment, including
// attribute and subscript writes. Tuple targets give one Assignment per element when the value is
// a tuple of the same length, else one per target with the whole value.
type Assignment struct {
	Target     string      // target text: "AUTH_ROLE_PUBLIC", "s.verify", "conf['x']"
	Name       string      // qualified target: "requests.Session.verify", "ssl._create_default_https_context"; plain names stay bare; "" when unknown
	TargetSpan source.Span // span of the target
	Op         string      // "=", "+=", ":=", ...
	Value      *Expr
	Func       *Function // enclosing function, nil at module level and in class bodies
	Class      string    // enclosing class body ("" outside one)
	// ModuleLevel is true for assignments at the top level of the module (not in a function or
	// class body, but including inside if/try/with blocks there).
	ModuleLevel bool
}

// Function is a def (or async def), at any depth.
type Function struct {
	Name       string
	QualName   string // "MyOperator.execute", "outer.inner"
	Class      string // enclosing class for methods, else ""
	Decorators []*Call
	Params     []*Param
	Span       source.Span
	NameSpan   source.Span
	Async      bool
	Parent     *Function // enclosing function for nested defs

	m         *Module
	sc        *scope
	calls     []*Call
	returns   []*Expr
	logPrints bool
}

// Calls lists the calls inside the function (not in nested functions), in source order.
func (f *Function) Calls() []*Call { return f.calls }

// Returns lists the values of the function's return statements (bare returns are left out).
func (f *Function) Returns() []*Expr { return f.returns }

// Param returns the parameter called name, or nil.
func (f *Function) Param(name string) *Param {
	for _, p := range f.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Decorator returns the first decorator whose qualified name is one of names, or nil.
func (f *Function) Decorator(names ...string) *Call {
	for _, d := range f.Decorators {
		for _, n := range names {
			if d.Name == n || strings.HasPrefix(d.Name, n+".") {
				return d
			}
		}
	}
	return nil
}

// ParamKind says how a parameter is passed.
type ParamKind uint8

// Parameter kinds.
const (
	ParamNormal  ParamKind = iota
	ParamVarArgs           // *args
	ParamKwOnly            // after * or *args
	ParamVarKw             // **kwargs
)

// Param is a function parameter with its default value and annotation, when written.
type Param struct {
	Name       string
	Span       source.Span
	Kind       ParamKind
	Default    *Expr
	Annotation *Expr
}

// Class is a class definition.
type Class struct {
	Name  string
	Bases []string // qualified names of the bases ("" for unresolved ones)
	Span  source.Span
}

// File returns the file the module was parsed from.
func (m *Module) File() *source.File { return m.file }

// Comments lists every # comment in source order.
func (m *Module) Comments() []source.Comment { return m.comments }

// SyntaxErrors lists the places tree-sitter could not parse; the rest of the model is still built.
func (m *Module) SyntaxErrors() []source.SyntaxError { return m.errors }

// Frameworks returns the frameworks the module imports.
func (m *Module) Frameworks() Frameworks { return m.frameworks }

// ImportList returns every imported name in source order.
func (m *Module) ImportList() []Import { return m.imports }

// Imports reports whether the module imports prefix or anything under it ("requests" matches
// import requests, from requests.adapters import HTTPAdapter).
func (m *Module) Imports(prefix string) bool {
	for _, im := range m.imports {
		if im.Name == prefix || strings.HasPrefix(im.Name, prefix) && len(im.Name) > len(prefix) && im.Name[len(prefix)] == '.' {
			return true
		}
	}
	return false
}

// Calls lists every call in source order, decorators included.
func (m *Module) Calls() []*Call { return m.calls }

// Assignments lists every assignment in source order.
func (m *Module) Assignments() []*Assignment { return m.assigns }

// Functions lists every function in source order.
func (m *Module) Functions() []*Function { return m.funcs }

// Classes lists every class in source order.
func (m *Module) Classes() []*Class { return m.classes }

// Function returns the function called qualName ("load", "Operator.execute", "outer.inner"),
// the first one when several share it, or nil.
func (m *Module) Function(qualName string) *Function { return m.funcByName[qualName] }

// Constant returns the value of a module-level name assigned exactly once with "=".
func (m *Module) Constant(name string) (*Expr, bool) {
	vs := m.top.binds[name]
	if len(vs) != 1 || vs[0] < 0 {
		return nil, false
	}
	return m.expr(vs[0], m.top), true
}

// scope is a function body, a class body or the module.
type scope struct {
	fn     *Function
	class  string
	parent *scope            // enclosing function scope (class bodies are skipped, as in Python)
	types  map[string]string // name → qualified name or type of its value, as last assigned
	binds  map[string][]nid  // name → assigned value nodes; -1 for a binding with no single value
	params map[string]*Param
	global map[string]bool
}

func newScope(fn *Function, class string, parent *scope) *scope {
	return &scope{fn: fn, class: class, parent: parent, types: map[string]string{}, binds: map[string][]nid{}}
}

func (s *scope) lookupType(name string) (string, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		if t, ok := sc.types[name]; ok {
			return t, true
		}
		if _, ok := sc.binds[name]; ok {
			return "", true
		}
		if _, ok := sc.params[name]; ok {
			return "", true
		}
	}
	return "", false
}

func (m *Module) span(n nid) source.Span {
	if n < 0 {
		return source.Span{}
	}
	return m.file.Span(int(m.syn.nodes[n].start), int(m.syn.nodes[n].end))
}

// expr wraps node n.
func (m *Module) expr(n nid, sc *scope) *Expr {
	if n < 0 {
		return nil
	}
	return &Expr{Span: m.span(n), Text: m.syn.text(n), Kind: m.syn.kind(n), m: m, n: n, sc: sc}
}

type builder struct {
	m   *Module
	s   *syntax
	buf []nid
}

func build(f *source.File, syn *syntax) *Module {
	m := &Module{file: f, syn: syn, funcByName: map[string]*Function{}, callAt: map[nid]*Call{}}
	m.top = newScope(nil, "", nil)
	b := &builder{m: m, s: syn}
	b.scanErrorsAndComments()
	b.walk(0, m.top, 0)
	m.computeLogPrints()
	return m
}

// scanErrorsAndComments collects comments, ERROR and MISSING nodes in one pass.
func (b *builder) scanErrorsAndComments() {
	s, m := b.s, b.m
	errEnd := uint32(0)
	for i := range s.nodes {
		n := nid(i)
		nd := &s.nodes[i]
		switch k := s.kind(n); {
		case k == "comment":
			start, end := int(nd.start), int(nd.end)
			sp := m.file.Span(start, end)
			ls := m.file.LineStart(sp.Start.Line)
			own := strings.TrimSpace(string(m.file.Content[ls:start])) == ""
			text := strings.TrimSpace(strings.TrimPrefix(s.text(n), "#"))
			m.comments = append(m.comments, source.Comment{Span: sp, Text: text, OwnLine: own})
		case k == "ERROR":
			if nd.start < errEnd && i > 0 {
				continue // inside an error already reported
			}
			errEnd = nd.end
			m.errors = append(m.errors, source.SyntaxError{Span: m.span(n), Msg: "invalid syntax"})
		case nd.flags&flagMissing != 0:
			m.errors = append(m.errors, source.SyntaxError{Span: m.span(n), Msg: "missing " + strings.TrimSpace(k)})
		}
	}
	sort.SliceStable(m.errors, func(i, j int) bool { return m.errors[i].Span.Start.Offset < m.errors[j].Span.Start.Offset })
}

const maxDepth = 2000

// walk visits n in source order, building the model. sc is the current scope.
func (b *builder) walk(n nid, sc *scope, depth int) {
	if depth > maxDepth {
		return
	}
	s := b.s
	switch s.kind(n) {
	case "import_statement", "import_from_statement", "future_import_statement":
		b.importStmt(n, sc)
		return
	case "decorated_definition":
		def := s.child(n, "definition")
		var decos []nid
		for _, c := range s.children(n) {
			if s.kind(c) == "decorator" {
				decos = append(decos, c)
			}
		}
		switch s.kind(def) {
		case "function_definition":
			b.function(def, decos, sc, depth)
		case "class_definition":
			for _, d := range decos {
				b.decorator(d, sc, depth)
			}
			b.class(def, sc, depth)
		default:
			b.walkChildren(n, sc, depth)
		}
		return
	case "function_definition":
		b.function(n, nil, sc, depth)
		return
	case "class_definition":
		b.class(n, sc, depth)
		return
	case "assignment", "augmented_assignment":
		b.assignment(n, sc, depth)
		return
	case "named_expression":
		b.walkChildren(n, sc, depth)
		name, val := s.child(n, "name"), s.child(n, "value")
		b.bindTarget(name, val, ":=", sc, true)
		return
	case "call":
		b.call(n, sc, depth)
		return
	case "return_statement":
		b.walkChildren(n, sc, depth)
		if sc.fn != nil {
			if v := s.firstNamed(n); v >= 0 {
				sc.fn.returns = append(sc.fn.returns, b.m.expr(v, sc))
			}
		}
		return
	case "with_item":
		b.walkChildren(n, sc, depth)
		v := s.child(n, "value")
		if s.kind(v) == "as_pattern" {
			val := s.firstNamed(v)
			if t := s.child(v, "alias"); t >= 0 {
				b.bindTarget(s.firstNamed(t), val, "as", sc, false)
			}
		}
		return
	case "for_statement", "for_in_clause":
		b.walkChildren(n, sc, depth)
		b.bindUnknown(s.child(n, "left"), sc)
		return
	case "except_clause":
		for _, c := range s.children(n) {
			if s.kind(c) == "as_pattern" {
				if t := s.child(c, "alias"); t >= 0 {
					b.bindUnknown(s.firstNamed(t), sc)
				}
			}
		}
	case "global_statement", "nonlocal_statement":
		for _, c := range s.children(n) {
			if s.kind(c) == "identifier" {
				if sc.global == nil {
					sc.global = map[string]bool{}
				}
				sc.global[s.text(c)] = true
			}
		}
		return
	case "lambda":
		return // a lambda's parameters would shadow names; its calls are rarely interesting
	}
	b.walkChildren(n, sc, depth)
}

func (b *builder) walkChildren(n nid, sc *scope, depth int) {
	for _, c := range b.s.children(n) {
		if b.s.named(c) {
			b.walk(c, sc, depth+1)
		}
	}
}

func (b *builder) importStmt(n nid, sc *scope) {
	s, m := b.s, b.m
	module := ""
	if mn := s.child(n, "module_name"); mn >= 0 {
		module = dotted(s.text(mn))
	}
	if s.kind(n) == "future_import_statement" {
		module = "__future__"
	}
	add := func(full, local string, at nid) {
		full = canon(full)
		m.imports = append(m.imports, Import{Name: full, Local: local, Span: m.span(at)})
		m.frameworks |= Frameworks(frameworkOf(full))
		if local != "" {
			sc.types[local] = full
			sc.binds[local] = append(sc.binds[local], -1)
		}
	}
	for _, c := range s.children(n) {
		if s.field(c) != "name" && s.kind(c) != "wildcard_import" {
			continue
		}
		switch s.kind(c) {
		case "dotted_name":
			name := dotted(s.text(c))
			if s.kind(n) == "import_statement" {
				top, _, _ := strings.Cut(name, ".")
				m.imports = append(m.imports, Import{Name: canon(name), Local: "", Span: m.span(c)})
				m.frameworks |= Frameworks(frameworkOf(name))
				sc.types[top] = top
				sc.binds[top] = append(sc.binds[top], -1)
				continue
			}
			add(module+"."+name, lastPart(name), c)
		case "aliased_import":
			name := dotted(s.text(s.child(c, "name")))
			alias := s.text(s.child(c, "alias"))
			if s.kind(n) == "import_statement" {
				add(name, alias, c)
			} else {
				add(module+"."+name, alias, c)
			}
		case "wildcard_import":
			add(module, "", c)
		}
	}
}

func dotted(t string) string {
	if strings.ContainsAny(t, " \t\r\n\\") {
		t = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\r', '\n', '\\':
				return -1
			}
			return r
		}, t)
	}
	return t
}

func lastPart(q string) string { return q[strings.LastIndexByte(q, '.')+1:] }

// qualify returns the qualified name (for a module, class or function) or the type (for a value)
// of expression n, or "".
func (b *builder) qualify(n nid, sc *scope) string { return qualifyNode(b.m, n, sc, 0) }

func qualifyNode(m *Module, n nid, sc *scope, depth int) string {
	s := m.syn
	if depth > 50 || n < 0 {
		return ""
	}
	switch s.kind(n) {
	case "identifier":
		name := s.text(n)
		if t, ok := sc.lookupType(name); ok {
			return t
		}
		if name == "self" || name == "cls" {
			return ""
		}
		if _, ok := m.top.types[name]; ok {
			return m.top.types[name]
		}
		if builtins[name] {
			return name
		}
		return ""
	case "attribute":
		obj := s.child(n, "object")
		attr := s.text(s.child(n, "attribute"))
		if s.kind(obj) == "identifier" && s.text(obj) == "self" && sc.fn != nil && sc.fn.Class != "" {
			if t, ok := m.classAttr(sc.fn.Class, attr); ok {
				return t
			}
			if attr == "log" && m.frameworks.Has(Airflow) {
				return "airflow.Logger"
			}
			return sc.fn.Class + "." + attr
		}
		return attrOf(qualifyNode(m, obj, sc, depth+1), attr)
	case "call":
		f := qualifyNode(m, s.child(n, "function"), sc, depth+1)
		if f == "" {
			return ""
		}
		return resultType(f)
	case "parenthesized_expression":
		return qualifyNode(m, s.unparen(n), sc, depth+1)
	case "await":
		return qualifyNode(m, s.firstNamed(n), sc, depth+1)
	}
	return ""
}

// classAttr is the type recorded for self.attr in class cls.
func (m *Module) classAttr(cls, attr string) (string, bool) {
	t, ok := m.top.types["\x00"+cls+"."+attr]
	return t, ok
}

func (b *builder) call(n nid, sc *scope, depth int) *Call {
	s, m := b.s, b.m
	fn := s.child(n, "function")
	c := &Call{Callee: s.text(fn), Span: m.span(n), Func: sc.fn, Expr: m.expr(n, sc)}
	c.Name = b.qualify(fn, sc)
	if s.kind(fn) == "attribute" {
		c.Receiver = m.expr(s.child(fn, "object"), sc)
	}
	if p := s.nodes[n].parent; p >= 0 && s.kind(p) == "raise_statement" {
		c.InRaise = true
	}
	m.calls = append(m.calls, c)
	m.callAt[n] = c
	if sc.fn != nil {
		sc.fn.calls = append(sc.fn.calls, c)
	}
	b.walk(fn, sc, depth+1)
	args := s.child(n, "arguments")
	for _, a := range s.children(args) {
		if !s.named(a) || s.kind(a) == "comment" {
			continue
		}
		switch s.kind(a) {
		case "keyword_argument":
			name := s.child(a, "name")
			c.Keywords = append(c.Keywords, &Keyword{Name: s.text(name), NameSpan: m.span(name), Value: m.expr(s.child(a, "value"), sc)})
		case "list_splat", "dictionary_splat":
			c.HasSplat = true
		default:
			c.Args = append(c.Args, m.expr(a, sc))
		}
		b.walk(a, sc, depth+1)
	}
	if s.kind(args) == "generator_expression" {
		c.Args = append(c.Args, m.expr(args, sc))
		b.walk(args, sc, depth+1)
	}
	return c
}

func (b *builder) decorator(d nid, sc *scope, depth int) *Call {
	s, m := b.s, b.m
	e := s.firstNamed(d)
	if s.kind(e) == "call" {
		c := b.call(e, sc, depth+1)
		c.Decorator = true
		return c
	}
	c := &Call{Callee: s.text(e), Name: b.qualify(e, sc), Span: m.span(e), Func: sc.fn, Expr: m.expr(e, sc), Decorator: true}
	if s.kind(e) == "attribute" {
		c.Receiver = m.expr(s.child(e, "object"), sc)
	}
	m.calls = append(m.calls, c)
	if sc.fn != nil {
		sc.fn.calls = append(sc.fn.calls, c)
	}
	return c
}

func (b *builder) function(n nid, decos []nid, sc *scope, depth int) {
	s, m := b.s, b.m
	name := s.text(s.child(n, "name"))
	f := &Function{Name: name, Class: sc.class, Span: m.span(n), NameSpan: m.span(s.child(n, "name")), m: m}
	if len(decos) > 0 {
		f.Span = m.file.Span(int(s.nodes[decos[0]].start), int(s.nodes[n].end))
	}
	f.Async = strings.HasPrefix(s.text(n), "async")
	f.Parent = sc.fn
	switch {
	case sc.fn != nil:
		f.QualName = sc.fn.QualName + "." + name
	case sc.class != "":
		f.QualName = sc.class + "." + name
	default:
		f.QualName = name
	}
	for _, d := range decos {
		f.Decorators = append(f.Decorators, b.decorator(d, sc, depth))
	}
	parent := sc
	for parent != nil && parent.fn == nil && parent.class != "" {
		parent = parent.parent // methods do not see the class body's names
	}
	fsc := newScope(f, "", parent)
	fsc.params = map[string]*Param{}
	f.sc = fsc
	kind := ParamNormal
	for _, p := range s.children(s.child(n, "parameters")) {
		var pn, def, ann nid = -1, -1, -1
		pk := kind
		switch s.kind(p) {
		case "identifier":
			pn = p
		case "typed_parameter":
			pn = s.firstNamed(p)
			ann = s.child(p, "type")
			switch s.kind(pn) {
			case "list_splat_pattern":
				pk, kind = ParamVarArgs, ParamKwOnly
				pn = s.firstNamed(pn)
			case "dictionary_splat_pattern":
				pk = ParamVarKw
				pn = s.firstNamed(pn)
			}
		case "default_parameter", "typed_default_parameter":
			pn, def, ann = s.child(p, "name"), s.child(p, "value"), s.child(p, "type")
		case "list_splat_pattern":
			pk, kind = ParamVarArgs, ParamKwOnly
			pn = s.firstNamed(p)
		case "dictionary_splat_pattern":
			pk = ParamVarKw
			pn = s.firstNamed(p)
		case "keyword_separator":
			kind = ParamKwOnly
			continue
		default:
			continue
		}
		if pn < 0 {
			continue
		}
		prm := &Param{Name: s.text(pn), Span: m.span(pn), Kind: pk, Default: m.expr(def, sc), Annotation: m.expr(ann, sc)}
		f.Params = append(f.Params, prm)
		fsc.params[prm.Name] = prm
		if def >= 0 {
			b.walk(def, sc, depth+1)
		}
		if t := b.paramType(prm, ann, sc); t != "" {
			fsc.types[prm.Name] = t
		}
	}
	m.funcs = append(m.funcs, f)
	if _, dup := m.funcByName[f.QualName]; !dup {
		m.funcByName[f.QualName] = f
	}
	if sc.class == "" {
		sc.types[name] = f.QualName
	}
	b.walk(s.child(n, "body"), fsc, depth+1)
}

// paramType gives a parameter a type from its annotation, or from framework conventions
// (a Dagster context parameter).
func (b *builder) paramType(p *Param, ann nid, sc *scope) string {
	if ann >= 0 {
		a := b.s.firstNamed(ann)
		if a < 0 {
			a = ann
		}
		if t := b.qualify(a, sc); t != "" {
			return t
		}
	}
	if (p.Name == "context" || p.Name == "ctx") && b.m.frameworks.Has(Dagster) {
		return "dagster.OpExecutionContext"
	}
	return ""
}

func (b *builder) class(n nid, sc *scope, depth int) {
	s, m := b.s, b.m
	name := s.text(s.child(n, "name"))
	c := &Class{Name: name, Span: m.span(n)}
	if sup := s.child(n, "superclasses"); sup >= 0 {
		for _, a := range s.children(sup) {
			if s.named(a) && s.kind(a) != "keyword_argument" && s.kind(a) != "comment" {
				c.Bases = append(c.Bases, b.qualify(a, sc))
			}
		}
		b.walk(sup, sc, depth+1)
	}
	m.classes = append(m.classes, c)
	if sc.fn == nil && sc.class == "" {
		sc.types[name] = name
	}
	csc := newScope(sc.fn, name, sc)
	b.walk(s.child(n, "body"), csc, depth+1)
}

func (b *builder) assignment(n nid, sc *scope, depth int) {
	s := b.s
	left, right := s.child(n, "left"), s.child(n, "right")
	op := "="
	if s.kind(n) == "augmented_assignment" {
		op = strings.TrimSpace(s.text(s.child(n, "operator")))
	}
	// walk the value first so calls in it resolve against the names as they were before
	b.walk(right, sc, depth+1)
	b.walk(left, sc, depth+1)
	if right < 0 {
		return // annotation only: x: int
	}
	if s.kind(right) == "assignment" { // a = b = value
		inner := right
		for s.kind(inner) == "assignment" && s.child(inner, "right") >= 0 {
			inner = s.child(inner, "right")
		}
		b.bindTarget(left, inner, op, sc, true)
		return
	}
	b.bindTarget(left, right, op, sc, true)
}

// bindTarget records that target is assigned value.
func (b *builder) bindTarget(target, value nid, op string, sc *scope, record bool) {
	s := b.s
	target = s.unparen(target)
	switch s.kind(target) {
	case "pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple":
		ts := append([]nid(nil), s.namedChildren(target, b.buf)...)
		vs := s.namedChildren(s.unparen(value), nil)
		vk := s.kind(s.unparen(value))
		same := (vk == "expression_list" || vk == "tuple" || vk == "list") && len(vs) == len(ts)
		for i, t := range ts {
			if same {
				b.bindTarget(t, vs[i], op, sc, record)
			} else {
				b.bindOne(t, value, op, sc, record, false)
			}
		}
		return
	}
	b.bindOne(target, value, op, sc, record, true)
}

func (b *builder) bindOne(target, value nid, op string, sc *scope, record, single bool) {
	s, m := b.s, b.m
	if s.kind(target) == "list_splat_pattern" {
		target = s.firstNamed(target)
		single = false
	}
	tk := s.kind(target)
	name := ""
	vt := ""
	if single && op != "+=" {
		vt = b.qualify(value, sc)
	}
	switch tk {
	case "identifier":
		id := s.text(target)
		name = id
		bsc := sc
		if sc.global[id] {
			bsc = m.top
		}
		if single && (op == "=" || op == ":=") {
			bsc.binds[id] = append(bsc.binds[id], value)
		} else {
			bsc.binds[id] = append(bsc.binds[id], -1)
		}
		if vt != "" || op == "=" {
			bsc.types[id] = vt
		}
	case "attribute":
		obj := s.child(target, "object")
		attr := s.text(s.child(target, "attribute"))
		name = b.qualify(target, sc)
		if s.kind(obj) == "identifier" && s.text(obj) == "self" && sc.fn != nil && sc.fn.Class != "" && vt != "" {
			m.top.types["\x00"+sc.fn.Class+"."+attr] = vt
		}
	case "subscript":
		if q := b.qualify(s.child(target, "value"), sc); q != "" {
			name = q + "[]"
		}
	default:
		return
	}
	if !record {
		return
	}
	a := &Assignment{Target: s.text(target), Name: name, TargetSpan: m.span(target), Op: op, Value: m.expr(value, sc),
		Func: sc.fn, Class: sc.class, ModuleLevel: sc.fn == nil && sc.class == ""}
	if tk == "identifier" && sc.global[s.text(target)] {
		a.ModuleLevel = false
	}
	m.assigns = append(m.assigns, a)
}

func (b *builder) bindUnknown(target nid, sc *scope) {
	s := b.s
	target = s.unparen(target)
	switch s.kind(target) {
	case "identifier":
		id := s.text(target)
		sc.binds[id] = append(sc.binds[id], -1)
		sc.types[id] = ""
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "expression_list", "list_splat_pattern":
		for _, c := range s.namedChildren(target, nil) {
			b.bindUnknown(c, sc)
		}
	}
}
