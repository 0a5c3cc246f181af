package rules

import (
	"regexp"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
)

// ---------------------------------------------------------------------------------------------
// Python: an expression that holds the whole environment or a whole configuration

// dumpKind says what a dump exposes.
type dumpKind uint8

const (
	dumpNone   dumpKind = iota
	dumpEnv             // every environment variable with its value
	dumpConfig          // a whole connection, resource set or run config, secrets included
)

// envDumpOf reports whether e, written to a log, writes out the environment or a whole
// configuration, and names it. Only what reveals values counts: list(os.environ),
// os.environ.keys() and os.environ["HOME"] do not.
func envDumpOf(e *python.Expr, depth int) (dumpKind, string) {
	if e == nil || depth > 12 {
		return dumpNone, ""
	}
	if isEnviron(e) {
		return dumpEnv, "os.environ"
	}
	if k, what := configObject(e); k != dumpNone {
		return k, what
	}
	switch e.Kind {
	case "parenthesized_expression", "binary_operator", "list", "tuple", "set", "expression_list",
		"conditional_expression", "boolean_operator", "interpolation", "pair", "dictionary":
		for _, c := range e.Children() {
			if k, what := envDumpOf(c, depth+1); k != dumpNone {
				return k, what
			}
		}
	case "dictionary_splat":
		for _, c := range e.Children() {
			if k, what := envDumpOf(c, depth+1); k != dumpNone {
				return k, what
			}
		}
	case "string", "concatenated_string":
		if parts, ok := e.Parts(); ok {
			for _, p := range parts {
				if p.Expr != nil {
					if k, what := envDumpOf(p.Expr, depth+1); k != dumpNone {
						return k, what
					}
				}
			}
		}
	case "generator_expression", "list_comprehension", "dictionary_comprehension", "set_comprehension":
		return comprehensionDump(e)
	case "identifier":
		if r := e.Resolve(); r != e {
			return envDumpOf(r, depth+1)
		}
	case "call":
		return callDump(e.Call(), depth)
	}
	return dumpNone, ""
}

// isEnviron reports whether e is os.environ itself.
func isEnviron(e *python.Expr) bool {
	return (e.Kind == "attribute" || e.Kind == "identifier") && e.Name() == "os.environ"
}

// envValueViews are methods of os.environ whose result still holds the values.
var envValueViews = map[string]bool{"copy": true, "items": true, "values": true, "__repr__": true, "__str__": true}

// dumpWrappers turn their argument into text or a copy that still holds every value.
var dumpWrappers = map[string]bool{"dict": true, "str": true, "repr": true, "format": true, "json.dumps": true,
	"pprint.pformat": true, "yaml.dump": true, "yaml.safe_dump": true, "sorted": true, "list": true, "tuple": true}

// airflowSecretSections are the airflow.cfg sections holding credentials in their values
// (fernet_key, sql_alchemy_conn, broker_url, smtp_password, secret_key, backend_kwargs, dsn).
var airflowSecretSections = map[string]bool{"core": true, "database": true, "celery": true, "smtp": true,
	"webserver": true, "api": true, "api_auth": true, "secrets": true, "sentry": true, "elasticsearch": true}

// keyOnlyWrappers iterate a mapping's keys: list(os.environ) lists names only.
var keyOnlyWrappers = map[string]bool{"sorted": true, "list": true, "tuple": true}

func callDump(c *python.Call, depth int) (dumpKind, string) {
	if c == nil {
		return dumpNone, ""
	}
	if c.Receiver != nil {
		meth := c.Method()
		if isEnviron(c.Receiver) {
			if envValueViews[meth] {
				return dumpEnv, "os.environ." + meth + "()"
			}
			return dumpNone, ""
		}
		if meth == "join" || meth == "format" {
			for _, a := range c.Args {
				if k, what := envDumpOf(a, depth+1); k != dumpNone {
					return k, what
				}
			}
			return dumpNone, ""
		}
		if meth == "as_dict" && c.Keyword("display_sensitive") != nil && c.Keyword("display_sensitive").Value.IsTrue() {
			return dumpConfig, "conf.as_dict(display_sensitive=True)"
		}
		if meth == "getsection" && strings.HasPrefix(c.Name, "airflow.") {
			if sec, ok := c.Arg(0).String(); ok && airflowSecretSections[strings.ToLower(sec)] {
				return dumpConfig, "conf.getsection(" + quoteRef(sec) + ")"
			}
		}
		if meth == "to_dict" || meth == "dict" || meth == "model_dump" || meth == "_asdict" {
			return configObject(c.Receiver)
		}
	}
	switch {
	case c.Name == "vars":
		// vars(x) is x.__dict__
		if a := c.Arg(0); a != nil {
			if isCredentialObject(a) || a.Resolve().Name() == "airflow.models.Connection" {
				return dumpConfig, "vars(" + sanitizeName(a.Text) + ")"
			}
			return configObject(a)
		}
	case dumpWrappers[c.Name]:
		a := c.Arg(0)
		if a == nil {
			return dumpNone, ""
		}
		if keyOnlyWrappers[c.Name] && isEnviron(a) {
			return dumpNone, "" // the names only
		}
		return envDumpOf(a, depth+1)
	}
	return dumpNone, ""
}

