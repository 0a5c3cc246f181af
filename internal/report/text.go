package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiYel   = "\x1b[33m"
	ansiBlue  = "\x1b[34m"
	ansiMag   = "\x1b[35m"
)

var severityColor = map[rules.Severity]string{rules.Critical: ansiMag, rules.High: ansiRed, rules.Medium: ansiYel, rules.Low: ansiBlue}

// Text writes findings the way compilers and linters do: file:line:col, severity, message and
// rule ID, then the masked source line with the finding underlined, then a summary.
func Text(w io.Writer, res *engine.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	list := res.Findings
	if opt.ShowSuppressed {
		list = append(append([]rules.Finding{}, res.Findings...), res.Suppressed...)
		engine.SortFindings(list)
	}
	for _, fd := range list {
		loc := fmt.Sprintf("%s:%d:%d", fd.Path, fd.Span.Start.Line, fd.Span.Start.Col)
		fmt.Fprintf(bw, "%s: %s %s [%s]", paint(ansiBold, secrecySafe(loc)), paint(severityColor[fd.Severity], fd.Severity.String()),
			secrecySafe(fd.Message), fd.RuleID)
		if fd.Count > 1 {
			fmt.Fprintf(bw, " (%d occurrences in this file)", fd.Count)
		}
		if fd.Suppression != nil {
			fmt.Fprintf(bw, " (suppressed: %s)", secrecySafe(fd.Suppression.Reason))
		}
		bw.WriteString("\n")
		if text, from, to := Excerpt(res.Files[fd.Path], fd); text != "" || from > 0 {
			num := strconv.Itoa(fd.Span.Start.Line)
			pad := strings.Repeat(" ", len(num))
			text = strings.ReplaceAll(text, "\t", " ")
			fmt.Fprintf(bw, "%s %s\n", pad, paint(ansiDim, "|"))
			fmt.Fprintf(bw, "%s %s %s\n", paint(ansiDim, num), paint(ansiDim, "|"), secrecySafe(text))
			under := strings.Repeat(" ", runeCount(text[:min(from, len(text))])) +
				strings.Repeat("^", max(1, runeCount(text[min(from, len(text)):min(to, len(text))])))
			fmt.Fprintf(bw, "%s %s %s\n", pad, paint(ansiDim, "|"), paint(severityColor[fd.Severity], under))
		}
		for _, rel := range fd.Related {
			fmt.Fprintf(bw, "   note: %s:%d:%d: %s\n", secrecySafe(rel.Path), rel.Span.Start.Line, rel.Span.Start.Col, secrecySafe(rel.Message))
		}
	}
	if len(list) > 0 {
		bw.WriteString("\n")
	}
	c := Count(res.Findings)
	if c.Total > 0 {
		var parts []string
		for _, cat := range sortedCategories(c) {
			parts = append(parts, fmt.Sprintf("%s %d", cat, c.ByCategory[cat]))
		}
		fmt.Fprintf(bw, "by category: %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintln(bw, Summary(res))
	return bw.Flush()
}

func runeCount(s string) int { return len([]rune(s)) }
