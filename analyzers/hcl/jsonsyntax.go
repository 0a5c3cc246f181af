package hcl

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// isJSONSyntax reports whether a Terraform file is written in HCL's JSON syntax (.tf.json,
// .tfvars.json), by name as Terraform decides.
func isJSONSyntax(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".json") }

// jsonBody says how the properties of one JSON object that stands for a body are read: which
// names are nested block types (with how many labels each has and how their bodies are read),
// and, for bodies whose schema only a provider knows, whether other object values are guessed to
// be blocks. JSON cannot tell `x { ... }` from `x = { ... }`; Terraform asks the provider's
// schema, which a static linter does not have.
type jsonBody struct {
	blocks map[string]jsonBlock
	// guess: an object, or a non-empty array of objects, whose keys are all identifiers is a
	// nested block (SDK providers write nested structures as blocks: statement, principals,
	// listener, default_action, inline_policy, logging_configuration...), unless its name is a
	// known map or meta argument (mapArguments). A single block and an object argument give the
	// same Entries paths; what differs is Block.Blocks, Block.Attribute and the "[i]" of repeats.
	guess bool
}

type jsonBlock struct {
	labels int
	body   *jsonBody
}

var (
	// attrBody is a body of arguments only (locals, module calls, .tfvars.json).
	attrBody = &jsonBody{}
	// providerBody is the body of a resource, data source or provider block and of the blocks
	// nested in them.
	providerBody = &jsonBody{guess: true}
	// tfRoot is the root of a .tf.json file: Terraform's top-level block types and their labels
	// (developer.hashicorp.com/terraform/language/syntax/json). Other root properties are kept
	// as root attributes, so what they hold is still scanned.
	tfRoot = &jsonBody{blocks: map[string]jsonBlock{
		"resource":  {2, providerBody},
		"data":      {2, providerBody},
		"ephemeral": {2, providerBody},
		"provider":  {1, providerBody},
		"module":    {1, attrBody},
		"variable":  {1, &jsonBody{blocks: map[string]jsonBlock{"validation": {0, attrBody}}}},
		"output":    {1, &jsonBody{blocks: map[string]jsonBlock{"precondition": {0, attrBody}}}},
		"locals":    {0, attrBody},
		"terraform": {0, &jsonBody{blocks: map[string]jsonBlock{
			"required_providers": {0, attrBody}, "backend": {1, attrBody}, "cloud": {0, providerBody}}}},
		"check":   {1, &jsonBody{blocks: map[string]jsonBlock{"data": {2, providerBody}, "assert": {0, attrBody}}}},
		"moved":   {0, attrBody},
		"import":  {0, attrBody},
		"removed": {0, providerBody},
	}}
	// mapArguments are object-valued arguments of provider bodies that are never blocks.
	mapArguments = map[string]bool{
		"for_each": true, "tags": true, "tags_all": true, "labels": true, "annotations": true,
		"triggers": true, "variables": true, "environment_variables": true, "parameters": true,
		"job_variables": true, "airflow_configuration_options": true,
	}
)

func init() {
	// Terraform's own nested blocks of resources, data sources and provisioners.
	providerBody.blocks = map[string]jsonBlock{
		"lifecycle":   {0, attrBody},
		"connection":  {0, attrBody},
		"provisioner": {1, providerBody},
		"dynamic":     {1, &jsonBody{blocks: map[string]jsonBlock{"content": {0, providerBody}}}},
	}
}

// jsonConv builds the hclsyntax tree of a JSON-syntax file, with ranges in the file's bytes.
type jsonConv struct {
	t *File
}

// parseJSON reads Terraform's JSON syntax with hcl/v2/json and converts it into the hclsyntax
// tree the native syntax gives, so Blocks, Entries, Value and Policies (and every rule) read
// both alike: strings become templates (`"${var.x}"` is a reference, as Terraform reads it),
// numbers, bools and null literals, objects and arrays object and tuple constructors, and
// object properties blocks or arguments as tfRoot says.
func (t *File) parseJSON() {
	src := t.f.Content
	root, diags := hcljson.ParseExpression(src, t.f.Path)
	t.addDiags(diags)
	if diags.HasErrors() {
		return // the JSON parser keeps nothing of a broken document
	}
	schema := tfRoot
	if strings.HasSuffix(strings.ToLower(t.f.Path), ".tfvars.json") {
		schema = attrBody
	}
	c := &jsonConv{t: t}
	r := root.Range()
	switch c.first(r) {
	case '{':
		t.body = c.body([]hcl.Expression{root}, schema, 0)
	case '[':
		// HCL also accepts an array of objects at the root; their properties are merged.
		items, _ := hcl.ExprList(root)
		for _, it := range items {
			if c.first(it.Range()) != '{' {
				t.addError(it.Range(), "Incorrect JSON value type: the root array of a JSON configuration holds objects")
				return
			}
		}
		t.body = c.body(items, schema, 0)
	default:
		t.addError(r, "Root value must be object: the root of a JSON configuration is an object")
	}
	if t.body != nil {
		t.body.SrcRange = r
	}
}

