package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/docs"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

func renderHTML(t *testing.T, res *engine.Result, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, res, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// richResult is the sample result with scan statistics in several map entries (so map order
// would show as nondeterminism) and HTML-special characters in a path and a message.
func richResult(t *testing.T) *engine.Result {
	res := sampleResult(t)
	res.Stats = engine.Stats{Files: 7, Bytes: 4096,
		ByKind:     map[source.Kind]int{source.Python: 3, source.YAML: 2, source.INI: 1, source.Text: 1},
		Frameworks: map[string]int{"airflow": 2, "prefect": 2, "dagster": 1}}
	f := res.Files["dags/etl é.py"]
	hostile := source.NewFile(`dags/<b>q&a</b> "x".py`, source.Python, f.Content)
	res.Files[hostile.Path] = hostile
	res.Findings[1].Path = hostile.Path
	res.Findings[1].Message = `value <script>alert("pwned")</script> & 'quoted' in ` + "`conn`"
	return res
}

func TestHTMLNeverShowsTheSecret(t *testing.T) {
	for _, show := range []bool{false, true} {
		out := renderHTML(t, richResult(t), Options{ShowSuppressed: show})
		for i := 0; i+6 <= len(fakeSecret); i++ {
			if piece := fakeSecret[i : i+6]; strings.Contains(out, piece) {
				t.Fatalf("show suppressed %v: the report contains %q, part of the secret", show, piece)
			}
		}
		if !strings.Contains(out, `password=&#34;****&#34;`) {
			t.Errorf("the masked excerpt is missing")
		}
	}
}

var (
	resourceAttrRe = regexp.MustCompile(`(?is)<([a-z0-9]+)\b[^>]*?\s(src|href|srcset|action|formaction|poster|data|xlink:href)\s*=\s*["']?([^"'\s>]*)`)
	tagLoadRe      = regexp.MustCompile(`(?i)<script[^>]+src|<link[^>]+href|<iframe|<object|<embed`)
	cssLoadRe      = regexp.MustCompile(`(?i)@import|url\(`)
	// styleRe finds the CSS of the page: <style> blocks and style attributes. Text elsewhere
	// (a rule page's code example calling MetadataValue.url(...)) loads nothing.
	styleRe = regexp.MustCompile(`(?is)<style[^>]*>(.*?)</style>|\sstyle\s*=\s*("[^"]*"|'[^']*')`)
)

func TestHTMLLoadsNothingFromTheNetwork(t *testing.T) {
	res := richResult(t)
	res.Rules = rules.All() // every rule page, with its reference links
	out := renderHTML(t, res, Options{ShowSuppressed: true})
	if m := tagLoadRe.FindString(out); m != "" {
		t.Errorf("the report loads a resource: %q", m)
	}
	for _, probe := range []string{"<style>b{background:url(x)}</style>", `<p style="background:url(x)">`} {
		m := styleRe.FindStringSubmatch(probe)
		if m == nil || cssLoadRe.FindString(m[1]+m[2]) == "" {
			t.Fatalf("the style check misses %q", probe)
		}
	}
	styles := styleRe.FindAllStringSubmatch(out, -1)
	if len(styles) == 0 {
		t.Error("found no CSS in the page: the style check below checks nothing")
	}
	for _, m := range styles {
		if css := cssLoadRe.FindString(m[1] + m[2]); css != "" {
			t.Errorf("the report's CSS loads a resource: %q", css)
		}
	}
	for _, m := range resourceAttrRe.FindAllStringSubmatch(out, -1) {
		tag, attr, val := strings.ToLower(m[1]), strings.ToLower(m[2]), m[3]
		if tag == "a" && attr == "href" {
			continue // a link the reader may follow, not a load
		}
		if strings.Contains(val, "//") || strings.HasPrefix(strings.ToLower(val), "javascript:") {
			t.Errorf("<%s %s=%q> loads from elsewhere", tag, attr, val)
		}
	}
	if !strings.Contains(out, `content="default-src &#39;none&#39;;`) {
		t.Error("the Content-Security-Policy does not default to 'none'")
	}
	if !strings.Contains(out, `<a href="https://cwe.mitre.org/`) {
		t.Error("rule references are not links (the check above would be vacuous)")
	}
}

func TestHTMLInlineCodeMatchesItsPolicyHashes(t *testing.T) {
	out := renderHTML(t, richResult(t), Options{})
	for _, tag := range []string{"style", "script"} {
		open, close := "<"+tag+">", "</"+tag+">"
		i, j := strings.Index(out, open), strings.Index(out, close)
		if i < 0 || j < i || strings.Count(out, open) != 1 {
			t.Fatalf("want exactly one inline <%s>", tag)
		}
		sum := sha256.Sum256([]byte(out[i+len(open) : j]))
		csp := html.UnescapeString(regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(out)[1])
		if hash := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); !strings.Contains(csp, tag+"-src '"+hash+"'") {
			t.Errorf("the policy does not allow the inline %s (hash %s): the browser would block it", tag, hash)
		}
	}
}

func TestHTMLIsDeterministic(t *testing.T) {
	build := func() *engine.Result {
		res := richResult(t)
		res.Rules = rules.All()
		return res
	}
	first := renderHTML(t, build(), Options{ToolVersion: "v1.2.3"})
	for range 5 { // maps iterate in a different order each time
		if renderHTML(t, build(), Options{ToolVersion: "v1.2.3"}) != first {
			t.Fatal("two renders of the same result differ")
		}
	}
}

