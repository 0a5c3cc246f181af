package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

const fakeSecret = "Sup3r-S3cret-NotReal-9f8e7d"

// sampleResult builds a result by hand so the reporters are tested without any rule: one finding
// whose line holds a secret, one related location, one suppressed finding and one notice.
func sampleResult(t *testing.T) *engine.Result {
	t.Helper()
	src := "from airflow.models import Connection\n\nconn = Connection(conn_id=\"db\", password=\"" + fakeSecret + "\")\n" +
		"café = 1; print(conn)  # dagwarden: ignore[unused-suppression] demo\n"
	f := source.NewFile("dags/etl é.py", source.Python, []byte(src))
	secStart := strings.Index(src, fakeSecret)
	kw := strings.Index(src, "password=")
	cafe := strings.Index(src, "print")
	findings := []rules.Finding{{
		RuleID: rules.InvalidSuppression.ID, Path: f.Path, Message: "connection password is a string literal",
		Span: f.Span(kw, secStart+len(fakeSecret)+1), Sensitive: []source.Span{f.Span(secStart, secStart+len(fakeSecret))},
		Severity: rules.High, Confidence: rules.ConfidenceHigh,
		Related: []rules.Related{{Path: f.Path, Span: f.Span(0, 4), Message: "imported here"}},
	}, {
		RuleID: rules.UnusedSuppression.ID, Path: f.Path, Message: "a finding on a line with a multi-byte name",
		Span: f.Span(cafe, cafe+5), Severity: rules.Low, Confidence: rules.ConfidenceMedium,
	}}
	suppressed := []rules.Finding{{
		RuleID: rules.UnusedSuppression.ID, Path: f.Path, Message: "suppressed one", Span: f.Span(0, 4),
		Severity: rules.Low, Confidence: rules.ConfidenceHigh, Suppression: &rules.Suppression{Kind: "inSource", Reason: "demo"},
	}}
	suppress.Fingerprints(f, findings)
	suppress.Fingerprints(f, suppressed)
	return &engine.Result{
		Base:       "/repo",
		Rules:      []*rules.Rule{rules.InvalidSuppression, rules.UnusedSuppression},
		Findings:   findings,
		Suppressed: suppressed,
		Notices:    []engine.Notice{{Path: "broken.yaml", Line: 3, Col: 5, Kind: "parse-error", Message: "mapping values are not allowed here"}},
		Files:      map[string]*source.File{f.Path: f},
		Stats:      engine.Stats{Files: 2},
	}
}

