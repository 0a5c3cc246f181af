package hcl

import (
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// text is the source text of a span, so a test states what a position points at.
func text(f *File, sp source.Span) string { return f.File().Text(sp) }

func TestJSONSyntaxMWAA(t *testing.T) {
	f := parseFixture(t, "mwaa.tf.json")
	got := entries(f)
	const env = "resource.aws_mwaa_environment.etl."

	mode := got[env+"webserver_access_mode"]
	at(t, "access mode key", mode.KeySpan, 7, 10)
	at(t, "access mode", mode.Value.Span, 7, 35)
	if mode.Value.Kind != value.Literal || mode.Value.Text != "PUBLIC_ONLY" || text(f, mode.KeySpan) != "webserver_access_mode" {
		t.Errorf("access mode = %+v", mode)
	}
	if v := got[env+"execution_role_arn"].Value; v.Kind != value.Expr || v.Ref != "aws_iam_role.mwaa.arn" {
		t.Errorf(`"${aws_iam_role.mwaa.arn}" = %+v, want a reference`, v)
	}
	if v := got[env+"max_workers"].Value; v.Kind != value.Literal || v.Text != "4" {
		t.Errorf("number = %+v", v)
	}
	fernet := got[env+"airflow_configuration_options.core.fernet_key"]
	at(t, "fernet key", fernet.KeySpan, 11, 12)
	at(t, "fernet value", fernet.Value.Span, 11, 31)
	if !fernet.Value.IsHardcoded() || text(f, fernet.Value.Span) != "not-a-real-fernet-key" || text(f, fernet.KeySpan) != "core.fernet_key" {
		t.Errorf("fernet = %+v", fernet)
	}
	if v := got[env+"airflow_configuration_options.core.load_examples"].Value; v.Kind != value.Expr || v.Ref != "var.load_examples" {
		t.Errorf("option from a variable = %+v", v)
	}
	if v := got[env+"logging_configuration.dag_processing_logs.enabled"].Value; v.Text != "true" {
		t.Errorf("nested block = %+v", v)
	}
	if _, ok := got["//"]; ok {
		t.Error(`the "//" comment property became an entry`)
	}

	// the airflow adapter normalises MWAA options from JSON syntax as from .tf
	var opts []string
	for _, s := range airflow.Settings(f) {
		opts = append(opts, s.Section+"."+s.Key)
		if s.Section == "core" && s.Key == "fernet_key" {
			at(t, "fernet setting", s.KeySpan, 11, 12)
		}
	}
	if strings.Join(opts, " ") != "core.fernet_key core.load_examples" {
		t.Errorf("settings = %v", opts)
	}

	// blocks: labels are nested properties; nested blocks are objects or arrays of objects
	bs := f.Blocks()
	if len(bs) != 5 {
		t.Fatalf("%d root blocks, want 5", len(bs))
	}
	mwaa := bs[0]
	if mwaa.Type != "resource" || strings.Join(mwaa.Labels, " ") != "aws_mwaa_environment etl" {
		t.Fatalf("first block = %s %v", mwaa.Type, mwaa.Labels)
	}
	at(t, "type", mwaa.TypeSpan, 3, 4)
	at(t, "name label", mwaa.LabelSpans[1], 5, 8)
	at(t, "header", mwaa.Header(), 5, 8)
	if bs[1].TypeSpan != mwaa.TypeSpan || text(f, bs[1].Header()) != "mwaa" {
		t.Errorf("second resource: type %v, header %q", bs[1].TypeSpan, text(f, bs[1].Header()))
	}
	if a := mwaa.Attribute("webserver_access_mode"); a == nil || text(f, a.NameSpan) != "webserver_access_mode" || a.Span.Start.Col != 9 {
		t.Errorf("attribute = %+v", a)
	}
	if len(mwaa.Blocks("logging_configuration")) != 1 || len(mwaa.Blocks("lifecycle")) != 1 {
		t.Errorf("nested blocks = %d logging_configuration, %d lifecycle", len(mwaa.Blocks("logging_configuration")), len(mwaa.Blocks("lifecycle")))
	}
	if mwaa.Attribute("airflow_configuration_options") == nil {
		t.Error("airflow_configuration_options (keys with dots) must stay an argument")
	}
	if vb := bs[4]; vb.Type != "variable" || vb.Attribute("default") == nil {
		t.Errorf("variable block = %s %v", vb.Type, vb.Labels)
	}
}

func TestJSONSyntaxPolicies(t *testing.T) {
	f := parseFixture(t, "mwaa.tf.json")
	ps := f.Policies()
	if len(ps) != 3 {
		t.Fatalf("%d policies, want 3", len(ps))
	}
	// "${jsonencode({...})}": positions inside the interpolation are exact despite the \" escapes
	enc := ps[0]
	if enc.Form != "jsonencode" || strings.Join(enc.Path, " ") != "resource aws_iam_role_policy mwaa policy" {
		t.Errorf("jsonencode policy = %s %v", enc.Form, enc.Path)
	}
	s := enc.Statements[0]
	at(t, "jsonencode effect", s.Effect.Span, 27, 85)
	at(t, "jsonencode action", s.Actions[0].Span, 27, 105)
	if text(f, s.Effect.Span) != "Allow" || text(f, s.Actions[0].Span) != "*" || text(f, s.Resources[0].Span) != "*" || !s.Allows() {
		t.Errorf("jsonencode statement = %+v", s)
	}
	// a policy as an escaped JSON string, with an interpolation inside
	str := ps[1]
	if str.Form != "string" || len(str.Statements) != 1 {
		t.Fatalf("string policy = %+v", str)
	}
	s = str.Statements[0]
	if text(f, s.Actions[0].Span) != "s3:*" || s.Resources[0].Known || s.Resources[0].Text != "${aws_s3_bucket.dags.arn}/*" {
		t.Errorf("string statement = %+v", s)
	}
	at(t, "string action", s.Actions[0].Span, 32, 75)
	// data "aws_iam_policy_document" with an array of statement blocks
	doc := ps[2]
	if doc.Form != "aws_iam_policy_document" || len(doc.Statements) != 2 {
		t.Fatalf("policy document = %+v", doc)
	}
	trust := doc.Statements[0]
	if len(trust.Principals) != 1 || trust.Principals[0].Type != "Service" || len(trust.Principals[0].Values) != 2 {
		t.Errorf("principals = %+v", trust.Principals)
	}
	at(t, "principal", trust.Principals[0].Values[1].Span, 44, 57)
	if deny := doc.Statements[1]; deny.Allows() || text(f, deny.Actions[0].Span) != "iam:*" {
		t.Errorf("deny statement = %+v", deny)
	}
}

// TestJSONSyntaxReadsLikeNative parses one configuration in both syntaxes: rules see the same
// entries (paths, kinds, texts, references) and the same blocks.
func TestJSONSyntaxReadsLikeNative(t *testing.T) {
	native := `resource "aws_iam_role" "r" {
  name = "etl-${var.env}"
  inline_policy {
    name   = "s3"
    policy = jsonencode({Statement = [{Effect = "Allow", Action = "s3:*", Resource = "*"}]})
  }
  tags = { "team:owner" = "data" }
}
resource "aws_db_instance" "db" {
  password = "hunter2-not-real"
  port     = 5432
  enabled  = true
  subnets  = [var.a, "subnet-b"]
  note     = null
}
module "mwaa" {
  source = "./mwaa"
  settings = { scheduler = { workers = 2 } }
}
locals {
  conn = "postgresql://airflow:pw@${aws_db_instance.db.address}/airflow"
}
`
	jsonSrc := `{
  "resource": {
    "aws_iam_role": {"r": {
      "name": "etl-${var.env}",
      "inline_policy": {"name": "s3", "policy": "${jsonencode({Statement = [{Effect = \"Allow\", Action = \"s3:*\", Resource = \"*\"}]})}"},
      "tags": {"team:owner": "data"}
    }},
    "aws_db_instance": {"db": {"password": "hunter2-not-real", "port": 5432, "enabled": true, "subnets": ["${var.a}", "subnet-b"], "note": null}}
  },
  "module": {"mwaa": {"source": "./mwaa", "settings": {"scheduler": {"workers": 2}}}},
  "locals": {"conn": "postgresql://airflow:pw@${aws_db_instance.db.address}/airflow"}
}`
	n, _ := Parse(source.NewFile("main.tf", source.HCL, []byte(native)))
	j, _ := Parse(source.NewFile("main.tf.json", source.HCL, []byte(jsonSrc)))
	if len(n.SyntaxErrors())+len(j.SyntaxErrors()) != 0 {
		t.Fatal(n.SyntaxErrors(), j.SyntaxErrors())
	}
	describe := func(f *File) []string {
		var out []string
		for _, e := range f.Entries() {
			v := e.Value
			if v.Kind == value.Expr {
				v.Text = strings.ReplaceAll(v.Text, `\"`, `"`)
				v.Ref = strings.ReplaceAll(v.Ref, `\"`, `"`)
			}
			out = append(out, e.Dotted()+" "+v.Kind.String()+" "+v.Text+" "+v.Ref)
		}
		for _, b := range f.Blocks() {
			out = append(out, b.Type+" "+strings.Join(b.Labels, "."))
			for _, nb := range b.Blocks("") {
				out = append(out, "  "+nb.Type+" "+nb.Attribute("name").Value().Text)
			}
		}
		for _, p := range f.Policies() {
			out = append(out, p.Form+" "+strings.Join(p.Path, ".")+" "+p.Statements[0].Actions[0].Text)
		}
		return out
	}
	a, b := describe(n), describe(j)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("native:\n%s\n\nJSON syntax:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

func TestJSONSyntaxTfvars(t *testing.T) {
	f := parseFixture(t, "prod.tfvars.json")
	if len(f.Blocks()) != 0 {
		t.Errorf("a .tfvars.json file has no blocks: %d", len(f.Blocks()))
	}
	got := entries(f)
	pw := got["db_password"]
	at(t, "password key", pw.KeySpan, 3, 4)
	at(t, "password", pw.Value.Span, 3, 19)
	if !pw.Value.IsHardcoded() || pw.Value.Text != "Pr0d-Passw0rd!" {
		t.Errorf("password = %+v", pw.Value)
	}
	if v := got["airflow_config.webserver.expose_config"].Value; v.Text != "True" {
		t.Errorf("map entry = %+v", v)
	}
	if v := got["subnets.[1]"].Value; v.Text != "subnet-b" {
		t.Errorf("list item = %+v", v)
	}
	if v := got["public_access"].Value; v.Text != "true" || v.Kind != value.Literal {
		t.Errorf("bool = %+v", v)
	}
}

func TestJSONSyntaxBrokenFiles(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		msg       string
	}{
		{"missing comma", "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\"b\": {\"acl\": \"private\"\n      \"bucket\": \"x\"}}\n  }\n}\n", 4, "Missing attribute seperator"},
		{"unterminated string", "{\n  \"locals\": {\n    \"a\": \"x\n  }\n}\n", 3, ""},
		{"root not an object", "\n[\"x\"]\n", 2, "root array"},
		{"block that is not an object", "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"b\": \"oops\"\n    }\n  }\n}\n", 4, "Incorrect JSON value type"},
		{"broken interpolation", "{\n  \"locals\": {\n    \"a\": \"ok\",\n    \"b\": \"x-${var.a\"\n  }\n}\n", 4, ""},
		{"duplicate argument", "{\"locals\": {\n\"a\": 1,\n\"a\": 2}}\n", 3, "Duplicate argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(source.NewFile("broken.tf.json", source.HCL, []byte(tc.src)))
			if err != nil {
				t.Fatal(err)
			}
			exercise(t, f)
			errs := f.SyntaxErrors()
			if len(errs) == 0 {
				t.Fatal("no syntax error")
			}
			if errs[0].Span.Start.Line != tc.line || !strings.Contains(errs[0].Msg, tc.msg) {
				t.Errorf("first error at line %d: %q; want line %d containing %q", errs[0].Span.Start.Line, errs[0].Msg, tc.line, tc.msg)
			}
		})
	}
}

// A bare word in a broken file is quoted by HCL's diagnostics; it can be the secret itself, and
// notices reach every output.
func TestBrokenFileNoticesDoNotQuoteSource(t *testing.T) {
	const secret = "CorrectHorseBatteryStaple"
	for _, name := range []string{"main.tf.json", "main.tf"} {
		src := `{"resource": {"aws_db_instance": {"x": {"password": ` + secret + `}}}}` + "\n"
		if name == "main.tf" {
			src = "resource \"aws_db_instance\" \"x\" {\n  password = " + secret + " " + secret + "\n}\n"
		}
		f, err := Parse(source.NewFile(name, source.HCL, []byte(src)))
		if err != nil {
			t.Fatal(err)
		}
		errs := f.SyntaxErrors()
		if len(errs) == 0 {
			t.Fatalf("%s: no syntax error", name)
		}
		for _, e := range errs {
			if strings.Contains(e.Msg, secret[:8]) {
				t.Errorf("%s: notice shows the bare word: %q", name, e.Msg)
			}
		}
	}
}

func TestJSONSyntaxHostileInputs(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"empty", ""},
		{"deep arrays", "{\"locals\": {\"a\": " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "}}"},
		{"deep blocks", "{\"resource\": {\"t\": {\"n\": " + strings.Repeat("{\"b\": ", 3000) + "1" + strings.Repeat("}", 3000) + "}}}"},
		{"escapes and surrogates", `{"locals": {"a": "\u00e9\ud83d\ude00\ud800 ${x} \"\\\/\b\f\n\r\t", "b": "\uZZZZ"}}`},
		{"template in a key", `{"locals": {"${x}": {"${y}": 1}}}`},
		{"invalid utf-8", "{\"locals\": {\"a\": \"\xff\xfe ${\xc3}\"}}"},
		{"null blocks", `{"resource": null, "data": {"t": null}, "module": [null]}`},
		{"root array", `[{"locals": {"a": 1}}, {"resource": {"t": {"n": {"x": "${jsonencode({Statement = [{Action = \"*\"}]})}"}}}}]`},
		{"comment properties", `{"//": 1, "resource": {"//": "x", "t": {"//": "y", "n": {"//": "z", "a": 1}}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(source.NewFile("h.tf.json", source.HCL, []byte(tc.src)))
			if err != nil {
				t.Fatal(err)
			}
			exercise(t, f)
		})
	}
}

func TestUnescapeJSON(t *testing.T) {
	raw := `a\"b\u00e9\ud83d\ude00\n${x}`
	text, offs := unescapeJSON([]byte(raw))
	if text != "a\"bé😀\n${x}" {
		t.Fatalf("text = %q", text)
	}
	if len(offs) != len(text)+1 || offs[len(offs)-1] != len(raw) {
		t.Fatalf("offsets = %v", offs)
	}
	// every byte maps to the escape it came from; "${" keeps its place in raw
	if i := strings.Index(text, "${"); raw[offs[i]:offs[i]+2] != "${" {
		t.Errorf("offset of ${ = %d", offs[i])
	}
	if e := strings.Index(text, "é"); raw[offs[e]:offs[e]+2] != `\u` {
		t.Errorf("offset of é = %d", offs[e])
	}
}
