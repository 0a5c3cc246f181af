package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/dagwarden/dagwarden/docs"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/ruledoc"
	"github.com/dagwarden/dagwarden/rules"
)

// securitySeverity is the score GitHub code scanning buckets security alerts by.
var securitySeverity = map[rules.Severity]string{rules.Critical: "9.5", rules.High: "7.5", rules.Medium: "5.0", rules.Low: "2.0"}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Critical, rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	}
	return "note"
}

const srcRoot = "%SRCROOT%"

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF consumers. Every rule
// that ran is listed (sorted, so ruleIndex is stable); suppressed findings appear only with
// ShowSuppressed, carrying their suppression.
func SARIF(w io.Writer, res *engine.Result, opt Options) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewDriver("dagwarden")
	driver.InformationURI = str("https://github.com/dagwarden/dagwarden")
	if opt.ToolVersion != "" {
		driver.Version = str(opt.ToolVersion)
		driver.SemanticVersion = str(strings.TrimPrefix(opt.ToolVersion, "v"))
	}
	index := map[string]uint{}
	for i, r := range res.Rules {
		index[r.ID] = uint(i)
		driver.Rules = append(driver.Rules, sarifRule(r))
	}
	run := sarif.NewRun(sarif.Tool{Driver: driver})
	run.ColumnKind = "unicodeCodePoints"
	run.Results = []*sarif.Result{}

	list := res.Findings
	if opt.ShowSuppressed {
		list = append(append([]rules.Finding{}, res.Findings...), res.Suppressed...)
		engine.SortFindings(list)
	}
	for _, f := range list {
		r, ok := rules.ByID(f.RuleID)
		if !ok {
			continue
		}
		idx, ran := index[r.ID]
		if !ran {
			// built-in diagnostics (bad suppressions) are listed even when not selected
			idx = uint(len(driver.Rules))
			index[r.ID] = idx
			driver.Rules = append(driver.Rules, sarifRule(r))
		}
		result := &sarif.Result{
			RuleID:    str(r.ID),
			RuleIndex: &idx,
			Level:     str(sarifLevel(f.Severity)),
			Message:   sarif.Message{Text: str(f.Message)},
			Locations: []*sarif.Location{location(res, f.Path, f)},
			PartialFingerprints: map[string]interface{}{
				"primaryLocationLineHash": f.Fingerprint,
			},
		}
		if f.Count > 1 {
			n := uint(f.Count)
			result.OccurrenceCount = &n
		}
		props := sarif.Properties{"severity": f.Severity.String(), "confidence": f.Confidence.String()}
		for k, v := range f.Properties {
			props[k] = v
		}
		result.Properties = props
		for i, rel := range f.Related {
			loc := location(res, rel.Path, rules.Finding{Span: rel.Span})
			id := uint(i + 1)
			loc.Id = &id
			loc.Message = &sarif.Message{Text: str(rel.Message)}
			result.RelatedLocations = append(result.RelatedLocations, loc)
		}
		if f.Suppression != nil {
			status := "accepted"
			// go-sarif writes location and guid even when unset, and null is invalid there
			result.Suppressions = []*sarif.Suppression{{Kind: f.Suppression.Kind, Status: &status,
				Justification: str(f.Suppression.Reason), Location: location(res, f.Path, f), Guid: str(guid(f))}}
		}
		run.Results = append(run.Results, result)
	}

	inv := &sarif.Invocation{ExecutionSuccessful: boolp(true)}
	for _, n := range res.Notices {
		note := &sarif.Notification{Level: noticeLevel(n.Kind), Message: &sarif.Message{Text: str(n.Message)}}
		if n.Path != "" {
			pl := sarif.NewPhysicalLocation().WithArtifactLocation(&sarif.ArtifactLocation{URI: str(n.Path), URIBaseId: str(srcRoot)})
			if n.Line > 0 {
				reg := &sarif.Region{StartLine: intp(n.Line)}
				if n.Col > 0 {
					reg.StartColumn = intp(n.Col)
				}
				pl.Region = reg
			}
			note.Locations = []*sarif.Location{{PhysicalLocation: pl}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, note)
	}
	run.Invocations = []*sarif.Invocation{inv}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func noticeLevel(kind string) string {
	if kind == "internal-error" {
		return "error"
	}
	return "warning"
}

func sarifRule(r *rules.Rule) *sarif.ReportingDescriptor {
	help, ok := docs.RulePage(r.ID)
	if !ok {
		help = ruledoc.Markdown(r, nil)
	}
	help = strings.TrimRight(help, "\n") + "\n\n[Documentation](" + ruledoc.PageURL(r.ID) + ")\n"
	tags := []string{"security", string(r.Category)}
	tags = append(tags, r.CWE...)
	tags = append(tags, r.Frameworks...)
	props := sarif.Properties{
		"tags":              tags,
		"category":          string(r.Category),
		"precision":         r.Confidence.String(),
		"security-severity": securitySeverity[r.Severity],
	}
	return &sarif.ReportingDescriptor{
		ID:                   r.ID,
		Name:                 str(r.Name()),
		ShortDescription:     &sarif.MultiformatMessageString{Text: str(r.Title)},
		FullDescription:      &sarif.MultiformatMessageString{Text: str(ruledoc.FirstParagraph(r.Why))},
		HelpURI:              str(ruledoc.PageURL(r.ID)),
		Help:                 &sarif.MultiformatMessageString{Text: str(ruledoc.Text(r)), Markdown: str(help)},
		DefaultConfiguration: &sarif.ReportingConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           props,
	}
}

func location(res *engine.Result, path string, f rules.Finding) *sarif.Location {
	reg := &sarif.Region{
		StartLine:   intp(f.Span.Start.Line),
		StartColumn: intp(f.Span.Start.Col),
		EndLine:     intp(max(f.Span.End.Line, f.Span.Start.Line)),
		EndColumn:   intp(max(f.Span.End.Col, 1)),
	}
	if f.Span.End.Line == f.Span.Start.Line && f.Span.End.Col <= f.Span.Start.Col {
		reg.EndColumn = intp(f.Span.Start.Col + 1)
	}
	if file := res.Files[path]; file != nil && f.RuleID != "" {
		if text, _, _ := Excerpt(file, f); text != "" {
			reg.Snippet = &sarif.ArtifactContent{Text: str(text)}
		}
	}
	pl := sarif.NewPhysicalLocation().
		WithArtifactLocation(&sarif.ArtifactLocation{URI: str(path), URIBaseId: str(srcRoot)}).
		WithRegion(reg)
	return &sarif.Location{PhysicalLocation: pl}
}

// guid derives a stable, well-formed GUID from a finding's fingerprint.
func guid(f rules.Finding) string {
	sum := sha256.Sum256([]byte(f.RuleID + "\x00" + f.Path + "\x00" + f.Fingerprint))
	sum[6] = sum[6]&0x0f | 0x50
	sum[8] = sum[8]&0x3f | 0x80
	h := hex.EncodeToString(sum[:16])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func str(s string) *string { return &s }
func intp(i int) *int      { return &i }
func boolp(b bool) *bool   { return &b }