func TestHTMLCounts(t *testing.T) {
	for _, show := range []bool{false, true} {
		out := renderHTML(t, richResult(t), Options{ShowSuppressed: show})
		for _, want := range []string{
			`id="total-count">2<`,
			`class="card sev high" data-filter="severity" data-value="high"><span class="num">1<`,
			`class="card sev low" data-filter="severity" data-value="low"><span class="num">1<`,
			`class="card sev critical zero" data-filter="severity" data-value="critical"><span class="num">0<`,
			`id="card-suppressed" data-suppressed-toggle><span class="num">1<`,
			`show suppressed (1)`,
			`<span class="chip">python <b>3</b></span><span class="chip">yaml <b>2</b></span>`,
			`<span class="chip">airflow <b>2</b></span><span class="chip">prefect <b>2</b></span><span class="chip">dagster <b>1</b></span>`,
			`broken.yaml:3:5</td><td>mapping values are not allowed here`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("show suppressed %v: report lacks %s", show, want)
			}
		}
		if n := strings.Count(out, `<details class="finding `); n != 3 {
			t.Errorf("%d finding rows, want 3 (2 reported, 1 suppressed)", n)
		}
		supp := regexp.MustCompile(`<details class="finding [^"]*is-suppressed"[^>]*data-suppressed="1"( hidden)?>`).FindStringSubmatch(out)
		if supp == nil || (supp[1] == " hidden") == show {
			t.Errorf("show suppressed %v: the suppressed row is %q", show, supp)
		}
		if strings.Count(out, `data-suppressed="0">`) != 2 {
			t.Error("reported findings must be visible")
		}
	}
}

func TestHTMLEscapesPathsAndMessages(t *testing.T) {
	out := renderHTML(t, richResult(t), Options{})
	for _, bad := range []string{`<script>alert`, `<b>q&a</b>`, `"x".py`} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		`value &lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; &amp; &#39;quoted&#39; in <code>conn</code>`,
		`data-path="dags/&lt;b&gt;q&amp;a&lt;/b&gt; &#34;x&#34;.py"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks the escaped form %s", want)
		}
	}
}

func TestHTMLWithoutFindings(t *testing.T) {
	out := renderHTML(t, &engine.Result{Rules: []*rules.Rule{rules.InvalidSuppression}}, Options{})
	for _, want := range []string{"No findings: nothing in the scanned files broke a rule.", `id="total-count">0<`, "None: every file was read and parsed."} {
		if !strings.Contains(out, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	if strings.Contains(out, `<details class="finding `) {
		t.Error("empty report has finding rows")
	}
}

// The report's rule documentation is the generated page (docs/rules/<id>.md), not a second text.
func TestHTMLRuleDocsComeFromTheGeneratedPages(t *testing.T) {
	page, ok := docs.RulePage(rules.InvalidSuppression.ID)
	if !ok {
		t.Fatal("no generated page for invalid-suppression")
	}
	fix := markdownSections(page)["How to fix"]
	if fix == "" {
		t.Fatal("the page has no How to fix section")
	}
	out := renderHTML(t, richResult(t), Options{})
	if want := string(markdownHTML(fix, 3)); strings.Count(out, want) < 2 { // in the finding and in the reference
		t.Errorf("the report does not show the page's How to fix:\n%s", want)
	}
	if !strings.Contains(out, `id="rule-invalid-suppression"`) || !strings.Contains(out, `href="#rule-invalid-suppression"`) {
		t.Error("the finding does not link to its rule's documentation")
	}
}

func TestMarkdownHTMLIsSafe(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"raw html", `<img src=x onerror=alert(1)> & <b>`, `<p>&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;</p>`},
		{"script link", `[click](javascript:alert(1))`, `<p>click</p>`},
		{"web link", `[CWE-798](https://cwe.mitre.org/x?a=1&b="2")`, `<p><a href="https://cwe.mitre.org/x?a=1&amp;b=&#34;2&#34;" rel="noopener noreferrer">CWE-798</a></p>`},
		{"autolink", `see <https://example.com/a>`, `<p>see <a href="https://example.com/a" rel="noopener noreferrer">https://example.com/a</a></p>`},
		{"code", "`<x>` and **bold** and *em* but s3:* stays", `<p><code>&lt;x&gt;</code> and <strong>bold</strong> and <em>em</em> but s3:* stays</p>`},
		{"fence", "```python\nx = \"<y>\"\n```", "<pre class=\"md-code\"><code data-lang=\"python\">x = &#34;&lt;y&gt;&#34;</code></pre>"},
		{"fence language injection", "```py\"><script>\nx\n```", "<pre class=\"md-code\"><code data-lang=\"py\">x</code></pre>"},
		{"table", "| a | b |\n|---|---|\n| `x\\|y` | <z> |", `<table class="md-table"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><code>x|y</code></td><td>&lt;z&gt;</td></tr></tbody></table>`},
		{"list", "- one\n- two `t`", `<ul><li>one</li><li>two <code>t</code></li></ul>`},
		{"heading", "## How to fix", `<h4>How to fix</h4>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.TrimSpace(string(markdownHTML(tc.in, 2))); got != tc.want {
				t.Errorf("markdownHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}