func render(t *testing.T, format string, opt Options) string {
	t.Helper()
	rep, err := New(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep(&buf, sampleResult(t), opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestNoFormatPrintsTheSecret(t *testing.T) {
	for _, format := range Formats {
		for _, show := range []bool{false, true} {
			out := render(t, format, Options{ShowSuppressed: show, Color: true})
			if strings.Contains(out, fakeSecret) || strings.Contains(out, fakeSecret[:8]) {
				t.Errorf("%s output shows the secret:\n%s", format, out)
			}
		}
	}
}

func TestTextUnderlinesTheMaskedSpan(t *testing.T) {
	out := render(t, "text", Options{})
	want := "3 | conn = Connection(conn_id=\"db\", password=\"****\")\n" +
		"  |                                 ^^^^^^^^^^^^^^^"
	if !strings.Contains(out, want) {
		t.Fatalf("text output lacks the masked excerpt with its underline:\n%s", out)
	}
	if !strings.Contains(out, "dags/etl é.py:3:33: high connection password is a string literal [invalid-suppression]") {
		t.Fatalf("text output lacks the location line:\n%s", out)
	}
	// column counts code points: "café = 1; " is 10 characters before print
	if !strings.Contains(out, "dags/etl é.py:4:11: low") {
		t.Fatalf("multi-byte column wrong:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Fatal("colour codes without Color")
	}
}

func TestJSONContract(t *testing.T) {
	var doc struct {
		Version  int              `json:"version"`
		Findings []map[string]any `json:"findings"`
		Notices  []map[string]any `json:"notices"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Findings) != 2 || len(doc.Notices) != 1 {
		t.Fatalf("unexpected document: %+v", doc)
	}
	for _, key := range []string{"rule_id", "category", "severity", "confidence", "path", "line", "column", "end_line", "end_column", "message", "fingerprint"} {
		if _, ok := doc.Findings[0][key]; !ok {
			t.Errorf("finding lacks %q", key)
		}
	}
	if doc.Findings[0]["line"].(float64) != 3 || doc.Findings[0]["column"].(float64) != 33 {
		t.Errorf("position = %v:%v, want 3:33", doc.Findings[0]["line"], doc.Findings[0]["column"])
	}
}

func TestSARIFValidatesAgainstTheOfficialSchema(t *testing.T) {
	schemaPath := filepath.Join("..", "..", "testdata", "schemas", "sarif-schema-2.1.0.json")
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, show := range []bool{false, true} {
		out := render(t, "sarif", Options{ShowSuppressed: show, ToolVersion: "v0.1.0"})
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("SARIF (show suppressed %v) is invalid: %v", show, err)
		}
	}
}

func TestSARIFFields(t *testing.T) {
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Name string `json:"name"`
						Help struct {
							Markdown string `json:"markdown"`
						} `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
							Snippet                                    struct{ Text string }
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				RelatedLocations    []any             `json:"relatedLocations"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful        bool  `json:"executionSuccessful"`
				ToolExecutionNotifications []any `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(render(t, "sarif", Options{})), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	r0 := run.Tool.Driver.Rules[0]
	if r0.ID != "invalid-suppression" || r0.Name != "InvalidSuppression" || r0.DefaultConfiguration.Level != "note" {
		t.Errorf("rule descriptor: %+v", r0)
	}
	if r0.Properties["security-severity"] != "2.0" || r0.Properties["precision"] != "high" || r0.Properties["category"] != "tool" {
		t.Errorf("rule properties: %v", r0.Properties)
	}
	if !strings.Contains(r0.Help.Markdown, "docs/rules/invalid-suppression.md") {
		t.Errorf("help markdown lacks the docs link: %q", r0.Help.Markdown)
	}
	if len(run.Results) != 2 {
		t.Fatalf("results = %d, want 2 (the suppressed one left out)", len(run.Results))
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.Level != "error" || res.RuleIndex != 0 || loc.ArtifactLocation.URI != "dags/etl é.py" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("result: %+v", res)
	}
	if loc.Region.StartLine != 3 || loc.Region.StartColumn != 33 || loc.Region.EndColumn != 71 {
		t.Errorf("region: %+v", loc.Region)
	}
	if !strings.Contains(loc.Region.Snippet.Text, `password="****"`) {
		t.Errorf("snippet not masked: %q", loc.Region.Snippet.Text)
	}
	if res.PartialFingerprints["primaryLocationLineHash"] == "" || len(res.RelatedLocations) != 1 {
		t.Errorf("fingerprint or related location missing: %+v", res)
	}
	if run.Results[1].RuleIndex != 1 {
		t.Errorf("second result ruleIndex = %d, want 1", run.Results[1].RuleIndex)
	}
	if !run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("invocation: %+v", run.Invocations[0])
	}
}

func TestGitHubEscapesWorkflowCommands(t *testing.T) {
	out := render(t, "github", Options{})
	if !strings.Contains(out, "::error file=dags/etl é.py,line=3,col=33,endLine=3,endColumn=71,title=dagwarden invalid-suppression (high)::connection password is a string literal") {
		t.Fatalf("github output:\n%s", out)
	}
	if got := escapeProperty("a,b:c\nd%"); got != "a%2Cb%3Ac%0Ad%25" {
		t.Errorf("escapeProperty = %q", got)
	}
}

func TestMarkdownSummary(t *testing.T) {
	out := render(t, "markdown", Options{})
	if !strings.Contains(out, "| tool | 0 | 1 | 0 | 1 | 2 |") || !strings.Contains(out, "| high | `invalid-suppression` | `dags/etl é.py:3` |") {
		t.Fatalf("markdown output:\n%s", out)
	}
}