// addDiags records HCL's error diagnostics as SyntaxErrors.
func (t *File) addDiags(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		sp := t.f.Span(0, 0)
		if d.Subject != nil {
			sp = t.span(*d.Subject)
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		t.errors = append(t.errors, source.SyntaxError{Span: sp, Msg: unquoteSource(msg)})
	}
}

// unquoteSource masks the source text HCL quotes in a diagnostic: a broken file's bare word can
// be a secret (`"password": CorrectHorse` in a .tf.json gives `"CorrectHorse" is not a valid
// JSON keyword`), and notices reach every output. The span still points at it.
func unquoteSource(msg string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '"')
		if i < 0 {
			break
		}
		j := strings.IndexByte(msg[i+1:], '"')
		if j < 0 {
			break
		}
		b.WriteString(msg[:i])
		b.WriteString(`"…"`)
		msg = msg[i+1+j+1:]
	}
	b.WriteString(msg)
	return b.String()
}

func (t *File) addError(r hcl.Range, msg string) {
	t.errors = append(t.errors, source.SyntaxError{Span: t.span(r), Msg: msg})
}

// first is the first byte of a JSON value: '{', '[', '"', or the start of a literal.
func (c *jsonConv) first(r hcl.Range) byte { return c.t.at(r.Start.Byte) }

// inner is a quoted string's range without its quotes.
func (c *jsonConv) inner(r hcl.Range) hcl.Range {
	if r.End.Byte-r.Start.Byte >= 2 && c.t.at(r.Start.Byte) == '"' && c.t.at(r.End.Byte-1) == '"' {
		return c.rng(r.Start.Byte+1, r.End.Byte-1)
	}
	return r
}

// rng builds an hcl.Range between two byte offsets of the file.
func (c *jsonConv) rng(a, b int) hcl.Range {
	return hcl.Range{Filename: c.t.f.Path, Start: c.pos(a), End: c.pos(b)}
}

func (c *jsonConv) pos(off int) hcl.Pos {
	off = clamp(off, len(c.t.f.Content))
	p := c.t.f.Pos(off)
	return hcl.Pos{Line: p.Line, Column: p.Col, Byte: off}
}

