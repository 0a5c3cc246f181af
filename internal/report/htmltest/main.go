// Command htmltest opens a dagwarden HTML report in headless Chromium and checks it the way a
// reader uses it: the page renders without console errors, uncaught exceptions or network
// requests; the category, severity, rule and path filters, the chart shortcuts and the
// suppressed toggle show exactly the findings the JSON report of the same scan says they should;
// and no secret value found in the scanned files appears in the rendered page, whole or in part.
// It saves a screenshot for the README and a full-page one for the test log.
//
// It drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe), so it needs
// nothing but the chromium binary. .ci/browser-test.sh builds the inputs and runs it:
//
//	go run ./internal/report/htmltest -report report.html -json report.json \
//	    -base DIR -scan testdata/pipelines -screenshot docs/report-screenshot.png
package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

func main() {
	var (
		exe        = flag.String("chromium", "chromium", "Chromium executable")
		reportPath = flag.String("report", "", "the HTML report to test")
		jsonPath   = flag.String("json", "", "the JSON report of the same scan, run with --show-suppressed (the expected findings)")
		base       = flag.String("base", ".", "directory the scan ran in")
		scan       = flag.String("scan", "", "comma-separated paths the scan covered (their secrets must not show)")
		shot       = flag.String("screenshot", "", "write a screenshot of the summary and one opened finding here")
		fullShot   = flag.String("fullpage", "", "write a full-page screenshot here")
		noSandbox  = flag.Bool("no-sandbox", os.Geteuid() == 0, "pass --no-sandbox (needed as root)")
		timeout    = flag.Duration("timeout", 90*time.Second, "give up after this long")
	)
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	t := &tester{}
	if err := t.run(ctx, config{*exe, *reportPath, *jsonPath, *base, *scan, *shot, *fullShot, *noSandbox}); err != nil {
		t.fail("%v", err)
	}
	if len(t.failures) > 0 {
		for _, f := range t.failures {
			fmt.Println("  FAIL:", f)
		}
		fmt.Printf("FAIL: html report browser test (%d problems, %d checks passed)\n", len(t.failures), t.passed)
		os.Exit(1)
	}
	fmt.Printf("PASS: html report browser test (%d checks)\n", t.passed)
}

type config struct {
	exe, report, json, base, scan, shot, fullShot string
	noSandbox                                     bool
}

type tester struct {
	mu       sync.Mutex
	failures []string
	passed   int
}

func (t *tester) fail(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures = append(t.failures, fmt.Sprintf(format, args...))
}

func (t *tester) check(ok bool, format string, args ...any) {
	if !ok {
		t.fail(format, args...)
		return
	}
	t.mu.Lock()
	t.passed++
	t.mu.Unlock()
}

// expected is one finding of the JSON report, keyed the way the page shows it.
type expected struct {
	Rule, Category, Severity, Path, Key string
	Suppressed                          bool
}

// row is one finding as the page renders it.
type row struct {
	Rule       string `json:"rule"`
	Category   string `json:"category"`
	Severity   string `json:"severity"`
	Path       string `json:"path"`
	Key        string `json:"key"`
	Suppressed bool   `json:"suppressed"`
}

