package rules

// Where Airflow code builds command lines that Airflow logs or exposes, and what in a command's
// text reveals a secret: a literal password, a Jinja template that renders one, an echo of a
// credential-named shell variable.

import (
	"regexp"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// commandSink is one command line: the expression that builds it, what the message calls it, how
// it gets exposed, and the env= mapping passed beside it (nil when none).
type commandSink struct {
	Expr    *python.Expr
	What    string
	Exposed string
	Env     *python.Expr
}

const (
	exposedRunningCommand = "which Airflow logs as `Running command: ...` before running it"
	exposedSubprocess     = "visible in the worker's process table and logged in the `CalledProcessError` of a failed run"
	exposedContainer      = "shown in the Rendered Template view and readable in the container spec"
)

// airflowOperatorCommands are operators (by class-name suffix) and their command arguments.
var airflowOperatorCommands = []struct {
	suffix, kw, exposed string
}{
	{".BashOperator", "bash_command", exposedRunningCommand},
	{".SSHOperator", "command", exposedRunningCommand},
	{".DockerOperator", "command", exposedContainer},
	{"PodOperator", "cmds", exposedContainer}, // KubernetesPodOperator, GKEStartPodOperator, EksPodOperator
	{"PodOperator", "arguments", exposedContainer},
}

// subprocessCalls run a command line given as their first argument.
var subprocessCalls = map[string]bool{"subprocess.run": true, "subprocess.Popen": true, "subprocess.call": true,
	"subprocess.check_call": true, "subprocess.check_output": true, "subprocess.getoutput": true,
	"subprocess.getstatusoutput": true, "os.system": true, "os.popen": true}

// airflowCommandSinks lists the module's command lines.
func airflowCommandSinks(m *python.Module) []commandSink {
	var out []commandSink
	for _, c := range m.Calls() {
		if c.Decorator {
			continue
		}
		switch {
		case subprocessCalls[c.Name]:
			if a := c.ArgOrKeyword(0, "args"); a != nil {
				out = append(out, commandSink{Expr: a, What: "the `" + sanitizeName(c.Name) + "` command line", Exposed: exposedSubprocess})
			} else if a := c.Keyword("cmd"); a != nil {
				out = append(out, commandSink{Expr: a.Value, What: "the `" + sanitizeName(c.Name) + "` command line", Exposed: exposedSubprocess})
			}
		case strings.HasPrefix(c.Name, "airflow.") && c.Method() == "run_command":
			if a := c.ArgOrKeyword(0, "command"); a != nil {
				out = append(out, commandSink{Expr: a, What: "the `run_command` command", Exposed: exposedRunningCommand, Env: kwValue(c, "env")})
			}
		case strings.HasPrefix(c.Name, "airflow.") || strings.HasSuffix(c.Name, "PodOperator"):
			// pod operators are often wrapped in a project's own subclass (GKEPodOperator)
			for _, oc := range airflowOperatorCommands {
				if !strings.HasSuffix(c.Name, oc.suffix) {
					continue
				}
				if k := c.Keyword(oc.kw); k != nil {
					out = append(out, commandSink{Expr: k.Value, What: "`" + oc.kw + "`", Exposed: oc.exposed, Env: kwValue(c, "env")})
				}
			}
		}
	}
	for _, f := range m.Functions() {
		if d := f.Decorator("airflow.decorators.task"); d == nil || !strings.HasSuffix(d.Name, ".bash") {
			continue
		}
		for _, r := range f.Returns() {
			out = append(out, commandSink{Expr: r, What: "the command returned by the @task.bash `" + sanitizeName(f.QualName) + "`",
				Exposed: exposedRunningCommand, Env: kwValue(f.Decorator("airflow.decorators.task"), "env")})
		}
	}
	return out
}

func kwValue(c *python.Call, name string) *python.Expr {
	if c == nil {
		return nil
	}
	if k := c.Keyword(name); k != nil {
		return k.Value
	}
	return nil
}

// commandText is one literal piece of a command line and where it is written.
type commandText struct {
	Text  string
	Span  source.Span
	exact bool // the file holds Text unchanged at Span, so offsets into Text are offsets into the file
}

// commandTexts returns the literal text of a command expression: a string, an f-string's literal
// parts, a list of such (subprocess argv), following a name to its value.
func commandTexts(f *source.File, e *python.Expr, depth int) []commandText {
	if e == nil || depth > 8 {
		return nil
	}
	e = e.Resolve()
	if parts, ok := e.Parts(); ok {
		var out []commandText
		for _, p := range parts {
			if p.Expr == nil && p.Text != "" {
				out = append(out, commandText{Text: p.Text, Span: p.Span, exact: f.Text(p.Span) == p.Text})
			}
		}
		return out
	}
	items := e.Items()
	switch e.Kind {
	case "binary_operator", "conditional_expression", "parenthesized_expression":
		items = e.Children() // base_args + (["--api-key", "{{ var.value.key }}"] if prod else [])
	}
	var out []commandText
	for _, it := range items {
		out = append(out, commandTexts(f, it, depth+1)...)
	}
	return out
}

// span returns the file span of Text[i:j], or the whole piece when offsets do not map.
func (t commandText) span(f *source.File, i, j int) source.Span {
	if !t.exact {
		return t.Span
	}
	return f.Span(t.Span.Start.Offset+i, t.Span.Start.Offset+j)
}

// inlineSecretPatterns find a secret written on a command line; the last group is the secret.
var inlineSecretPatterns = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\bsshpass\s+-p\s*['"]?([^\s'"]+)`), "an `sshpass -p` password"},
	{regexp.MustCompile(`\bmysql(?:dump|admin)?\b[^;|&\n]*?\s-p([^\s'"]+)`), "a `mysql -p` password"},
	{regexp.MustCompile(`(?:^|\s)--(?:password|passwd|db-password|token|api-key|apikey|secret|client-secret)(?:=|\s+)['"]?([^\s'"]+)`), "a `--password`-style option value"},
	{regexp.MustCompile(`\b(?:curl|wget)\b[^;|&\n]*?\s(?:-u|--user)(?:=|\s*)['"]?[^\s:'"]*:([^\s'"@]+)`), "a `curl -u user:password` password"},
	{regexp.MustCompile(`(?i)\bAuthorization:\s*(?:Bearer|Basic|token)\s+([^\s'"]+)`), "an Authorization header"},
	{regexp.MustCompile(`(?:^|[\s;&(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=['"]?([^\s'";&|]+)`), ""}, // what names the variable
}

// shellSecretVars are credential variables whose names IsSecretName does not split into words.
var shellSecretVars = map[string]bool{"PGPASSWORD": true, "MYSQL_PWD": true, "SSHPASS": true, "PGPASS": true}

// shellDirVars are the shell's working directories, whose names read like "password".
var shellDirVars = map[string]bool{"PWD": true, "OLDPWD": true}

func shellSecretName(name string) bool {
	if shellDirVars[name] {
		return false
	}
	return shellSecretVars[strings.ToUpper(name)] || secrets.IsSecretName(name)
}

// inlineSecret is a literal secret found in a command's text.
type inlineSecret struct {
	what string
	span source.Span
}

// inlineSecrets finds literal secrets in one piece of command text.
func inlineSecrets(f *source.File, t commandText) []inlineSecret {
	var out []inlineSecret
	seen := map[int]bool{}
	for _, p := range inlineSecretPatterns {
		for _, loc := range p.re.FindAllStringSubmatchIndex(t.Text, -1) {
			vs, ve := loc[len(loc)-2], loc[len(loc)-1]
			if len(loc) == 6 && !shellSecretName(t.Text[loc[2]:loc[3]]) {
				continue // NAME=value whose name says nothing of a credential
			}
			if vs < 0 || seen[vs] || !commandLiteralSecret(t.Text[vs:ve]) {
				continue
			}
			seen[vs] = true
			what := p.what
			if len(loc) == 6 {
				what = "a literal `" + sanitizeName(t.Text[loc[2]:loc[3]]) + "=` value"
			}
			out = append(out, inlineSecret{what: what, span: t.span(f, vs, ve)})
		}
	}
	// a URL with a password in its userinfo
	for _, loc := range urlInCommand.FindAllStringIndex(t.Text, -1) {
		u := t.Text[loc[0]:loc[1]]
		if _, _, ps, pe, ok := secrets.ParseURLUserinfo(u); ok && ps < pe && !seen[loc[0]+ps] && commandLiteralSecret(u[ps:pe]) {
			seen[loc[0]+ps] = true
			out = append(out, inlineSecret{what: "a password in a URL", span: t.span(f, loc[0]+ps, loc[0]+pe)})
		}
	}
	return out
}

var urlInCommand = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s'"]+`)

// commandLiteralSecret reports whether a value written on a command line is a real secret rather
// than a shell or Jinja reference, a placeholder or a trivial value.
func commandLiteralSecret(v string) bool {
	v = strings.Trim(v, `'"`)
	if len(v) < 4 || strings.ContainsAny(v[:1], "$%<{*-") || strings.Contains(v, "{{") || strings.Contains(v, "$") {
		return false
	}
	return secrets.Classify(v) == secrets.Literal
}

// jinjaSecret is a Jinja expression in a command that renders a secret.
type jinjaSecret struct {
	expr   string // the template expression, for the message
	masked bool   // Airflow's masker knows the value
	span   source.Span
}

var (
	jinjaExprRe   = regexp.MustCompile(`\{\{-?\s*(.*?)\s*-?\}\}`)
	jinjaConnRe   = regexp.MustCompile(`^conn\.(\w+)\.(password|extra|get_uri\(\)|get_password\(\)|extra_dejson(?:\.(\w+)|\[\s*['"]([^'"]+)['"]\s*\])?)\s*(?:\||$)`)
	jinjaVarRe    = regexp.MustCompile(`^var\.(?:value|json)\.(\w+)|^var\.(?:value|json)\.get\(\s*['"]([^'"]+)['"]`)
	jinjaFilterRe = regexp.MustCompile(`\|\s*(b64encode|base64|urlencode|reverse|replace)`)
)

// jinjaSecrets finds Jinja templates rendering a connection secret or a credential Variable.
func jinjaSecrets(f *source.File, t commandText) []jinjaSecret {
	if !strings.Contains(t.Text, "{{") {
		return nil
	}
	var out []jinjaSecret
	for _, loc := range jinjaExprRe.FindAllStringSubmatchIndex(t.Text, -1) {
		inner := t.Text[loc[2]:loc[3]]
		js := jinjaSecret{expr: t.Text[loc[0]:loc[1]], span: t.span(f, loc[0], loc[1])}
		if m := jinjaConnRe.FindStringSubmatch(inner); m != nil {
			field := m[3] + m[4]
			switch {
			case field == "":
				js.masked = true
			case airflowSensitiveName(field):
				js.masked = true
			case !shellSecretName(field):
				continue // conn.x.extra_dejson.region_name
			}
		} else if m := jinjaVarRe.FindStringSubmatch(inner); m != nil {
			name := m[1] + m[2]
			if !airflowVariableHoldsSecret(name) {
				continue // var.value.bucket
			}
			js.masked = airflowSensitiveName(name)
		} else {
			continue
		}
		if jinjaFilterRe.MatchString(inner) {
			js.masked = false // the masker knows the value, not its transformation
		}
		out = append(out, js)
	}
	return out
}

// echoedVar is a credential-named shell variable that echo or printf writes to the task log.
type echoedVar struct {
	name string
	span source.Span
}

var (
	shellCommandSep = regexp.MustCompile(`&&|\|\||;|\n`)
	shellEchoRe     = regexp.MustCompile(`^\s*(?:echo|printf)\b`)
	shellVarRe      = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)
)

