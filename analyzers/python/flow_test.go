package python

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/value"
)

// flowLine renders a flow as "sink line:col <- origin-kind desc line:col".
func flowLine(f *Flow) string {
	return fmt.Sprintf("%s %d:%d <- %s %s %d:%d", f.Sink, f.Arg.Span.Start.Line, f.Arg.Span.Start.Col,
		f.Origin.Kind, f.Origin.Desc, f.Origin.Span.Start.Line, f.Origin.Span.Start.Col)
}

func checkFlows(t *testing.T, m *Module, want []string) {
	t.Helper()
	var got []string
	for _, f := range m.SecretFlows() {
		got = append(got, flowLine(f))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("flows:\n got:\n  %s\n want:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestAirflow2Flows(t *testing.T) {
	m := parseFixture(t, "airflow2_dag.py")
	checkFlows(t, m, []string{
		"log 27:51 <- secret-store conn.password 23:13",
	})
	f := m.SecretFlows()[0]
	if f.Log != LogStdlib || f.Func.Name != "fetch_report" || f.Call.Name != "logging.Logger.info" {
		t.Errorf("flow = %+v", f)
	}
}

func TestPrefect3(t *testing.T) {
	m := parseFixture(t, "prefect3_flow.py")
	if !m.Frameworks().Has(Prefect) || m.Frameworks().Has(Airflow) {
		t.Errorf("frameworks %v", m.Frameworks().Names())
	}
	fl := m.Function("sync_partner")
	d := fl.Decorator("prefect.flow")
	if d == nil || !d.Keyword("log_prints").Value.IsTrue() {
		t.Fatalf("flow decorator = %+v", d)
	}
	if n, _ := d.Keyword("name").Value.String(); n != "sync" {
		t.Errorf("flow name = %q", n)
	}
	if p := fl.Param("base_url"); p == nil || p.Default.Value().Text != "https://partner.example.com" {
		t.Errorf("base_url default = %+v", p)
	}
	if d := m.Function("call_api").Decorators; len(d) != 1 || d[0].Name != "prefect.task" || d[0].Callee != "task" || at(d[0].Span) != [2]int{11, 2} {
		t.Errorf("bare @task decorator = %+v", d)
	}
	logPrints := map[string]bool{"sync_partner": true, "call_api": true, "helper": true, "load_token": true,
		"quiet": false, "other_flow": false}
	for name, want := range logPrints {
		if got := m.Function(name).LogPrints(); got != want {
			t.Errorf("%s.LogPrints() = %v, want %v", name, got, want)
		}
	}
	var captured []int
	for _, c := range m.Calls() {
		if c.CapturedPrint() {
			captured = append(captured, c.Span.Start.Line)
		}
	}
	if fmt.Sprint(captured) != "[13 15 16 27]" {
		t.Errorf("captured prints on lines %v", captured)
	}
	info := findCall(t, m, "prefect.Logger.info", 0)
	if k, ok := info.LogSink(); !ok || k != LogPrefect {
		t.Errorf("logger.info LogSink = %v %v", k, ok)
	}
	if c := findCall(t, m, "httpx.Client", 0); !c.Keyword("verify").Value.IsFalse() {
		t.Error("httpx.Client verify=False not seen")
	}
	if c := findCall(t, m, "call_api.submit", 0); m.calledFunction(c) != m.Function("call_api") {
		t.Error("call_api.submit does not resolve to the task")
	}
	if v := findAssign(t, m, "region").Value.Value(); v.Kind != value.SecretRef || v.Ref != "region" {
		t.Errorf("Variable.get value = %+v", v)
	}
	checkFlows(t, m, []string{
		// call_api.submit(base_url, token) passes the token loaded at 31:12 (sync_partner -> call_api)
		`print 13:11 <- secret-store Secret.load("partner-token").get() 31:12`,
		// helper(region): a Variable is a secret-store read wherever it is passed
		`print 27:21 <- secret-store Variable.get("region") 42:14`,
		`return 31:12 <- secret-store Secret.load("partner-token").get() 31:12`,
		`log 38:35 <- secret-store Secret.load("partner-token").get() 31:12`,
		`raise 48:24 <- secret-store Secret.load("partner-token").get() 31:12`,
	})
}

func TestDagster(t *testing.T) {
	m := parseFixture(t, "dagster_assets.py")
	if !m.Frameworks().Has(Dagster) {
		t.Errorf("frameworks %v", m.Frameworks().Names())
	}
	if d := m.Function("orders").Decorators; len(d) != 1 || d[0].Name != "dagster.asset" {
		t.Errorf("@asset = %+v", d)
	}
	if d := m.Function("plain_op").Decorators; len(d) != 1 || d[0].Name != "dagster.op" {
		t.Errorf("@dg.op = %+v", d)
	}
	if c := m.Classes()[0]; c.Name != "WarehouseResource" || len(c.Bases) != 1 || c.Bases[0] != "dagster.ConfigurableResource" {
		t.Errorf("class = %+v", c)
	}
	kinds := map[string]LogKind{}
	for _, c := range m.Calls() {
		if k, ok := c.LogSink(); ok {
			kinds[fmt.Sprintf("%d:%s", c.Span.Start.Line, c.Callee)] = k
		}
	}
	want := map[string]LogKind{"21:get_dagster_logger().info": LogDagster, "27:context.log.info": LogDagster,
		"28:context.log.debug": LogDagster, "31:context.log.info": LogDagster, "37:ctx.log.info": LogDagster}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("log sinks %v, want %v", kinds, want)
	}
	res := []struct {
		nth  int
		kind value.Kind
		ref  string
		text string
	}{
		{0, value.SecretRef, "WAREHOUSE_PASSWORD", ""},
		{1, value.EnvRef, "LEGACY_PW", ""},
		{2, value.Literal, "", "s3cr3t-Pa55"},
	}
	for _, r := range res {
		v := findCall(t, m, "WarehouseResource", r.nth).Keyword("password").Value.Value()
		if v.Kind != r.kind || v.Ref != r.ref || v.Text != r.text {
			t.Errorf("resource %d password = %+v", r.nth, v)
		}
	}
	if v := findCall(t, m, "WarehouseResource", 1).Keyword("password").Value.Value(); v.Default == nil || v.Default.Text != "" || v.Default.Kind != value.Literal {
		t.Errorf("getenv default = %+v", v.Default)
	}
	checkFlows(t, m, []string{
		"log 21:57 <- name self.password 21:57",
		"log 28:23 <- name warehouse.password 28:29",
		`metadata 32:39 <- env os.environ["SNOWFLAKE_PRIVATE_KEY"] 29:18`,
	})
}

func TestAirflow3(t *testing.T) {
	m := parseFixture(t, "airflow3_dag.py")
	if c := m.Classes()[0]; c.Bases[0] != "airflow.models.BaseOperator" {
		t.Errorf("bases = %v", c.Bases)
	}
	for _, name := range []string{"airflow.hooks.base.BaseHook.get_connection", "airflow.models.Connection.get_connection_from_secrets",
		"airflow.Logger.info", "airflow.utils.log.secrets_masker.mask_secret", "airflow.decorators.dag",
		"airflow.decorators.task.virtualenv", "partner_sync.call", "airflow.models.Variable.get"} {
		findCall(t, m, name, 0)
	}
	if d := m.Function("partner_sync").Decorator("airflow.decorators.dag"); d == nil || !d.Keyword("schedule").Value.IsNone() {
		t.Errorf("@dag schedule=None not seen: %+v", d)
	}
	if d := m.Function("partner_sync.get_creds").Decorators[0]; d.Name != "airflow.decorators.task" {
		t.Errorf("@task = %q", d.Name)
	}
	ch := findAssign(t, m, "ctx.check_hostname")
	if ch.Name != "ssl.SSLContext.check_hostname" || !ch.Value.IsFalse() {
		t.Errorf("check_hostname = %+v", ch)
	}
	if vm := findAssign(t, m, "ctx.verify_mode"); vm.Name != "ssl.SSLContext.verify_mode" || vm.Value.Name() != "ssl.CERT_NONE" {
		t.Errorf("verify_mode = %+v", vm)
	}
	if a := findAssign(t, m, "ssl._create_default_https_context"); a.Name != "ssl._create_default_https_context" || a.Value.Name() != "ssl._create_unverified_context" {
		t.Errorf("https context = %+v", a)
	}
	if v := findAssign(t, m, "key").Value.Value(); v.Kind != value.SecretRef || v.Ref != "partner_key" {
		t.Errorf("Variable.get()[...] = %+v", v)
	}
	checkFlows(t, m, []string{
		"log 18:33 <- secret-store conn.get_uri() 18:33",
		"return 22:16 <- secret-store conn.extra_dejson 22:16",
		"return 30:16 <- secret-store c.password 30:46",
		"print 34:15 <- name creds 33:14",
	})
}

func TestCredentialNames(t *testing.T) {
	yes := []string{"password", "db_password", "DB_PASSWORD", "api_key", "apiKey", "AWS_SECRET_ACCESS_KEY",
		"access_token", "client_secret", "secret", "token", "fernet_key", "private_key", "creds", "authToken", "passwd"}
	no := []string{"token_count", "password_policy_url", "num_keys", "key_id", "secret_name", "password_hash",
		"tokenizer", "key", "keys", "monkey", "api_key_id", "token_type", "num_tokens", "is_secret", "secret_arn", "host", "username"}
	for _, n := range yes {
		if !isCredentialName(n) {
			t.Errorf("%s should be a credential name", n)
		}
	}
	for _, n := range no {
		if isCredentialName(n) {
			t.Errorf("%s should not be a credential name", n)
		}
	}
}