func (t *tester) run(ctx context.Context, c config) error {
	if c.report == "" || c.json == "" {
		return fmt.Errorf("-report and -json are required")
	}
	want, err := loadExpected(c.json)
	if err != nil {
		return err
	}
	secrets, err := collectSecrets(ctx, c.base, c.scan)
	if err != nil {
		return err
	}
	fmt.Printf("expected: %d findings, %d suppressed; %d secret values to look for\n",
		len(filter(want, func(e expected) bool { return !e.Suppressed })), len(filter(want, func(e expected) bool { return e.Suppressed })), len(secrets))
	t.check(len(secrets) > 0 || c.scan == "", "the scanned files hold no secret the engine masks: the leak check would prove nothing")
	abs, err := filepath.Abs(c.report)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(abs)
	if err != nil {
		return err
	}
	for i, s := range secrets {
		if w := leaked(string(raw), s); w >= 0 {
			t.fail("secret #%d (%d characters) is in the HTML file (from character %d)", i+1, len(s), w)
		}
	}

	profile, err := os.MkdirTemp("", "dagwarden-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	var extra []string
	if c.noSandbox {
		extra = append(extra, "--no-sandbox")
	}
	b, err := launch(ctx, c.exe, profile, extra...)
	if err != nil {
		return err
	}
	defer b.close()

	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return err
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return err
	}
	s := att.SessionID
	page := &page{b: b, s: s, ctx: ctx}

	// watch the page: console errors, uncaught exceptions, CSP violations and any request that
	// is not the file itself
	var problems []string
	var pmu sync.Mutex
	loaded := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-b.done:
				return
			case m := <-b.events:
				var p string
				switch m.Method {
				case "Page.loadEventFired":
					select {
					case loaded <- struct{}{}:
					default:
					}
				case "Runtime.exceptionThrown":
					var e struct {
						ExceptionDetails struct {
							Text      string `json:"text"`
							Exception struct {
								Description string `json:"description"`
							} `json:"exception"`
						} `json:"exceptionDetails"`
					}
					_ = json.Unmarshal(m.Params, &e)
					p = "uncaught exception: " + e.ExceptionDetails.Text + " " + e.ExceptionDetails.Exception.Description
				case "Runtime.consoleAPICalled":
					var e struct {
						Type string `json:"type"`
						Args []struct {
							Value       any    `json:"value"`
							Description string `json:"description"`
						} `json:"args"`
					}
					_ = json.Unmarshal(m.Params, &e)
					if e.Type == "error" || e.Type == "assert" || e.Type == "warning" {
						var parts []string
						for _, a := range e.Args {
							parts = append(parts, fmt.Sprint(a.Value)+a.Description)
						}
						p = "console." + e.Type + ": " + strings.Join(parts, " ")
					}
				case "Log.entryAdded":
					var e struct {
						Entry struct {
							Level, Source, Text, URL string
						} `json:"entry"`
					}
					_ = json.Unmarshal(m.Params, &e)
					if e.Entry.Level == "error" || e.Entry.Level == "warning" {
						p = fmt.Sprintf("%s log (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL)
					}
				case "Network.requestWillBeSent":
					var e struct {
						Request struct{ URL string } `json:"request"`
					}
					_ = json.Unmarshal(m.Params, &e)
					u, _ := url.Parse(e.Request.URL)
					if u == nil || (u.Scheme != "file" && u.Scheme != "data" && u.Scheme != "about") {
						p = "network request: " + e.Request.URL
					}
				}
				if p != "" {
					pmu.Lock()
					problems = append(problems, p)
					pmu.Unlock()
				}
			}
		}
	}()
	for _, domain := range []string{"Page", "Runtime", "Log", "Network"} {
		if err := b.call(ctx, s, domain+".enable", nil, nil); err != nil {
			return err
		}
	}
	if err := b.call(ctx, s, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return err
	}
	start := time.Now()
	if err := b.call(ctx, s, "Page.navigate", map[string]any{"url": (&url.URL{Scheme: "file", Path: abs}).String()}, nil); err != nil {
		return err
	}
	select {
	case <-loaded:
	case <-ctx.Done():
		return fmt.Errorf("the report did not finish loading: %w", ctx.Err())
	}
	fmt.Printf("loaded in %v\n", time.Since(start).Round(time.Millisecond))
	if err := page.eval(helpers, nil); err != nil {
		return err
	}

	if err := t.filters(page, want); err != nil {
		return err
	}
	if err := t.noLeaks(page, secrets); err != nil {
		return err
	}
	if c.shot != "" || c.fullShot != "" {
		if err := t.screenshots(page, c.shot, c.fullShot); err != nil {
			return err
		}
	}

	// the watcher must see a console error, or its silence above proves nothing
	if err := page.eval(`console.error("dagwarden-selftest")`, nil); err != nil {
		return err
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		pmu.Lock()
		seen := false
		var real []string
		for _, p := range problems {
			if strings.Contains(p, "dagwarden-selftest") {
				seen = true
			} else {
				real = append(real, p)
			}
		}
		pmu.Unlock()
		if seen || time.Now().After(deadline) {
			t.check(seen, "the console watcher did not see a deliberate console.error")
			t.check(len(real) == 0, "the page logged problems:\n    %s", strings.Join(real, "\n    "))
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// helpers are installed in the page; they read what is rendered, not what the report's own script
// believes.
const helpers = `window.__dw = {
  rows() {
    return Array.from(document.querySelectorAll('#list details.finding'))
      .filter(r => r.getClientRects().length > 0)
      .map(r => ({rule: r.dataset.rule, category: r.dataset.category, severity: r.dataset.severity,
        path: r.querySelector('summary .loc').title.replace(/:\d+:\d+$/, ''),
        key: r.dataset.rule + '|' + r.querySelector('summary .loc').title,
        suppressed: r.classList.contains('is-suppressed')}));
  },
  select(id, value) {
    const el = document.getElementById(id);
    el.value = value;
    el.dispatchEvent(new Event('change', {bubbles: true}));
    return el.value === value;
  },
  center(sel) {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({block: 'center', behavior: 'instant'});
    const r = el.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
  },
};`

type page struct {
	b   *browser
	s   string
	ctx context.Context
}

func (p *page) eval(js string, out any) error { return p.b.evaluate(p.ctx, p.s, js, out) }

func (p *page) rows() ([]row, error) {
	var rs []row
	err := p.eval(`__dw.rows()`, &rs)
	return rs, err
}

// click presses the mouse on the middle of an element, as a person would.
func (p *page) click(sel string) error {
	var pt *struct{ X, Y float64 }
	if err := p.eval(fmt.Sprintf(`__dw.center(%q)`, sel), &pt); err != nil {
		return err
	}
	if pt == nil {
		return fmt.Errorf("no element %s to click", sel)
	}
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		if err := p.b.call(p.ctx, p.s, "Input.dispatchMouseEvent", map[string]any{
			"type": typ, "x": pt.X, "y": pt.Y, "button": "left", "clickCount": 1}, nil); err != nil {
			return err
		}
	}
	return p.settle()
}

// typeInto focuses a text box and types into it with keyboard input events.
func (p *page) typeInto(sel, text string) error {
	if err := p.eval(fmt.Sprintf(`document.querySelector(%q).value = ''`, sel), nil); err != nil {
		return err
	}
	if err := p.click(sel); err != nil {
		return err
	}
	if err := p.b.call(p.ctx, p.s, "Input.insertText", map[string]any{"text": text}, nil); err != nil {
		return err
	}
	return p.settle()
}

// settle waits until input events dispatched so far have been handled and the page repainted.
func (p *page) settle() error {
	return p.eval(`new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))`, nil)
}

func (t *tester) expectRows(p *page, what string, want []expected) error {
	got, err := p.rows()
	if err != nil {
		return err
	}
	var g, w []string
	for _, r := range got {
		g = append(g, r.Key)
	}
	for _, e := range want {
		w = append(w, e.Key)
	}
	sort.Strings(g)
	sort.Strings(w)
	t.check(strings.Join(g, "\n") == strings.Join(w, "\n"), "%s: the page shows %d findings, the JSON report says %d\n    shown: %v\n    want:  %v", what, len(g), len(w), g, w)
	return nil
}

func (t *tester) filters(p *page, want []expected) error {
	active := filter(want, func(e expected) bool { return !e.Suppressed })
	if err := t.expectRows(p, "initial view", active); err != nil {
		return err
	}
	var counter string
	if err := p.eval(`document.getElementById('shown').textContent`, &counter); err != nil {
		return err
	}
	t.check(strings.HasPrefix(counter, fmt.Sprint(len(active))), "the counter says %q, want %d findings", counter, len(active))

	narrowed := false
	for _, f := range []struct{ id, field string }{{"f-category", "category"}, {"f-severity", "severity"}, {"f-rule", "rule"}} {
		var opts []string
		if err := p.eval(fmt.Sprintf(`Array.from(document.getElementById(%q).options).map(o => o.value).filter(v => v)`, f.id), &opts); err != nil {
			return err
		}
		values := distinct(active, f.field)
		t.check(len(opts) >= len(values), "the %s filter offers %v, findings have %v", f.field, opts, values)
		for _, v := range opts {
			var ok bool
			if err := p.eval(fmt.Sprintf(`__dw.select(%q, %q)`, f.id, v), &ok); err != nil {
				return err
			}
			exp := filter(active, func(e expected) bool { return e.field(f.field) == v })
			if len(exp) < len(active) && len(exp) > 0 {
				narrowed = true
			}
			if err := t.expectRows(p, f.field+" = "+v, exp); err != nil {
				return err
			}
		}
		if err := p.eval(fmt.Sprintf(`__dw.select(%q, "")`, f.id), nil); err != nil {
			return err
		}
	}
	t.check(narrowed || len(active) < 2, "no filter value narrowed the list; the test data is too uniform to show filtering works")

	// path: typed into the box
	needle := pathNeedle(active)
	if err := p.typeInto("#f-path", needle); err != nil {
		return err
	}
	if err := t.expectRows(p, "path contains "+needle, filter(active, func(e expected) bool {
		return strings.Contains(strings.ToLower(e.Path), strings.ToLower(needle))
	})); err != nil {
		return err
	}
	if err := p.typeInto("#f-path", "/no-such-path-anywhere"); err != nil {
		return err
	}
	if err := t.expectRows(p, "path matching nothing", nil); err != nil {
		return err
	}
	var emptyShown bool
	if err := p.eval(`document.getElementById('empty').getClientRects().length > 0`, &emptyShown); err != nil {
		return err
	}
	t.check(emptyShown, "with nothing matching, the page does not say so")
	if err := p.click("#reset"); err != nil {
		return err
	}
	if err := p.settle(); err != nil { // the page re-filters after the form has reset
		return err
	}
	if err := t.expectRows(p, "after reset", active); err != nil {
		return err
	}

	// suppressed toggle, by clicking the checkbox
	var disabled bool
	if err := p.eval(`document.getElementById('f-suppressed').disabled`, &disabled); err != nil {
		return err
	}
	supp := filter(want, func(e expected) bool { return e.Suppressed })
	t.check(disabled == (len(supp) == 0), "suppressed toggle disabled=%v with %d suppressed findings", disabled, len(supp))
	if !disabled {
		if err := p.click("#f-suppressed"); err != nil {
			return err
		}
		if err := t.expectRows(p, "suppressed shown", want); err != nil {
			return err
		}
		got, err := p.rows()
		if err != nil {
			return err
		}
		n := 0
		for _, r := range got {
			if r.Suppressed {
				n++
			}
		}
		t.check(n == len(supp), "%d rows are marked suppressed, want %d", n, len(supp))
		if err := p.click("#f-suppressed"); err != nil {
			return err
		}
		if err := t.expectRows(p, "suppressed hidden again", active); err != nil {
			return err
		}
	}

	// a chart bar is a shortcut to a filter
	if len(active) > 0 {
		top := active[0].Severity
		for _, e := range active {
			if sevRank(e.Severity) > sevRank(top) {
				top = e.Severity
			}
		}
		if err := p.click(fmt.Sprintf(`.panel .bar-row[data-filter="severity"][data-value=%q]`, top)); err != nil {
			return err
		}
		var sel string
		if err := p.eval(`document.getElementById('f-severity').value`, &sel); err != nil {
			return err
		}
		t.check(sel == top, "clicking the %s bar set the severity filter to %q", top, sel)
		if err := t.expectRows(p, "clicked the "+top+" bar", filter(active, func(e expected) bool { return e.Severity == top })); err != nil {
			return err
		}
		if err := p.click("#reset"); err != nil {
			return err
		}
		if err := p.settle(); err != nil {
			return err
		}
	}
	return nil
}

// noLeaks opens everything (suppressed findings, every finding, every rule page) and looks for
// each secret, and every 8-character piece of it, in the rendered text and the live DOM.
func (t *tester) noLeaks(p *page, secrets []string) error {
	err := p.eval(`(() => {
  const s = document.getElementById('f-suppressed');
  if (!s.disabled && !s.checked) s.click();
  document.getElementById('expand-all').click();
  document.querySelectorAll('details').forEach(d => d.open = true);
})()`, nil)
	if err != nil {
		return err
	}
	var dom struct {
		Text string `json:"text"`
		HTML string `json:"html"`
		Mask int    `json:"mask"`
		Open int    `json:"open"`
	}
	if err := p.eval(`({text: document.body.innerText, html: document.documentElement.outerHTML,
  mask: Array.from(document.querySelectorAll('.excerpt code')).filter(c => c.textContent.includes('****')).length,
  open: document.querySelectorAll('details.finding[open]').length})`, &dom); err != nil {
		return err
	}
	for i, s := range secrets {
		if w := leaked(dom.Text, s); w >= 0 {
			t.fail("secret #%d (%d characters) shows in the rendered text (from character %d)", i+1, len(s), w)
		} else if w := leaked(dom.HTML, s); w >= 0 {
			t.fail("secret #%d (%d characters) is in the DOM (from character %d)", i+1, len(s), w)
		} else {
			t.check(true, "")
		}
	}
	t.check(len(secrets) == 0 || dom.Mask > 0, "no source excerpt shows a masked value (****)")
	fmt.Printf("leak check: %d secret values, %d characters of rendered text, %d open findings, %d masked excerpts\n",
		len(secrets), len(dom.Text), dom.Open, dom.Mask)
	return p.eval(`(() => { document.getElementById('reset').click(); document.querySelectorAll('details').forEach(d => d.open = false); })()`, nil)
}

// screenshots shows the top of the report with the most telling finding opened: one whose
// excerpt masks a secret, else the first.
func (t *tester) screenshots(p *page, shot, full string) error {
	// park the mouse on the header so no hover highlight shows
	if err := p.b.call(p.ctx, p.s, "Input.dispatchMouseEvent", map[string]any{"type": "mouseMoved", "x": 1, "y": 1}, nil); err != nil {
		return err
	}
	var h float64
	err := p.eval(`(() => {
  const rows = Array.from(document.querySelectorAll('#list details.finding:not([hidden])'));
  const pick = rows.find(r => (r.querySelector('.excerpt code') || {}).textContent?.includes('****')) || rows[0];
  if (pick) pick.open = true;
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  const bottom = pick ? pick.getBoundingClientRect().bottom + window.scrollY : 900;
  return Math.max(900, Math.min(bottom, 1700));
})()`, &h)
	if err != nil {
		return err
	}
	capture := func(path string, height float64) error {
		var r struct {
			Data string `json:"data"`
		}
		if err := p.b.call(p.ctx, p.s, "Page.captureScreenshot", map[string]any{
			"format": "png", "captureBeyondViewport": true,
			"clip": map[string]any{"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1},
		}, &r); err != nil {
			return err
		}
		png, err := base64.StdEncoding.DecodeString(r.Data)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			return err
		}
		fmt.Printf("screenshot %s (1280x%d, %d KiB)\n", path, int(height), len(png)/1024)
		return nil
	}
	if shot != "" {
		if err := capture(shot, h); err != nil {
			return err
		}
	}
	if full != "" {
		var fh float64
		if err := p.eval(`document.documentElement.scrollHeight`, &fh); err != nil {
			return err
		}
		if err := capture(full, min(fh, 16000)); err != nil {
			return err
		}
	}
	return nil
}

func loadExpected(path string) ([]expected, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type jf struct {
		RuleID   string `json:"rule_id"`
		Category string `json:"category"`
		Severity string `json:"severity"`
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	}
	var doc struct {
		Findings   []jf `json:"findings"`
		Suppressed []jf `json:"suppressed"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []expected
	add := func(fs []jf, supp bool) {
		for _, f := range fs {
			out = append(out, expected{Rule: f.RuleID, Category: f.Category, Severity: f.Severity, Path: f.Path,
				Key: fmt.Sprintf("%s|%s:%d:%d", f.RuleID, f.Path, f.Line, f.Column), Suppressed: supp})
		}
	}
	add(doc.Findings, false)
	add(doc.Suppressed, true)
	return out, nil
}

// collectSecrets scans the same files with every rule, every confidence and no suppression, and
// returns the text of every span a finding marks sensitive. They stay in memory: failures name
// a secret by its number and length only.
func collectSecrets(ctx context.Context, base, scan string) ([]string, error) {
	if scan == "" {
		return nil, nil
	}
	absBase, err := filepath.Abs(base)
	if err != nil {
		return nil, err
	}
	var roots []string
	for _, r := range strings.Split(scan, ",") {
		if r = strings.TrimSpace(r); r != "" {
			roots = append(roots, filepath.Join(absBase, r))
		}
	}
	res, err := engine.Run(ctx, engine.Options{Base: absBase, Roots: roots, MinConfidence: rules.ConfidenceLow, NoIgnores: true, TestPaths: []string{}})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range append(append([]rules.Finding{}, res.Findings...), res.Suppressed...) {
		file := res.Files[f.Path]
		if file == nil {
			continue
		}
		for _, sp := range f.Sensitive {
			v := strings.TrimSpace(file.Text(sp))
			if len(v) >= 4 && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// leaked returns where the secret, or any 8-character piece of it, occurs in text, or -1.
func leaked(text, secret string) int {
	if strings.Contains(text, secret) {
		return 0
	}
	const piece = 8
	for i := 0; i+piece <= len(secret); i++ {
		if strings.Contains(text, secret[i:i+piece]) {
			return i
		}
	}
	return -1
}

func (e expected) field(name string) string {
	switch name {
	case "category":
		return e.Category
	case "severity":
		return e.Severity
	case "rule":
		return e.Rule
	}
	return e.Path
}

func filter(es []expected, keep func(expected) bool) []expected {
	var out []expected
	for _, e := range es {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func distinct(es []expected, field string) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range es {
		if v := e.field(field); !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// pathNeedle picks a directory name that some but not all findings' paths contain, so typing it
// visibly narrows the list.
func pathNeedle(es []expected) string {
	count := map[string]int{}
	for _, e := range es {
		for _, part := range strings.Split(e.Path, "/") {
			count[part]++
		}
	}
	best, bestN := "", 0
	for part, n := range count {
		if n < len(es) && (n > bestN || n == bestN && part < best) {
			best, bestN = part, n
		}
	}
	if best == "" {
		return "/"
	}
	return best
}

func sevRank(s string) int {
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return -1
	}
	return int(sev)
}
