package report

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/dagwarden/dagwarden/docs"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/ruledoc"
	"github.com/dagwarden/dagwarden/rules"
)

//go:embed html/report.html.tmpl html/report.css html/report.js
var htmlAssets embed.FS

var (
	htmlTmpl = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"upper": strings.ToUpper,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
	}).ParseFS(htmlAssets, "html/report.html.tmpl"))
	htmlCSS = mustAsset("html/report.css")
	htmlJS  = mustAsset("html/report.js")
	// htmlCSP allows exactly the inline style and script of the report and nothing else: no
	// network, no other script, even if a message somehow carried markup past the escaping.
	htmlCSP = "default-src 'none'; img-src data:; style-src '" + cspHash(htmlCSS) + "'; script-src '" + cspHash(htmlJS) + "'; " +
		"base-uri 'none'; form-action 'none'"
)

func mustAsset(name string) string {
	b, err := htmlAssets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// HTML writes a self-contained audit report for a browser: summary charts by severity and
// category, where findings cluster, what was scanned, a filterable list of findings with their
// masked source line and the rule's documentation, suppressed findings behind a toggle, and the
// notices. It loads nothing from the network, and two runs over the same input are
// byte-identical.
func HTML(w io.Writer, res *engine.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	if err := htmlTmpl.Execute(bw, buildHTMLReport(res, opt)); err != nil {
		return err
	}
	return bw.Flush()
}

type htmlReport struct {
	Version    string
	Base       string
	Summary    string
	CSP        string
	CSS        template.CSS
	JS         template.JS
	Total      int
	Files      int
	Bytes      string
	Suppressed int
	Inline     int // suppressed by a directive in the file
	External   int // suppressed by the config or the baseline
	ShowSupp   bool
	Severity   []htmlBar
	SevMax     int
	Category   []htmlStack
	CatMax     int
	TopPaths   []htmlBar
	PathMax    int
	TopRules   []htmlBar
	RuleMax    int
	Frameworks []htmlChip
	Kinds      []htmlChip
	// filter choices: only values that occur, so no filter leads to an empty list by design
	CategoryOpts []string
	SeverityOpts []string
	RuleOpts     []htmlChip
	Findings     []htmlFinding
	Notices      []engine.Notice
	RuleDocs     []htmlRuleGroup
}

type htmlBar struct {
	Label string
	Key   string // filter value a click applies
	Class string
	Count int
	X, W  string // position and width in a 0–100 SVG box
}

type htmlStack struct {
	Label    string
	Total    int
	Segments []htmlBar
}

type htmlChip struct {
	Label string
	Count int
}

type htmlFinding struct {
	N           int // position in location order, for sorting back
	RuleID      string
	Title       string
	Category    string
	Severity    string
	SevRank     int
	Confidence  string
	Path        string
	Line, Col   int
	EndLine     int
	EndCol      int
	Message     string
	MsgParts    []htmlText
	Dir, Base   string
	Count       int
	Excerpt     bool
	Before      string
	Mark        string
	After       string
	Related     []htmlRelated
	Suppressed  bool
	SuppKind    string
	SuppReason  string
	Fingerprint string
	Why         template.HTML
	Fix         template.HTML
	HasDoc      bool
}

// htmlText is a run of message text; Code marks a `quoted` identifier.
type htmlText struct {
	Text string
	Code bool
}

// messageParts splits a message at its backquotes so identifiers render as code.
func messageParts(msg string) []htmlText {
	parts := strings.Split(msg, "`")
	if len(parts)%2 == 0 { // unbalanced: show as written
		return []htmlText{{Text: msg}}
	}
	var out []htmlText
	for i, p := range parts {
		if p != "" {
			out = append(out, htmlText{Text: p, Code: i%2 == 1})
		}
	}
	return out
}

type htmlRelated struct {
	Path      string
	Line, Col int
	Message   string
}

type htmlRuleGroup struct {
	Category string
	Rules    []htmlRuleDoc
}

type htmlRuleDoc struct {
	ID       string
	Title    string
	Severity string
	Count    int // reported findings
	Supp     int // suppressed findings
	Body     template.HTML
}

var sevClass = map[rules.Severity]string{rules.Critical: "critical", rules.High: "high", rules.Medium: "medium", rules.Low: "low"}

func buildHTMLReport(res *engine.Result, opt Options) *htmlReport {
	rep := &htmlReport{
		Version: opt.ToolVersion, Base: secrecySafe(res.Base), Summary: Summary(res),
		CSP: htmlCSP, CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Files: res.Stats.Files, Bytes: humanBytes(res.Stats.Bytes), Suppressed: len(res.Suppressed),
		ShowSupp: opt.ShowSuppressed, Notices: res.Notices,
	}
	c := Count(res.Findings)
	rep.Total = c.Total

	for _, s := range severitiesDesc {
		rep.Severity = append(rep.Severity, htmlBar{Label: s.String(), Key: s.String(), Class: sevClass[s], Count: c.BySeverity[s]})
		rep.SevMax = max(rep.SevMax, c.BySeverity[s])
	}
	for _, cat := range append(append([]rules.Category{}, rules.Categories...), rules.Tool) {
		n := c.ByCategory[cat]
		if n == 0 && cat == rules.Tool {
			continue // dagwarden's own diagnostics only show when there are some
		}
		st := htmlStack{Label: string(cat), Total: n}
		for _, s := range severitiesDesc {
			if k := c.ByCell[cat][s]; k > 0 {
				st.Segments = append(st.Segments, htmlBar{Label: s.String(), Key: string(cat), Class: sevClass[s], Count: k})
			}
		}
		rep.Category = append(rep.Category, st)
		rep.CatMax = max(rep.CatMax, n)
	}
	scaleBars(rep.Severity, rep.SevMax)
	for i := range rep.Category {
		x := 0.0
		for j := range rep.Category[i].Segments {
			seg := &rep.Category[i].Segments[j]
			w := float64(seg.Count) * 100 / float64(max(rep.CatMax, 1))
			seg.X, seg.W = svgNum(x), svgNum(w)
			x += w
		}
	}

	// where findings cluster: the directories and rules with the most findings
	byDir, byRule := map[string]int{}, map[string]int{}
	for _, f := range res.Findings {
		byDir[path.Dir(f.Path)+"/"]++
		byRule[f.RuleID]++
	}
	rep.TopPaths, rep.PathMax = topBars(byDir, 8)
	rep.TopRules, rep.RuleMax = topBars(byRule, 8)
	scaleBars(rep.TopPaths, rep.PathMax)
	scaleBars(rep.TopRules, rep.RuleMax)

	for fw, n := range res.Stats.Frameworks {
		rep.Frameworks = append(rep.Frameworks, htmlChip{Label: fw, Count: n})
	}
	for k, n := range res.Stats.ByKind {
		rep.Kinds = append(rep.Kinds, htmlChip{Label: string(k), Count: n})
	}
	sortChips(rep.Frameworks)
	sortChips(rep.Kinds)

	// every finding, reported and suppressed, in one list; suppressed ones are hidden by the page
	// until asked for. Rendered most severe first; the page can re-sort by location.
	all := make([]rules.Finding, 0, len(res.Findings)+len(res.Suppressed))
	all = append(append(all, res.Findings...), res.Suppressed...)
	engine.SortFindings(all)
	docs := map[string]*ruleDocParts{}
	seenCat, seenSev, ruleCount := map[string]bool{}, map[string]bool{}, map[string]int{}
	for i, f := range all {
		hf := htmlFinding{
			N: i, RuleID: f.RuleID, Category: string(categoryOf(f.RuleID)), Severity: f.Severity.String(), SevRank: int(f.Severity),
			Confidence: f.Confidence.String(), Path: secrecySafe(f.Path), Line: f.Span.Start.Line, Col: f.Span.Start.Col,
			EndLine: f.Span.End.Line, EndCol: f.Span.End.Col, Message: secrecySafe(f.Message), Count: f.Count,
			Fingerprint: f.Fingerprint,
		}
		hf.MsgParts = messageParts(hf.Message)
		if i := strings.LastIndexByte(hf.Path, '/'); i >= 0 {
			hf.Dir, hf.Base = hf.Path[:i+1], hf.Path[i+1:]
		} else {
			hf.Base = hf.Path
		}
		if r, ok := rules.ByID(f.RuleID); ok {
			hf.Title = r.Title
		}
		if f.Suppression != nil {
			hf.Suppressed, hf.SuppReason = true, secrecySafe(f.Suppression.Reason)
			hf.SuppKind = "inline directive"
			if f.Suppression.Kind == "external" {
				hf.SuppKind = "config or baseline"
				rep.External++
			} else {
				rep.Inline++
			}
		}
		if text, from, to := Excerpt(res.Files[f.Path], f); text != "" || from > 0 {
			text = strings.ToValidUTF8(text, "\uFFFD")
			from, to = min(from, len(text)), min(to, len(text))
			hf.Excerpt = true
			hf.Before, hf.Mark, hf.After = codeSafe(text[:from]), codeSafe(text[from:to]), codeSafe(text[to:])
		}
		for _, r := range f.Related {
			hf.Related = append(hf.Related, htmlRelated{Path: secrecySafe(r.Path), Line: r.Span.Start.Line, Col: r.Span.Start.Col, Message: secrecySafe(r.Message)})
		}
		d := docs[f.RuleID]
		if d == nil {
			d = ruleDocFor(f.RuleID)
			docs[f.RuleID] = d
		}
		hf.Why, hf.Fix, hf.HasDoc = d.why, d.fix, d.body != ""
		rep.Findings = append(rep.Findings, hf)
		seenCat[hf.Category], seenSev[hf.Severity] = true, true
		ruleCount[f.RuleID]++
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool { return rep.Findings[i].SevRank > rep.Findings[j].SevRank })

	for _, cat := range append(append([]rules.Category{}, rules.Categories...), rules.Tool) {
		if seenCat[string(cat)] {
			rep.CategoryOpts = append(rep.CategoryOpts, string(cat))
		}
	}
	for _, s := range severitiesDesc {
		if seenSev[s.String()] {
			rep.SeverityOpts = append(rep.SeverityOpts, s.String())
		}
	}
	for id, n := range ruleCount {
		rep.RuleOpts = append(rep.RuleOpts, htmlChip{Label: id, Count: n})
	}
	sort.Slice(rep.RuleOpts, func(i, j int) bool { return rep.RuleOpts[i].Label < rep.RuleOpts[j].Label })

	rep.RuleDocs = ruleReference(res, docs)
	return rep
}

// ruleReference lists the documentation of every rule that ran or reported, grouped by
// category: the report doubles as a browsable reference of what was checked.
func ruleReference(res *engine.Result, docs map[string]*ruleDocParts) []htmlRuleGroup {
	reported, supp := map[string]int{}, map[string]int{}
	for _, f := range res.Findings {
		reported[f.RuleID]++
	}
	for _, f := range res.Suppressed {
		supp[f.RuleID]++
	}
	ids := map[string]bool{}
	for _, r := range res.Rules {
		ids[r.ID] = true
	}
	for id := range docs {
		ids[id] = true
	}
	var groups []htmlRuleGroup
	for _, cat := range append(append([]rules.Category{}, rules.Categories...), rules.Tool) {
		g := htmlRuleGroup{Category: string(cat)}
		for id := range ids {
			r, ok := rules.ByID(id)
			if !ok || r.Category != cat {
				continue
			}
			d := docs[id]
			if d == nil {
				d = ruleDocFor(id)
				docs[id] = d
			}
			g.Rules = append(g.Rules, htmlRuleDoc{ID: r.ID, Title: r.Title, Severity: r.Severity.String(),
				Count: reported[id], Supp: supp[id], Body: d.html})
		}
		if len(g.Rules) == 0 {
			continue
		}
		sort.Slice(g.Rules, func(i, j int) bool {
			a, b := g.Rules[i], g.Rules[j]
			if (a.Count > 0) != (b.Count > 0) {
				return a.Count > 0
			}
			return a.ID < b.ID
		})
		groups = append(groups, g)
	}
	return groups
}

// ruleDocParts is a rule's documentation page, from the same generated Markdown that
// docs/rules/*.md, `dagwarden explain` and the SARIF help show.
type ruleDocParts struct {
	body string        // the page's Markdown without its title
	html template.HTML // body rendered
	why  template.HTML // first paragraph of "Why this is risky"
	fix  template.HTML // "How to fix"
}

func ruleDocFor(id string) *ruleDocParts {
	page, ok := docs.RulePage(id)
	if !ok {
		r, found := rules.ByID(id)
		if !found {
			return &ruleDocParts{}
		}
		page = ruledoc.Markdown(r, nil) // a rule added since the docs were generated
	}
	// drop the "# id" heading and the title line under it: the report's summary line shows both
	if strings.HasPrefix(page, "# ") {
		_, page, _ = strings.Cut(page, "\n")
		if first, rest, ok := strings.Cut(strings.TrimLeft(page, "\n"), "\n\n"); ok && !strings.HasPrefix(first, "|") && !strings.HasPrefix(first, "#") {
			page = rest
		}
	}
	d := &ruleDocParts{body: page, html: markdownHTML(page, 2)}
	sections := markdownSections(page)
	if why := sections["Why this is risky"]; why != "" {
		d.why = markdownHTML(ruledoc.FirstParagraph(why), 3)
	}
	if fix := sections["How to fix"]; fix != "" {
		d.fix = markdownHTML(fix, 3)
	}
	return d
}

// markdownSections splits a page at its "## " headings, outside fenced code.
func markdownSections(page string) map[string]string {
	out := map[string]string{}
	var name string
	var body []string
	fenced := false
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "## ") {
			if name != "" {
				out[name] = strings.TrimSpace(strings.Join(body, "\n"))
			}
			name, body = strings.TrimSpace(line[3:]), nil
			continue
		}
		body = append(body, line)
	}
	if name != "" {
		out[name] = strings.TrimSpace(strings.Join(body, "\n"))
	}
	return out
}

func topBars(m map[string]int, n int) ([]htmlBar, int) {
	var out []htmlBar
	for k, v := range m {
		out = append(out, htmlBar{Label: secrecySafe(k), Key: secrecySafe(k), Count: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	if len(out) > n {
		out = out[:n]
	}
	if len(out) == 0 {
		return nil, 0
	}
	return out, out[0].Count
}

func scaleBars(bars []htmlBar, most int) {
	for i := range bars {
		bars[i].X, bars[i].W = "0", svgNum(float64(bars[i].Count)*100/float64(max(most, 1)))
	}
}

func svgNum(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func sortChips(cs []htmlChip) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Count != cs[j].Count {
			return cs[i].Count > cs[j].Count
		}
		return cs[i].Label < cs[j].Label
	})
}

// codeSafe keeps tabs in a source line but replaces other control characters.
func codeSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
