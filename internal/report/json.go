package report

import (
	"encoding/json"
	"io"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// The JSON output is versioned: fields are only ever added within version 1.
type jsonReport struct {
	Version    int           `json:"version"`
	Tool       jsonTool      `json:"tool"`
	Findings   []jsonFinding `json:"findings"`
	Suppressed []jsonFinding `json:"suppressed,omitempty"`
	Notices    []jsonNotice  `json:"notices"`
	Summary    jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	RuleID      string            `json:"rule_id"`
	Category    string            `json:"category"`
	Severity    string            `json:"severity"`
	Confidence  string            `json:"confidence"`
	Path        string            `json:"path"`
	Line        int               `json:"line"`
	Column      int               `json:"column"`
	EndLine     int               `json:"end_line"`
	EndColumn   int               `json:"end_column"`
	Message     string            `json:"message"`
	Fingerprint string            `json:"fingerprint"`
	Count       int               `json:"count,omitempty"`
	Related     []jsonRelated     `json:"related,omitempty"`
	Properties  map[string]string `json:"properties,omitempty"`
	Suppression *jsonSuppression  `json:"suppression,omitempty"`
}

type jsonRelated struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSuppression struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type jsonNotice struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files      int            `json:"files"`
	Findings   int            `json:"findings"`
	Suppressed int            `json:"suppressed"`
	BySeverity map[string]int `json:"by_severity"`
	ByCategory map[string]int `json:"by_category"`
}

// JSON writes the versioned JSON report.
func JSON(w io.Writer, res *engine.Result, opt Options) error {
	out := jsonReport{Version: 1, Tool: jsonTool{Name: "dagwarden", Version: opt.ToolVersion},
		Findings: []jsonFinding{}, Notices: []jsonNotice{}}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, toJSONFinding(f))
	}
	if opt.ShowSuppressed {
		for _, f := range res.Suppressed {
			out.Suppressed = append(out.Suppressed, toJSONFinding(f))
		}
	}
	for _, n := range res.Notices {
		out.Notices = append(out.Notices, jsonNotice{Path: n.Path, Line: n.Line, Column: n.Col, Kind: n.Kind, Message: n.Message})
	}
	c := Count(res.Findings)
	out.Summary = jsonSummary{Files: res.Stats.Files, Findings: c.Total, Suppressed: len(res.Suppressed),
		BySeverity: map[string]int{}, ByCategory: map[string]int{}}
	for s, n := range c.BySeverity {
		out.Summary.BySeverity[s.String()] = n
	}
	for cat, n := range c.ByCategory {
		out.Summary.ByCategory[string(cat)] = n
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func toJSONFinding(f rules.Finding) jsonFinding {
	j := jsonFinding{
		RuleID: f.RuleID, Category: string(categoryOf(f.RuleID)), Severity: f.Severity.String(),
		Confidence: f.Confidence.String(), Path: f.Path, Line: f.Span.Start.Line, Column: f.Span.Start.Col,
		EndLine: f.Span.End.Line, EndColumn: f.Span.End.Col, Message: f.Message, Fingerprint: f.Fingerprint,
		Properties: f.Properties,
	}
	if f.Count > 1 {
		j.Count = f.Count
	}
	for _, r := range f.Related {
		j.Related = append(j.Related, jsonRelated{Path: r.Path, Line: r.Span.Start.Line, Column: r.Span.Start.Col, Message: r.Message})
	}
	if f.Suppression != nil {
		j.Suppression = &jsonSuppression{Kind: f.Suppression.Kind, Reason: f.Suppression.Reason}
	}
	return j
}
