package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// dumpSink reports whether a call writes its arguments to a log or stdout, and names it.
func dumpSink(c *python.Call) (string, bool) {
	if _, ok := c.LogSink(); ok {
		return c.Callee, true
	}
	switch c.Name {
	case "pprint.pprint", "pprint.pp", "rich.print":
		return c.Callee, true
	}
	return "", false
}

// dumpSinkArgs are the arguments of a sink call that end up in the message.
func dumpSinkArgs(c *python.Call) []*python.Expr {
	out := append([]*python.Expr(nil), c.Args...)
	for _, k := range c.Keywords {
		switch k.Name {
		case "exc_info", "stacklevel", "file", "sep", "end", "flush", "stack_info":
		default:
			out = append(out, k.Value)
		}
	}
	return out
}

// envDumpFinding is the finding for a dump written by a sink; high inside task code, whose
// output the orchestrator stores and shows, and medium confidence for whole configurations
// (what they hold depends on the deployment).
func envDumpFinding(at *python.Expr, k dumpKind, what, sink string, inTask bool) Finding {
	fact := "every environment variable with its value, credentials included"
	if k == dumpConfig {
		fact = "the whole configuration, secrets included"
	}
	f := Finding{Span: at.Span, Message: quoteCode(sink) + " writes " + quoteCode(what) + " to the log: " + fact}
	if inTask {
		f.Severity = High
	}
	if k == dumpConfig {
		f.Confidence = ConfidenceMedium
	}
	return f
}

// shellCommand is a shell script passed to a task: the expression and what it is ("the
// `bash_command` of `BashOperator`").
type shellCommand struct {
	expr  *python.Expr
	where string
	log   string // "the task log", "the flow run log"
}

// taskShellCommands lists the shell scripts a call hands to a task: BashOperator bash_command,
// SSHOperator command, KubernetesPodOperator cmds and arguments, prefect-shell ShellOperation
// commands and shell_run_command.
func taskShellCommands(c *python.Call) []shellCommand {
	name, meth := c.Name, c.Method()
	var out []shellCommand
	add := func(e *python.Expr, kw string) {
		if e != nil {
			log := "the task log"
			if strings.HasPrefix(name, "prefect") {
				log = "the flow run log"
			}
			out = append(out, shellCommand{expr: e, where: "the `" + kw + "` of `" + sanitizeName(meth) + "`", log: log})
		}
	}
	switch {
	case strings.HasPrefix(name, "airflow.") && strings.HasSuffix(meth, "Operator"):
		if k := c.Keyword("bash_command"); k != nil {
			add(k.Value, "bash_command")
		}
		if k := c.Keyword("command"); k != nil && strings.HasPrefix(meth, "SSH") {
			add(k.Value, "command")
		}
		if strings.HasSuffix(meth, "PodOperator") {
			if script, kw := podShellScript(c); script != nil {
				add(script, kw)
			}
		}
	case strings.HasPrefix(name, "prefect_shell."):
		if meth == "shell_run_command" {
			add(c.ArgOrKeyword(0, "command"), "command")
		}
		if meth == "ShellOperation" {
			if k := c.Keyword("commands"); k != nil {
				for _, it := range k.Value.Resolve().Items() {
					add(it, "commands")
				}
			}
		}
	}
	return out
}

// podShellScript finds the script of a pod operator run through a shell: cmds=["sh", "-c"],
// arguments=["env && python run.py"]. The rest of cmds + arguments is an argv, not shell.
func podShellScript(c *python.Call) (*python.Expr, string) {
	var argv []*python.Expr
	var from []string
	for _, kw := range []string{"cmds", "arguments"} {
		if k := c.Keyword(kw); k != nil {
			for _, it := range k.Value.Resolve().Items() {
				argv = append(argv, it)
				from = append(from, kw)
			}
		}
	}
	for i := 0; i+2 < len(argv); i++ {
		sh, _ := argv[i].String()
		flag, _ := argv[i+1].String()
		if isShell(sh) && strings.HasPrefix(flag, "-") && strings.HasSuffix(flag, "c") {
			return argv[i+2], from[i+2]
		}
	}
	return nil, ""
}

// isShell reports whether an argv[0] is a POSIX shell (sh, /bin/bash, ...).
func isShell(cmd string) bool {
	switch cmd[strings.LastIndexByte(cmd, '/')+1:] {
	case "sh", "bash", "zsh", "dash", "ash", "ksh":
		return true
	}
	return false
}