// comprehensionDump: (f"{k}={v}" for k, v in os.environ.items()) dumps the values; a
// comprehension that only uses the names (k for k in os.environ) does not.
func comprehensionDump(e *python.Expr) (dumpKind, string) {
	var body []*python.Expr
	for _, c := range e.Children() {
		if c.Kind != "for_in_clause" {
			body = append(body, c)
			continue
		}
		kids := c.Children()
		if len(kids) < 2 {
			continue
		}
		target, iter := kids[0], kids[1]
		k, what := dumpNone, ""
		if ic := iter.Call(); ic != nil && ic.Receiver != nil && isEnviron(ic.Receiver) && (ic.Method() == "items" || ic.Method() == "values") {
			k, what = dumpEnv, "os.environ."+ic.Method()+"()"
		}
		if k == dumpNone {
			continue
		}
		valueVar := ""
		if ic := iter.Call(); ic.Method() == "values" {
			valueVar = strings.TrimSpace(target.Text)
		} else if vs := target.Children(); len(vs) == 2 {
			valueVar = strings.TrimSpace(vs[1].Text)
		}
		for _, b := range body {
			if valueVar != "" && mentionsName(b.Text, valueVar) {
				return k, what
			}
		}
	}
	return dumpNone, ""
}

// mentionsName reports whether identifier name occurs in code as a whole word.
func mentionsName(code, name string) bool {
	for i := 0; ; {
		j := strings.Index(code[i:], name)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(name)
		if (j == 0 || !isIdentByte(code[j-1])) && (end == len(code) || !isIdentByte(code[end])) {
			return true
		}
		i = j + 1
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// configObject reports whether e is a whole configuration object: an Airflow connection's extras
// (conn.extra_dejson, conn.extra) or the connection's attribute dict, Dagster's context.resources
// (resource reprs show their fields) or run config.
func configObject(e *python.Expr) (dumpKind, string) {
	if e == nil {
		return dumpNone, ""
	}
	e = e.Resolve()
	obj, attr, ok := e.Attr()
	if !ok {
		return dumpNone, "" // print(conn) shows the conn id only
	}
	t := obj.Name()
	switch {
	case t == "airflow.models.Connection" && (attr == "extra_dejson" || attr == "extra" || attr == "__dict__"):
		return dumpConfig, sanitizeName(obj.Text) + "." + attr
	case attr == "__dict__" && isCredentialObject(obj):
		return dumpConfig, sanitizeName(obj.Text) + ".__dict__"
	case strings.HasPrefix(t, "dagster.") && strings.HasSuffix(t, "Context") && (attr == "resources" || attr == "run_config"):
		return dumpConfig, sanitizeName(obj.Text) + "." + attr
	case attr == "run_config" && strings.HasPrefix(t, "dagster."):
		return dumpConfig, sanitizeName(obj.Text) + "." + attr
	}
	return dumpNone, ""
}

// isCredentialObject: a connection, or a name that says it holds credentials (creds, credentials).
func isCredentialObject(e *python.Expr) bool {
	if e.Name() == "airflow.models.Connection" {
		return true
	}
	name := e.Text
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	switch strings.ToLower(name) {
	case "creds", "credentials", "credential", "conn", "connection", "secrets", "config", "settings":
		return true
	}
	return false
}

// ---------------------------------------------------------------------------------------------
// Shell: commands that print the environment or trace expanded commands

// shellDump is one dump found in a shell script: the command as written and what it does.
type shellDump struct {
	Offset int    // byte offset of the command in the script text
	Cmd    string // "env", "printenv", "set -x", ...
	Fact   string
	Trace  bool // set -x: only a leak when the script expands a credential variable
}

var shellSplit = regexp.MustCompile(`\|\||&&|[;|&\n(){}` + "`" + `]|\$\(`)

// credVarRe finds $VAR and ${VAR} expansions.
var credVarRe = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// shellDumps finds env / printenv / export -p / declare -p / set, set -x,
// prefect config view --show-secrets and airflow connections list|get|export in a script.
func shellDumps(script string) []shellDump {
	var out []shellDump
	locs := shellSplit.FindAllStringIndex(script, -1)
	start := 0
	segs := [][2]int{}
	for _, l := range locs {
		segs = append(segs, [2]int{start, l[0]})
		start = l[1]
	}
	segs = append(segs, [2]int{start, len(script)})
	for i, sg := range segs {
		seg := script[sg[0]:sg[1]]
		words := strings.Fields(seg)
		lead := len(seg) - len(strings.TrimLeft(seg, " \t\r"))
		// skip VAR=value prefixes and sudo / exec / command wrappers
		for len(words) > 0 && (strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") ||
			words[0] == "sudo" || words[0] == "exec" || words[0] == "then" || words[0] == "do" || words[0] == "else" || words[0] == "!") {
			words = words[1:]
		}
		if len(words) == 0 || strings.HasPrefix(words[0], "#") {
			continue
		}
		redirected := false
		args := words[1:]
		for j, w := range args {
			if strings.HasPrefix(w, ">") || strings.HasPrefix(w, "1>") || strings.HasPrefix(w, "&>") {
				redirected = true
				args = args[:j]
				break
			}
		}
		// a pipeline into a file (env | sort > out) is not logged either, and a filter narrows
		// what is printed (env | grep TOKEN prints the token, env | wc -l a count)
		filter := pipeNone
		pattern := ""
		if i+1 < len(segs) && sg[1] < len(script) && script[sg[1]] == '|' && !strings.HasPrefix(script[sg[1]:], "||") {
			next := script[segs[i+1][0]:segs[i+1][1]]
			if strings.Contains(next, ">") {
				redirected = true
			}
			filter, pattern = pipeFilter(next)
		}
		if redirected || filter == pipeHides {
			continue
		}
		off := sg[0] + lead
		cmd := words[0]
		switch cmd {
		case "env", "printenv":
			switch {
			case !envArgsPrintAll(args):
			case filter == pipeMatches:
				out = append(out, shellDump{Offset: off, Cmd: cmd, Fact: "prints the environment variables matching " + quoteCode(pattern) + " with their values"})
			default:
				out = append(out, shellDump{Offset: off, Cmd: cmd, Fact: "prints every environment variable with its value"})
			}
		case "export", "declare", "typeset":
			if len(args) == 1 && (args[0] == "-p" || args[0] == "-x" || args[0] == "-px") {
				out = append(out, shellDump{Offset: off, Cmd: cmd + " " + args[0], Fact: "prints every exported variable with its value"})
			}
		case "set":
			if len(args) == 0 {
				out = append(out, shellDump{Offset: off, Cmd: "set", Fact: "prints every shell variable with its value"})
				continue
			}
			for j, a := range args {
				if a == "-o" && j+1 < len(args) && args[j+1] == "xtrace" || len(a) > 1 && a[0] == '-' && a[1] != '-' && a[1] != 'o' && strings.ContainsRune(a, 'x') {
					out = append(out, shellDump{Offset: off, Cmd: "set " + a, Fact: "echoes every command with its variables expanded", Trace: true})
					break
				}
			}
		case "prefect":
			if strings.Contains(seg, "config view") && strings.Contains(seg, "--show-secrets") {
				out = append(out, shellDump{Offset: off, Cmd: "prefect config view --show-secrets", Fact: "prints the Prefect settings with secrets unmasked"})
			}
		case "airflow":
			if len(args) >= 2 && args[0] == "connections" && (args[1] == "list" || args[1] == "get" || args[1] == "export") {
				out = append(out, shellDump{Offset: off, Cmd: "airflow connections " + args[1], Fact: "prints connections with their passwords and extras"})
			}
		}
	}
	return out
}

// What a command after a pipe does to a dump.
const (
	pipeNone    = iota // passes it on (sort, less, tee, sed)
	pipeHides          // keeps no value: counts, names only, or a grep for a non-secret name
	pipeMatches        // keeps the variables matching a credential-like pattern
)

// pipeFilter classifies the command a dump is piped into; for a grep it returns the pattern.
func pipeFilter(next string) (int, string) {
	words := strings.Fields(next)
	if len(words) == 0 {
		return pipeNone, ""
	}
	switch words[0] {
	case "wc", "cut", "awk", "true":
		return pipeHides, "" // counts, keys (cut -d= -f1), or not knowable
	case "grep", "egrep", "fgrep":
	default:
		return pipeNone, ""
	}
	pattern := ""
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "-") {
			if strings.ContainsAny(w, "v") && !strings.HasPrefix(w, "--") {
				return pipeNone, "" // everything but the match
			}
			if strings.ContainsAny(w, "cqlL") && !strings.HasPrefix(w, "--") {
				return pipeHides, "" // a count, a status, a file name
			}
			continue
		}
		pattern = strings.Trim(w, `"'^$`)
		break
	}
	if pattern != "" && (secrets.IsSecretName(pattern) || secretPatternWord(pattern)) {
		return pipeMatches, pattern
	}
	return pipeHides, ""
}

// secretPatternWord: grep patterns are often a bare word (TOKEN, PASS, CONN) rather than a
// variable name, and AIRFLOW_CONN_ variables hold connection URIs with passwords.
func secretPatternWord(p string) bool {
	u := strings.ToUpper(p)
	for _, w := range []string{"TOKEN", "SECRET", "PASS", "KEY", "CRED", "AUTH", "CONN"} {
		if strings.Contains(u, w) {
			return true
		}
	}
	return false
}

// envArgsPrintAll reports whether env/printenv is called without a variable name or a command:
// env -0 and printenv --null still print everything; printenv HOME and env X=1 cmd do not.
func envArgsPrintAll(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") || a == "-u" || a == "--unset" || a == "-i" || a == "-" {
			return false
		}
	}
	return true
}

// expandsCredential reports whether a script expands a credential-named variable ($API_TOKEN).
func expandsCredential(script string) (string, bool) {
	for _, m := range credVarRe.FindAllStringSubmatch(script, -1) {
		if secrets.IsSecretName(m[1]) {
			return m[1], true
		}
	}
	return "", false
}
