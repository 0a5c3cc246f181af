package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// GitHub writes workflow commands, which GitHub Actions turns into annotations on the pull
// request, for runs without code scanning.
func GitHub(w io.Writer, res *engine.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range res.Findings {
		level := "warning"
		switch f.Severity {
		case rules.Critical, rules.High:
			level = "error"
		case rules.Low:
			level = "notice"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", level,
			escapeProperty(f.Path), f.Span.Start.Line, f.Span.Start.Col, f.Span.End.Line, f.Span.End.Col,
			escapeProperty("dagwarden "+f.RuleID+" ("+f.Severity.String()+")"), escapeData(f.Message))
	}
	for _, n := range res.Notices {
		fmt.Fprintf(bw, "::notice file=%s::%s\n", escapeProperty(n.Path), escapeData("dagwarden: "+n.Message))
	}
	fmt.Fprintln(bw, Summary(res))
	return bw.Flush()
}

// escapeData and escapeProperty follow the workflow-command escaping of @actions/core, so a path or
// message cannot end the command early or inject another one.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