// key returns an object key's name (JSON keys are always strings).
func key(kv hcl.KeyValuePair) string {
	v, diags := kv.Key.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// body converts the objects of one body (one object, or the objects of a root array).
func (c *jsonConv) body(objs []hcl.Expression, schema *jsonBody, depth int) *hclsyntax.Body {
	out := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	if len(objs) > 0 {
		r := objs[len(objs)-1].Range()
		out.SrcRange = hcl.RangeBetween(objs[0].Range(), r)
		out.EndRange = c.rng(r.End.Byte, r.End.Byte)
	}
	if depth > maxDepth {
		return out
	}
	for _, obj := range objs {
		pairs, _ := hcl.ExprMap(obj)
		for _, kv := range pairs {
			name, nameR := key(kv), kv.Key.Range()
			if name == "//" {
				continue // Terraform's JSON comment property
			}
			bt, known := schema.blocks[name]
			if !known && schema.guess && !mapArguments[name] && c.blockValue(kv.Value) {
				bt, known = jsonBlock{0, providerBody}, true
			}
			if known {
				c.unpack(out, name, c.inner(nameR), kv.Value, bt, nil, nil, depth+1)
				continue
			}
			if prev, dup := out.Attributes[name]; dup {
				c.t.addError(nameR, "Duplicate argument: the argument "+strconv.Quote(name)+" was already set at line "+strconv.Itoa(prev.NameRange.Start.Line))
				continue
			}
			out.Attributes[name] = &hclsyntax.Attribute{Name: name, Expr: c.expr(kv.Value, depth+1),
				SrcRange: hcl.RangeBetween(nameR, kv.Value.Range()), NameRange: c.inner(nameR)}
		}
	}
	return out
}

// blockValue reports whether a value has the shape of one or more nested blocks.
func (c *jsonConv) blockValue(e hcl.Expression) bool {
	objs := []hcl.Expression{e}
	if c.first(e.Range()) == '[' {
		objs, _ = hcl.ExprList(e)
		if len(objs) == 0 {
			return false // `x = []`: an argument (Terraform's "attributes as blocks")
		}
	}
	for _, o := range objs {
		if c.first(o.Range()) != '{' {
			return false
		}
		pairs, _ := hcl.ExprMap(o)
		for _, kv := range pairs {
			if k := key(kv); k != "//" && !hclsyntax.ValidIdentifier(k) {
				return false // "core.fernet_key", "kubernetes.io/name": a map's keys
			}
		}
	}
	return true
}

// unpack reads a block type's property: one nested object level per label, then one object per
// block, or an array of objects for several blocks of that type.
func (c *jsonConv) unpack(out *hclsyntax.Body, typ string, typR hcl.Range, v hcl.Expression, bt jsonBlock, labels []string, labelRs []hcl.Range, depth int) {
	if depth > maxDepth {
		return
	}
	var objs []hcl.Expression
	switch c.first(v.Range()) {
	case 'n':
		return // null: no block
	case '{':
		objs = []hcl.Expression{v}
	case '[':
		objs, _ = hcl.ExprList(v)
	default:
		objs = []hcl.Expression{v} // reported below
	}
	for _, o := range objs {
		if c.first(o.Range()) != '{' {
			c.t.addError(o.Range(), "Incorrect JSON value type: a JSON object is required here, for the "+strconv.Quote(typ)+" block")
			continue
		}
		if len(labels) < bt.labels {
			pairs, _ := hcl.ExprMap(o)
			for _, kv := range pairs {
				if k := key(kv); k != "//" {
					c.unpack(out, typ, typR, kv.Value, bt, append(clone(labels), k), append(append([]hcl.Range(nil), labelRs...), c.inner(kv.Key.Range())), depth+1)
				}
			}
			continue
		}
		r := o.Range()
		out.Blocks = append(out.Blocks, &hclsyntax.Block{Type: typ, Labels: clone(labels),
			Body:      c.body([]hcl.Expression{o}, bt.body, depth+1),
			TypeRange: typR, LabelRanges: labelRs,
			OpenBraceRange: c.rng(r.Start.Byte, r.Start.Byte+1), CloseBraceRange: c.rng(r.End.Byte-1, r.End.Byte)})
	}
}

// expr converts a JSON value into the expression Terraform reads it as.
func (c *jsonConv) expr(e hcl.Expression, depth int) hclsyntax.Expression {
	r := e.Range()
	if depth > maxDepth {
		return &hclsyntax.LiteralValueExpr{Val: cty.DynamicVal, SrcRange: r}
	}
	switch c.first(r) {
	case '{':
		x := &hclsyntax.ObjectConsExpr{SrcRange: r, OpenRange: c.rng(r.Start.Byte, r.Start.Byte+1)}
		pairs, _ := hcl.ExprMap(e)
		for _, kv := range pairs {
			k := &hclsyntax.LiteralValueExpr{Val: cty.StringVal(key(kv)), SrcRange: c.inner(kv.Key.Range())}
			x.Items = append(x.Items, hclsyntax.ObjectConsItem{
				KeyExpr:   &hclsyntax.ObjectConsKeyExpr{Wrapped: k, ForceNonLiteral: true},
				ValueExpr: c.expr(kv.Value, depth+1)})
		}
		return x
	case '[':
		x := &hclsyntax.TupleConsExpr{SrcRange: r, OpenRange: c.rng(r.Start.Byte, r.Start.Byte+1)}
		items, _ := hcl.ExprList(e)
		for _, it := range items {
			x.Exprs = append(x.Exprs, c.expr(it, depth+1))
		}
		return x
	case '"':
		return c.template(r)
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() {
		v = cty.DynamicVal
	}
	return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
}

// template reads a JSON string as Terraform does: as a template, so "${aws_iam_role.x.arn}" is a
// reference and "${jsonencode({...})}" a function call. The template is parsed from the
// unescaped text and every range in it is then moved back onto the file's bytes, so positions
// inside it are exact even after escapes (`\"` inside an interpolation).
func (c *jsonConv) template(r hcl.Range) hclsyntax.Expression {
	in := c.inner(r)
	raw := c.t.f.Content[in.Start.Byte:in.End.Byte]
	text, offs := unescapeJSON(raw)
	if !strings.Contains(text, "${") && !strings.Contains(text, "%{") {
		lit := &hclsyntax.LiteralValueExpr{Val: cty.StringVal(text), SrcRange: in}
		return &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{lit}, SrcRange: r}
	}
	base := in.Start.Byte
	move := func(p hcl.Pos) hcl.Pos {
		return c.pos(base + offs[clamp(p.Byte, len(offs)-1)])
	}
	e, diags := hclsyntax.ParseTemplate([]byte(text), c.t.f.Path, hcl.InitialPos)
	for _, d := range diags {
		if d.Subject != nil {
			s := moveRange(*d.Subject, move)
			d.Subject = &s
		}
	}
	c.t.addDiags(diags)
	moveRanges(reflect.ValueOf(e), move, 0)
	switch x := e.(type) {
	case *hclsyntax.TemplateExpr:
		x.SrcRange = r
	case *hclsyntax.TemplateWrapExpr:
		x.SrcRange = r
	}
	return e
}

func moveRange(r hcl.Range, move func(hcl.Pos) hcl.Pos) hcl.Range {
	r.Start, r.End = move(r.Start), move(r.End)
	return r
}

var rangeType = reflect.TypeOf(hcl.Range{})

// moveRanges rewrites every hcl.Range reachable through exported fields of an expression tree
// (hclsyntax nodes, traversals). Values held by an interface that are not pointers (hcl.Traverser
// structs) are copied, moved and stored back.
func moveRanges(v reflect.Value, move func(hcl.Pos) hcl.Pos, depth int) {
	if depth > 4*maxDepth {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			moveRanges(v.Elem(), move, depth+1)
		}
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		el := v.Elem()
		if el.Kind() == reflect.Struct && v.CanSet() {
			cp := reflect.New(el.Type()).Elem()
			cp.Set(el)
			moveRanges(cp, move, depth+1)
			v.Set(cp)
			return
		}
		moveRanges(el, move, depth+1)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			moveRanges(v.Index(i), move, depth+1)
		}
	case reflect.Struct:
		if v.Type() == rangeType {
			if v.CanSet() {
				v.Set(reflect.ValueOf(moveRange(v.Interface().(hcl.Range), move)))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				moveRanges(f, move, depth+1)
			}
		}
	}
}

