package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

// Formats lists the output formats, in the order the CLI documents them.
var Formats = []string{"text", "json", "sarif", "github", "markdown", "html"}

// Options tune a reporter.
type Options struct {
	Color          bool   // ANSI colours (text only); the CLI sets it on a terminal
	ShowSuppressed bool   // include suppressed findings (SARIF with their suppressions)
	ToolVersion    string // e.g. "0.1.0"
}

// Reporter writes a result in one format.
type Reporter func(w io.Writer, res *engine.Result, opt Options) error

// New returns the reporter for a format name.
func New(format string) (Reporter, error) {
	switch format {
	case "text", "":
		return Text, nil
	case "json":
		return JSON, nil
	case "sarif":
		return SARIF, nil
	case "github":
		return GitHub, nil
	case "markdown", "md":
		return Markdown, nil
	case "html":
		return HTML, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Excerpt returns the text of a finding's first line with sensitive spans masked, and the
// columns (0-based, in bytes of the returned text) where the finding starts and ends on that
// line. It is the only way reporters print source.
func Excerpt(f *source.File, fd rules.Finding) (text string, from, to int) {
	if f == nil || fd.Span.Start.Line < 1 {
		return "", 0, 0
	}
	line := fd.Span.Start.Line
	start, end := f.LineStart(line), f.LineEnd(line)
	text, mapOff := suppress.Mask(f, start, end, fd.Sensitive)
	from = mapOff(clamp(fd.Span.Start.Offset, start, end))
	stop := fd.Span.End.Offset
	if fd.Span.End.Line != line {
		stop = end
	}
	to = mapOff(clamp(stop, start, end))
	if to <= from {
		to = from + 1
	}
	return text, from, to
}

func clamp(x, lo, hi int) int { return max(lo, min(x, hi)) }

// Counts tallies findings by category and by severity.
type Counts struct {
	Total      int
	BySeverity map[rules.Severity]int
	ByCategory map[rules.Category]int
	ByCell     map[rules.Category]map[rules.Severity]int
}

// Count tallies findings.
func Count(fs []rules.Finding) Counts {
	c := Counts{BySeverity: map[rules.Severity]int{}, ByCategory: map[rules.Category]int{}, ByCell: map[rules.Category]map[rules.Severity]int{}}
	for _, f := range fs {
		cat := categoryOf(f.RuleID)
		c.Total++
		c.BySeverity[f.Severity]++
		c.ByCategory[cat]++
		if c.ByCell[cat] == nil {
			c.ByCell[cat] = map[rules.Severity]int{}
		}
		c.ByCell[cat][f.Severity]++
	}
	return c
}

func categoryOf(id string) rules.Category {
	if r, ok := rules.ByID(id); ok {
		return r.Category
	}
	return rules.Tool
}

var severitiesDesc = []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low}

// Summary is the one-line summary every human-readable format ends with.
func Summary(res *engine.Result) string {
	c := Count(res.Findings)
	var b strings.Builder
	switch c.Total {
	case 0:
		b.WriteString("no findings")
	case 1:
		b.WriteString("1 finding")
	default:
		fmt.Fprintf(&b, "%d findings", c.Total)
	}
	var parts []string
	for _, s := range severitiesDesc {
		if n := c.BySeverity[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, " in %d files scanned", res.Stats.Files)
	if n := len(res.Suppressed); n > 0 {
		fmt.Fprintf(&b, ", %d suppressed", n)
	}
	switch n := len(res.Notices); n {
	case 0:
	case 1:
		b.WriteString(", 1 notice")
	default:
		fmt.Fprintf(&b, ", %d notices", n)
	}
	return b.String()
}

func sortedCategories(c Counts) []rules.Category {
	var cats []rules.Category
	for cat := range c.ByCategory {
		cats = append(cats, cat)
	}
	order := map[rules.Category]int{}
	for i, cat := range append(append([]rules.Category{}, rules.Categories...), rules.Tool) {
		order[cat] = i
	}
	sort.Slice(cats, func(i, j int) bool { return order[cats[i]] < order[cats[j]] })
	return cats
}

// secrecySafe replaces control characters so a message or path cannot forge terminal output or
// workflow commands.
func secrecySafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