// echoedSecrets finds `echo $DB_PASSWORD`: an echo whose output is not piped or redirected (a
// pipe into `docker login --password-stdin` is the safe form) of a credential-named variable.
func echoedSecrets(f *source.File, t commandText) []echoedVar {
	if !strings.Contains(t.Text, "$") {
		return nil
	}
	var out []echoedVar
	start := 0
	for _, sep := range append(shellCommandSep.FindAllStringIndex(t.Text, -1), []int{len(t.Text), len(t.Text)}) {
		cmd := t.Text[start:sep[0]]
		off := start
		start = sep[1]
		if !shellEchoRe.MatchString(cmd) || strings.ContainsAny(cmd, "|>") {
			continue
		}
		for _, loc := range shellVarRe.FindAllStringSubmatchIndex(cmd, -1) {
			if name := cmd[loc[2]:loc[3]]; shellSecretName(name) {
				out = append(out, echoedVar{name: name, span: t.span(f, off+loc[0], off+loc[1])})
			}
		}
	}
	return out
}

// envMasked reports whether an env= mapping sets name from a Jinja template Airflow masks
// (`{"DB_PASSWORD": "{{ conn.db.password }}"}`), so that echoing it prints ***.
func envMasked(f *source.File, env *python.Expr, name string) bool {
	if env == nil {
		return false
	}
	v := env.Resolve().Get(name)
	if v == nil {
		return false
	}
	for _, t := range commandTexts(f, v, 0) {
		for _, js := range jinjaSecrets(f, t) {
			if js.masked {
				return true
			}
		}
	}
	return false
}