// unescapeJSON undoes a JSON string's escapes and returns, for each byte of the text and one past
// its end, its offset in raw. Invalid escapes are kept as written (the parser has reported them).
func unescapeJSON(raw []byte) (string, []int) {
	out := make([]byte, 0, len(raw))
	offs := make([]int, 0, len(raw)+1)
	emit := func(b []byte, at int) {
		out = append(out, b...)
		for range b {
			offs = append(offs, at)
		}
	}
	for i := 0; i < len(raw); {
		if raw[i] != '\\' || i+1 >= len(raw) {
			emit(raw[i:i+1], i)
			i++
			continue
		}
		n, r := 2, rune(-1)
		switch raw[i+1] {
		case '"', '\\', '/':
			r = rune(raw[i+1])
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'n':
			r = '\n'
		case 'r':
			r = '\r'
		case 't':
			r = '\t'
		case 'u':
			r, n = hex4(raw, i+2), 6
			if utf16.IsSurrogate(r) && i+7 < len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
				if d := utf16.DecodeRune(r, hex4(raw, i+8)); d != utf8.RuneError {
					r, n = d, 12
				}
			}
		}
		if r < 0 {
			emit(raw[i:i+1], i)
			i++
			continue
		}
		emit(utf8.AppendRune(nil, r), i)
		i += n
	}
	offs = append(offs, len(raw))
	return string(out), offs
}

// hex4 reads four hex digits at raw[i:], or -1.
func hex4(raw []byte, i int) rune {
	if i < 0 || i+4 > len(raw) {
		return -1
	}
	v, err := strconv.ParseUint(string(raw[i:i+4]), 16, 32)
	if err != nil {
		return -1
	}
	return rune(v)
}
