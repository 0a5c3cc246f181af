package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// maxMarkdownRows keeps a pull-request comment or step summary readable (and under GitHub's size
// limit); the full list is in the SARIF or JSON output.
const maxMarkdownRows = 50

// Markdown writes a summary for a pull-request comment or $GITHUB_STEP_SUMMARY: counts by category
// and severity, then the findings as a table.
func Markdown(w io.Writer, res *engine.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	c := Count(res.Findings)
	bw.WriteString("## dagwarden\n\n")
	if c.Total == 0 {
		fmt.Fprintf(bw, "No findings in %d files.\n", res.Stats.Files)
	} else {
		bw.WriteString("| category | critical | high | medium | low | total |\n|---|---:|---:|---:|---:|---:|\n")
		for _, cat := range sortedCategories(c) {
			fmt.Fprintf(bw, "| %s |", cat)
			for _, s := range severitiesDesc {
				fmt.Fprintf(bw, " %d |", c.ByCell[cat][s])
			}
			fmt.Fprintf(bw, " %d |\n", c.ByCategory[cat])
		}
		fmt.Fprintf(bw, "| **total** | %d | %d | %d | %d | **%d** |\n\n", c.BySeverity[rules.Critical], c.BySeverity[rules.High],
			c.BySeverity[rules.Medium], c.BySeverity[rules.Low], c.Total)
		bw.WriteString("| severity | rule | location | message |\n|---|---|---|---|\n")
		for i, f := range res.Findings {
			if i == maxMarkdownRows {
				fmt.Fprintf(bw, "\n%d more findings are in the full report.\n", len(res.Findings)-maxMarkdownRows)
				break
			}
			fmt.Fprintf(bw, "| %s | `%s` | `%s:%d` | %s |\n", f.Severity, f.RuleID, mdCode(f.Path), f.Span.Start.Line, mdCell(f.Message))
		}
	}
	bw.WriteString("\n")
	fmt.Fprintln(bw, Summary(res)+".")
	return bw.Flush()
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "<", "&lt;", ">", "&gt;").Replace(secrecySafe(s))
}

func mdCode(s string) string { return strings.ReplaceAll(secrecySafe(s), "`", "'") }
