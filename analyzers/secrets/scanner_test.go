package secrets

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

var (
	defaultOnce    sync.Once
	defaultScanner *Scanner
	defaultErr     error
)

func newDefault(t testing.TB) *Scanner {
	defaultOnce.Do(func() { defaultScanner, defaultErr = NewScanner() })
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultScanner
}

// secretsOf returns the secrets matched by rule in content.
func secretsOf(s *Scanner, path, rule, content string) []string {
	var out []string
	for _, m := range s.Scan(path, []byte(content)) {
		if m.RuleID == rule {
			out = append(out, m.Secret)
		}
	}
	return out
}

func TestOwnRules(t *testing.T) {
	s := newDefault(t)
	raw, err := NewScanner(WithOwnRulesOnly(), WithUnclassified())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	prefectKey := "pnu_" + fakeSecret(rng, `[A-Za-z0-9]{36}`)
	fernetKey := fakeSecret(rng, `[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=`)
	dagsterToken := "agent:acme:" + fakeSecret(rng, `[a-f0-9]{32}`)
	tests := []struct {
		name, rule, content string
		want                []string // secrets Scan reports
		rawWant             []string // secrets the regex matches before classification (nil: same as want)
	}{
		{"sqlalchemy driver url", RuleURLUserinfo, `engine = create_engine("postgresql+psycopg2://etl:S3cr3t-Pw@db/dwh")`, []string{"S3cr3t-Pw"}, nil},
		{"mysql url", RuleURLUserinfo, "DB=mysql://app:hunter2x@mysql:3306/app", []string{"hunter2x"}, nil},
		{"mongodb srv url", RuleURLUserinfo, "uri: mongodb+srv://svc:Qw3rty-99@cluster0.mongodb.net/db", []string{"Qw3rty-99"}, nil},
		{"amqp url", RuleURLUserinfo, "broker_url = 'amqp://celery:Ampq-Pw-7@rabbitmq:5672//'", []string{"Ampq-Pw-7"}, nil},
		{"redis empty user", RuleURLUserinfo, "redis://:Xk92mQ7vLp@redis:6379/0", []string{"Xk92mQ7vLp"}, nil},
		{"redis literal word password", RuleURLUserinfo, "redis://:password@host", nil, []string{"password"}},
		{"env reference", RuleURLUserinfo, "postgresql://user:${PW}@h/db", nil, []string{}}, // gitleaks' global allowlist
		{"no password", RuleURLUserinfo, "postgresql://user@h/db", nil, []string{}},
		{"empty password", RuleURLUserinfo, "redis://:@redis:6379/0", nil, []string{}},
		{"template in userinfo", RuleURLUserinfo, "postgresql://user:{{conn.password}}@h/db", nil, []string{}},
		{"template with filter", RuleURLUserinfo, "postgresql://user:{{conn.pg.password|urlencode}}@h/db", nil, []string{}},
		{"spaced template in userinfo", RuleURLUserinfo, "postgresql://user:{{ conn.password }}@h/db", nil, []string{}},
		{"https is not a db url", RuleURLUserinfo, "https://user:pw12345@example.org/x", nil, []string{}},
		{"default pair is still reported", RuleURLUserinfo, "postgresql+psycopg2://airflow:airflow@postgres/airflow", []string{"airflow"}, nil},
		{"fernet env", RuleFernetKey, "AIRFLOW__CORE__FERNET_KEY=" + fernetKey, []string{fernetKey}, nil},
		{"fernet ini", RuleFernetKey, "fernet_key = " + fernetKey, []string{fernetKey}, nil},
		{"fernet helm", RuleFernetKey, `fernetKey: "` + fernetKey + `"`, []string{fernetKey}, nil},
		{"fernet python", RuleFernetKey, `f = Fernet(b"` + fernetKey + `")`, []string{fernetKey}, nil},
		{"fernet placeholder", RuleFernetKey, "fernet_key = {FERNET_KEY}", nil, []string{}},
		{"fernet docs example", RuleFernetKey, "fernet_key = 81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=", nil, []string{"81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs="}},
		{"base64 without fernet context", RuleFernetKey, "checksum = " + fernetKey, nil, []string{}},
		{"prefect key", RulePrefectAPIKey, `PREFECT_API_KEY="` + prefectKey + `"`, []string{prefectKey}, nil},
		{"prefect placeholder", RulePrefectAPIKey, "PREFECT_API_KEY=pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", nil, []string{}},
		{"dagster agent token", RuleDagsterCloudToken, "dagster_cloud_api:\n  agent_token: " + dagsterToken + "\n", []string{dagsterToken}, nil},
		{"dagster placeholder", RuleDagsterCloudToken, "agent_token: <YOUR_AGENT_TOKEN>\nDAGSTER_CLOUD_API_TOKEN=user:xxxxxxxx", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := secretsOf(s, "x.env", tt.rule, tt.content)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Scan: %s = %q, want %q", tt.rule, got, tt.want)
			}
			rawWant := tt.rawWant
			if rawWant == nil {
				rawWant = tt.want
			}
			if got := secretsOf(raw, "x.env", tt.rule, tt.content); strings.Join(got, "|") != strings.Join(rawWant, "|") {
				t.Errorf("unclassified: %s = %q, want %q", tt.rule, got, rawWant)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want Verdict
	}{
		{"", Placeholder},
		{"<password>", Placeholder},
		{"changeme", Placeholder},
		{"pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Placeholder},
		{"ghp_000000000000000000000000000000000000", Placeholder},
		{"{FERNET_KEY}", Placeholder},
		{"{{ conn.password }}", Template},
		{"{{ prefect.blocks.secret.x }}", Template},
		{"${PW}", EnvRef},
		{"$PASSWORD", EnvRef},
		{"${PW:-}", EnvRef},
		{"${PW:-hunter2x}", Literal},
		{"${PW:-changeme}", Placeholder},
		{"prefix-${PW}-suffix", EnvRef},
		{"AKIAIOSFODNN7EXAMPLE", Example},
		{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Example},
		{"81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=", Example},
		{"aaaaaaaaaaaa", Trivial},
		{"0123456789", Trivial},
		{"abcdefgh", Trivial},
		{"9876543", Trivial},
		{"abababab", Trivial},
		{"123123123", Trivial},
		{"12341234", Literal},
		{"hunter2", Literal},
		{"airflow", Literal},
		{"temporary_key", Literal},
		{"S3cr3t-Pw", Literal},
	}
	for _, tt := range tests {
		if got := Classify(tt.in); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	for _, p := range [][2]string{{"airflow", "airflow"}, {"admin", "admin"}, {"postgres", "postgres"}, {"prefect", "prefect"},
		{"guest", "guest"}, {"test", "test"}, {"admin", "pass"}, {"prefect", "prefect-rocks"}, {"", "prefect-rocks"}, {"Airflow", "airflow"}} {
		if !IsDefaultCredential(p[0], p[1]) {
			t.Errorf("IsDefaultCredential(%q, %q) = false", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"airflow", "S3cret"}, {"admin", "airflow"}, {"etl", "etl-pw"}, {"airflow", "Airflow"}} {
		if IsDefaultCredential(p[0], p[1]) {
			t.Errorf("IsDefaultCredential(%q, %q) = true", p[0], p[1])
		}
	}
	if !IsDefaultSecretKey("temporary_key") || IsDefaultSecretKey("a-real-signing-key") {
		t.Error("IsDefaultSecretKey")
	}
}

func TestEntropy(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{{"", 0}, {"aaaa", 0}, {"ab", 1}, {"abcd", 2}} {
		if got := Entropy(tt.in); got != tt.want {
			t.Errorf("Entropy(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseURLUserinfo(t *testing.T) {
	tests := []struct {
		in, scheme, user, pass string
		ok                     bool
	}{
		{"postgresql+psycopg2://user:pw@host/db", "postgresql+psycopg2", "user", "pw", true},
		{"redis://:password@host", "redis", "", "password", true},
		{"redis://:@redis:6379/0", "redis", "", "", true},
		{"mysql://u:p@ss@host:3306/db", "mysql", "u", "p@ss", true},
		{"postgresql://user@h/db", "", "", "", false},
		{"postgresql://h/db?u=a:b@c", "", "", "", false},
		{"no scheme", "", "", "", false},
		{"1x://u:p@h", "", "", "", false},
	}
	for _, tt := range tests {
		scheme, user, ps, pe, ok := ParseURLUserinfo(tt.in)
		if ok != tt.ok || scheme != tt.scheme || user != tt.user || (ok && tt.in[ps:pe] != tt.pass) {
			t.Errorf("ParseURLUserinfo(%q) = %q %q [%d:%d] %v, want %q %q %q %v", tt.in, scheme, user, ps, pe, ok, tt.scheme, tt.user, tt.pass, tt.ok)
		}
	}
}

// TestPositions checks that offsets are exact byte offsets of the secret, and that they give the
// right line and column (in code points) after a multi-byte character.
func TestPositions(t *testing.T) {
	s := newDefault(t)
	rng := rand.New(rand.NewPCG(9, 9))
	tok := "ghp_" + fakeSecret(rng, `[A-Za-z0-9]{36}`)
	content := "# Übersicht\n# café ünd 日本\nx = \"é\" + \"" + tok + "\"\n"
	ms := s.Scan("dag.py", []byte(content))
	var m *Match
	for i := range ms {
		if ms[i].RuleID == "github-pat" {
			m = &ms[i]
		}
	}
	if m == nil {
		t.Fatalf("github-pat not found in %q: %+v", content, ms)
	}
	if content[m.Start:m.End] != tok || m.Secret != tok {
		t.Errorf("secret span = %q, want %q", content[m.Start:m.End], tok)
	}
	f := source.NewFile("dag.py", source.Python, []byte(content))
	pos := f.Pos(m.Start)
	if pos.Line != 3 || pos.Col != 12 {
		t.Errorf("secret at %d:%d, want 3:12", pos.Line, pos.Col)
	}
	if end := f.Pos(m.End); end.Line != 3 || end.Col != 12+len(tok) {
		t.Errorf("secret ends at %d:%d, want 3:%d", end.Line, end.Col, 12+len(tok))
	}
}

// TestDecoded checks that a token inside base64 is found and mapped to the encoded span.
func TestDecoded(t *testing.T) {
	s := newDefault(t)
	content, err := readFixture("encoded_token.py")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, m := range s.Scan("encoded_token.py", content) {
		if m.RuleID != "github-pat" {
			continue
		}
		enc := string(content[m.Start:m.End])
		if strings.Contains(enc, "ghp_") {
			t.Errorf("found the gitleaks:allow'd token %q", enc)
			continue
		}
		found = true
		if !strings.HasPrefix(enc, "Z2l0aHVi") || !strings.Contains(strings.Join(m.Tags, ","), "decoded:base64") {
			t.Errorf("decoded match span %q tags %v", enc, m.Tags)
		}
	}
	if !found {
		t.Error("base64-wrapped github-pat not found")
	}
}

// TestFixtures pins what Scan reports on the committed fixtures (rule and secret span).
func TestFixtures(t *testing.T) {
	s := newDefault(t)
	want := map[string][]string{
		"etl_dag.py": {"github-pat", "slack-webhook-url", RuleURLUserinfo, RuleURLUserinfo, RuleURLUserinfo},
		"airflow.env": {RuleFernetKey, RuleURLUserinfo, RuleURLUserinfo, RulePrefectAPIKey, "prefect-api-token",
			RuleDagsterCloudToken},
		"k8s-secret.yaml":  {"kubernetes-secret-yaml", "kubernetes-secret-yaml", RuleFernetKey, "generic-api-key", RuleURLUserinfo},
		"values.yaml":      {RuleFernetKey, RuleDagsterCloudToken},
		"deploy_key.pem":   {"private-key"},
		"encoded_token.py": {"github-pat"},
	}
	for name, rules := range want {
		content, err := readFixture(name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range s.Scan(name, content) {
			got = append(got, m.RuleID)
		}
		if strings.Join(got, " ") != strings.Join(rules, " ") {
			t.Errorf("%s: got %v, want %v", name, got, rules)
		}
	}
}

// TestConcurrent runs Scan from several goroutines (go test -race checks it).
func TestConcurrent(t *testing.T) {
	s := newDefault(t)
	files := readFixtures(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range sortedKeys(files) {
				s.Scan(p, files[p])
			}
		}()
	}
	wg.Wait()
}