// reportShellDumps reports env / printenv / set -x ... in a Python string holding a script.
func reportShellDumps(pass *Pass, sc shellCommand, inTask bool) {
	script, segs := scriptText(sc.expr)
	if script == "" {
		return
	}
	for _, d := range shellDumps(script) {
		if d.Trace {
			if _, ok := expandsCredential(script); !ok {
				continue
			}
		}
		at := sc.expr.Span
		for _, sg := range segs {
			if d.Offset >= sg.off && d.Offset < sg.off+len(sg.part.Text) {
				at = locateInSource(pass.File, sg.part.Span, sg.part.Text, d.Offset-sg.off, len(d.Cmd))
				break
			}
		}
		f := Finding{Span: at, Message: quoteCode(d.Cmd) + " in " + sc.where + " " + d.Fact + " into " + sc.log}
		if inTask {
			f.Severity = High
		}
		pass.Report(f)
	}
}

type scriptSeg struct {
	off  int
	part python.Part
}

// scriptText joins a string expression's literal pieces; interpolations become ${_} so a
// trace that expands them is still recognised as a shell expansion.
func scriptText(e *python.Expr) (string, []scriptSeg) {
	parts, ok := e.Resolve().Parts()
	if !ok {
		return "", nil
	}
	var b strings.Builder
	var segs []scriptSeg
	for _, p := range parts {
		if p.Expr != nil {
			b.WriteString("${_}")
			continue
		}
		segs = append(segs, scriptSeg{off: b.Len(), part: p})
		b.WriteString(p.Text)
	}
	return b.String(), segs
}

// locateInSource finds the source position of text[off:off+n] inside span, where text is the
// decoded content written in span (a string literal, a YAML block scalar): it matches the
// decoded lines against the source in order, so indentation and escapes elsewhere do not shift
// it. Falls back to the span's start.
func locateInSource(f *source.File, span source.Span, text string, off, n int) source.Span {
	src := f.Content
	if span.IsZero() || off < 0 || off > len(text) || span.Start.Offset > len(src) {
		return span
	}
	end := span.End.Offset
	if end > len(src) || end < span.Start.Offset {
		end = len(src)
	}
	cur := span.Start.Offset
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := strings.TrimLeft(text[lineStart:lineEnd], " \t")
		lead := lineEnd - lineStart - len(line)
		idx := -1
		if line != "" {
			idx = strings.Index(string(src[cur:end]), line)
		}
		if off >= lineStart && off <= lineEnd {
			if idx < 0 || off-lineStart < lead {
				return span
			}
			s := cur + idx + (off - lineStart - lead)
			e := s + n
			if e > cur+idx+len(line) {
				e = cur + idx + len(line)
			}
			return f.Span(s, e)
		}
		if idx >= 0 {
			cur += idx + len(line)
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return span
}

// prefectShellStep is one run_shell_script step of a prefect.yaml that streams its output
// (the default): its script entry.
type prefectShellStep struct {
	script value.Entry
}

// prefectShellSteps lists the run_shell_script steps of a prefect.yaml (build, push, pull,
// top level or per deployment) whose output is streamed to the logs.
func prefectShellSteps(s *yaml.Stream) []prefectShellStep {
	es := s.Entries()
	var out []prefectShellStep
	for _, e := range es {
		n := len(e.Path)
		if n < 2 || e.Key() != "script" || !strings.HasSuffix(e.Path[n-2], "run_shell_script") {
			continue
		}
		stream := true
		for _, o := range es {
			if len(o.Path) == n && o.Key() == "stream_output" && samePrefix(o.Path, e.Path, n-1) && o.Doc == e.Doc {
				stream = !strings.EqualFold(o.Value.Text, "false")
			}
		}
		if stream {
			out = append(out, prefectShellStep{script: e})
		}
	}
	return out
}

func samePrefix(a, b []string, n int) bool {
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// reportYAMLShellDumps reports env / printenv / set -x ... in a prefect.yaml shell step.
func reportYAMLShellDumps(pass *Pass, st prefectShellStep) {
	v := st.script.Value
	if v.Kind == value.Template {
		return
	}
	script := v.Text
	for _, d := range shellDumps(script) {
		if d.Trace {
			if _, ok := expandsCredential(script); !ok {
				continue
			}
		}
		at := locateInSource(pass.File, v.Span, script, d.Offset, len(d.Cmd))
		// the step runs with the flow run and streams into its log: task code
		pass.Report(Finding{Span: at, Severity: High, Message: quoteCode(d.Cmd) + " in a `run_shell_script` step " + d.Fact + " into the flow run log"})
	}
}
