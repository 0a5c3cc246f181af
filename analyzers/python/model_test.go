package python

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/value"
)

func TestAirflow2Names(t *testing.T) {
	m := parseFixture(t, "airflow2_dag.py")
	if !m.Frameworks().Has(Airflow) || m.Frameworks().Has(Prefect) {
		t.Errorf("frameworks = %v", m.Frameworks().Names())
	}
	if !m.Imports("requests") || m.Imports("request") || !m.Imports("airflow.models") {
		t.Error("Imports prefix matching is wrong")
	}
	tests := []struct {
		name string
		nth  int
		at   [2]int
	}{
		{"airflow.hooks.base.BaseHook.get_connection", 0, [2]int{22, 12}},
		{"requests.Session", 0, [2]int{24, 15}},
		{"requests.Session.get", 0, [2]int{26, 12}},
		{"logging.Logger.info", 0, [2]int{27, 5}},
		{"airflow.models.Connection", 0, [2]int{35, 9}},
		{"airflow.models.Variable.get", 0, [2]int{37, 15}},
		{"os.getenv", 0, [2]int{39, 10}},
		{"airflow.models.DAG", 0, [2]int{45, 6}},
		{"requests.get", 0, [2]int{47, 5}},
		{"len", 0, [2]int{28, 33}},
	}
	for _, tt := range tests {
		c := findCall(t, m, tt.name, tt.nth)
		if got := at(c.Span); got != tt.at {
			t.Errorf("%s at %v, want %v", tt.name, got, tt.at)
		}
	}
	get := findCall(t, m, "requests.Session.get", 0)
	if get.Func == nil || get.Func.Name != "fetch_report" {
		t.Errorf("enclosing function of session.get = %v", get.Func)
	}
	if get.Callee != "session.get" {
		t.Errorf("Callee = %q", get.Callee)
	}
	if k := get.Keyword("timeout"); k == nil || k.Value.Resolve().Text != "30" || at(k.NameSpan) != [2]int{26, 79} {
		t.Errorf("timeout keyword = %+v", k)
	}
	if h := get.Keyword("headers").Value.Get("Authorization"); h == nil || h.Kind != "string" {
		t.Errorf("headers[Authorization] = %v", h)
	}
	verify := findAssign(t, m, "session.verify")
	if verify.Name != "requests.Session.verify" || !verify.Value.IsFalse() || verify.ModuleLevel || verify.Func.Name != "fetch_report" {
		t.Errorf("session.verify assignment = %+v", verify)
	}
	if at(verify.TargetSpan) != [2]int{25, 5} {
		t.Errorf("target span %v", verify.TargetSpan)
	}
	rget := findCall(t, m, "requests.get", 0)
	if !rget.Keyword("verify").Value.IsFalse() {
		t.Error("verify=VERIFY should follow the module constant to False")
	}
	if rget.Func != nil {
		t.Error("module-level call has an enclosing function")
	}
	if e, ok := m.Constant("TIMEOUT"); !ok || e.Text != "30" {
		t.Errorf("Constant(TIMEOUT) = %v %v", e, ok)
	}
	if e, ok := m.Constant("fetch"); !ok || e.Call() == nil || e.Call().Name != "airflow.operators.python.PythonOperator" {
		t.Error("fetch is assigned once at module level (inside a with block): a constant")
	}
	if _, ok := m.Constant("token"); ok {
		t.Error("token is a local, not a module constant")
	}
}

func TestAirflow2Values(t *testing.T) {
	m := parseFixture(t, "airflow2_dag.py")
	conn := findCall(t, m, "airflow.models.Connection", 0)
	pw := conn.Keyword("password").Value.Value()
	if pw.Kind != value.Literal || pw.Text != "hunter2-prod" {
		t.Fatalf("password value = %+v", pw)
	}
	// the span is the text between the quotes on line 15: DB_PASSWORD = "hunter2-prod"
	if pw.Span.Start.Line != 15 || pw.Span.Start.Col != 16 || pw.Span.End.Col != 28 {
		t.Errorf("password span = %+v", pw.Span)
	}
	cases := []struct {
		target string
		kind   value.Kind
		text   string
		ref    string
	}{
		{"api_key", value.SecretRef, "", "partner_api_key"},
		{"home", value.EnvRef, "", "HOME"},
		{"pw", value.EnvRef, "", "WAREHOUSE_PASSWORD"},
		{"greeting", value.Literal, "hello world", ""},
		{"templated", value.Template, "{{ var.value.partner_api_key }}", ""},
		{"conn", value.SecretRef, "", "reporting_api"},
		{"token", value.SecretRef, "", "reporting_api"},
		{"EMPTY", value.Literal, "", ""},
		{"session", value.Expr, "", "rq.Session()"},
	}
	for _, c := range cases {
		v := findAssign(t, m, c.target).Value.Value()
		if v.Kind != c.kind || v.Text != c.text || v.Ref != c.ref {
			t.Errorf("%s: got %v %q ref %q, want %v %q ref %q", c.target, v.Kind, v.Text, v.Ref, c.kind, c.text, c.ref)
		}
	}
	pwv := findAssign(t, m, "pw").Value.Value()
	if pwv.Default == nil || pwv.Default.Text != "changeme" {
		t.Errorf("getenv default = %+v", pwv.Default)
	}
	greet := findAssign(t, m, "greeting").Value.Value()
	if at(greet.Span) != [2]int{40, 17} || greet.Span.End.Col != 31 {
		t.Errorf("implicit concatenation span = %+v", greet.Span)
	}
}
