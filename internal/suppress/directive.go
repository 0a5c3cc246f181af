package suppress

import (
	"regexp"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

// Directive is one parsed `dagwarden: ignore[...]` or `dagwarden: file-ignore[...]` comment.
type Directive struct {
	Span     source.Span // the comment
	Line     int         // the line whose findings it silences (0 for file-wide)
	RuleIDs  []string    // canonical rule IDs
	Reason   string
	FileWide bool
	used     bool
}

var directiveRe = regexp.MustCompile(`^dagwarden:\s*(ignore|file-ignore)\[([^\]]*)\](.*)$`)

// Parse reads the directives of a document. Directives that cannot be honoured (no reason, an
// unknown rule id, nothing in brackets) come back as invalid-suppression findings instead.
func Parse(doc source.Document) ([]*Directive, []rules.Finding) {
	f := doc.File()
	comments := doc.Comments()
	var ds []*Directive
	var bad []rules.Finding
	for i, c := range comments {
		text := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(text, "dagwarden:") {
			continue
		}
		m := directiveRe.FindStringSubmatch(text)
		invalid := func(msg string) {
			bad = append(bad, rules.Finding{RuleID: rules.InvalidSuppression.ID, Path: f.Path, Span: c.Span, Message: msg})
		}
		if m == nil {
			invalid("suppression directive is not of the form `dagwarden: ignore[rule-id] reason`")
			continue
		}
		d := &Directive{Span: c.Span, FileWide: m[1] == "file-ignore", Reason: strings.TrimSpace(m[3])}
		ok := true
		for _, id := range strings.Split(m[2], ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			r, known := rules.ByID(id)
			if !known {
				invalid("suppression names unknown rule " + quote(id))
				ok = false
				continue
			}
			d.RuleIDs = append(d.RuleIDs, r.ID)
		}
		if len(d.RuleIDs) == 0 && ok {
			invalid("suppression names no rule")
			continue
		}
		if d.Reason == "" {
			invalid("suppression has no reason")
			continue
		}
		if !ok {
			continue
		}
		if !d.FileWide {
			d.Line = targetLine(f, comments, i)
		}
		ds = append(ds, d)
	}
	return ds, bad
}

func quote(s string) string { return "`" + s + "`" }

// targetLine is the line a directive applies to: its own line when it trails code, otherwise the
// next line that is neither blank nor only a comment.
func targetLine(f *source.File, comments []source.Comment, i int) int {
	c := comments[i]
	if !c.OwnLine {
		return c.Span.Start.Line
	}
	commentLines := map[int]bool{}
	for _, o := range comments {
		if o.OwnLine {
			commentLines[o.Span.Start.Line] = true
		}
	}
	for l := c.Span.Start.Line + 1; l <= f.LineCount(); l++ {
		if strings.TrimSpace(f.LineText(l)) == "" || commentLines[l] {
			continue
		}
		return l
	}
	return c.Span.Start.Line
}

// Apply marks the findings that a directive silences. It returns unused-suppression findings for
// directives that silenced nothing, considering only the rules that ran.
func Apply(path string, ds []*Directive, fs []rules.Finding, ran func(ruleID string) bool) []rules.Finding {
	for i := range fs {
		f := &fs[i]
		for _, d := range ds {
			if !contains(d.RuleIDs, f.RuleID) {
				continue
			}
			if d.FileWide || (d.Line >= f.Span.Start.Line && d.Line <= max(f.Span.End.Line, f.Span.Start.Line)) {
				d.used = true
				if f.Suppression == nil {
					f.Suppression = &rules.Suppression{Kind: "inSource", Reason: d.Reason}
				}
			}
		}
	}
	var unused []rules.Finding
	for _, d := range ds {
		if d.used {
			continue
		}
		all := true
		for _, id := range d.RuleIDs {
			if !ran(id) {
				all = false
			}
		}
		if all {
			unused = append(unused, rules.Finding{RuleID: rules.UnusedSuppression.ID, Path: path, Span: d.Span,
				Message: "suppression of " + quote(strings.Join(d.RuleIDs, ",")) + " matches no finding"})
		}
	}
	return unused
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
