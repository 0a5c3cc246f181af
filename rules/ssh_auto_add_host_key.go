package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/python"
)

// SSHAutoAddHostKey reports SSH clients that accept any host key.
var SSHAutoAddHostKey = &Rule{
	Meta: Meta{
		ID:         "ssh-auto-add-host-key",
		Title:      "ssh host key not verified",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-322"},
		References: []string{"https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.AutoAddPolicy",
			"https://docs.astral.sh/ruff/rules/ssh-no-host-key-verification/",
			"https://asyncssh.readthedocs.io/en/latest/api.html#specifying-known-hosts"},
		Why: "An SSH client that accepts an unknown host key (`paramiko.AutoAddPolicy`, `WarningPolicy`, the " +
			"do-nothing `MissingHostKeyPolicy`, `pysftp` with `cnopts.hostkeys = None`, `asyncssh.connect(..., " +
			"known_hosts=None)`, `ssh -o StrictHostKeyChecking=no`) cannot tell the real server from an " +
			"attacker on the path. The attacker receives the password or completes key authentication in the " +
			"client's name, and sees every file a pipeline uploads or downloads.",
		Remediation: "Load known host keys (`client.load_system_host_keys()` or `load_host_keys(path)`) and " +
			"keep paramiko's default `RejectPolicy`; pin the server's key in `known_hosts` shipped with the " +
			"deployment. For asyncssh pass `known_hosts=\"/path/known_hosts\"`; for ssh commands use " +
			"`-o StrictHostKeyChecking=yes -o UserKnownHostsFile=...`.",
	},
	Python:      sshAutoAddHostKeyPython,
	PythonNeeds: []string{"paramiko", "pysftp", "asyncssh", "StrictHostKeyChecking"},
}

// acceptAnyPolicies are paramiko host-key policies that accept unknown keys.
var acceptAnyPolicies = map[string]bool{"AutoAddPolicy": true, "WarningPolicy": true, "MissingHostKeyPolicy": true}

// shellCalls take a command line as their first argument or command keyword.
var shellCalls = map[string]bool{"subprocess.run": true, "subprocess.call": true, "subprocess.check_call": true,
	"subprocess.check_output": true, "subprocess.Popen": true, "os.system": true, "os.popen": true}

func sshAutoAddHostKeyPython(pass *Pass, m *python.Module) error {
	for _, c := range m.Calls() {
		switch {
		case c.Method() == "set_missing_host_key_policy" && (strings.HasPrefix(c.Name, "paramiko.") || m.Imports("paramiko")):
			if p := c.Arg(0); p != nil {
				name := p.Name()
				if pc := p.Call(); pc != nil {
					name = pc.Name
				}
				if strings.HasPrefix(name, "paramiko.") && acceptAnyPolicies[name[strings.LastIndexByte(name, '.')+1:]] {
					pass.Reportf(c.Span, "SSH client accepts any host key (`%s`)", name[strings.LastIndexByte(name, '.')+1:])
				}
			}
		case strings.HasPrefix(c.Name, "asyncssh."):
			if kw := c.Keyword("known_hosts"); kw != nil && kw.Value.IsNone() {
				pass.Reportf(kwSpan(kw), "`%s` is called with known_hosts=None: any host key is accepted", c.Name)
			}
		case shellCalls[c.Name] || strings.HasPrefix(c.Name, "airflow.") && strings.HasSuffix(c.Name, "BashOperator") ||
			strings.HasPrefix(c.Name, "airflow.") && strings.HasSuffix(c.Name, ".SSHOperator"):
			for _, e := range commandArgs(c) {
				if s, ok := e.String(); ok && noStrictHostKeyChecking(s) {
					pass.Reportf(e.Span, "ssh command disables host key checking (`StrictHostKeyChecking=no`)")
					break
				}
			}
		}
	}
	for _, a := range m.Assignments() {
		if a.Name == "pysftp.CnOpts.hostkeys" && a.Value.IsNone() {
			pass.Reportf(a.TargetSpan.To(a.Value.Span), "`%s` is set to None: pysftp accepts any host key", a.Target)
		}
	}
	return nil
}

// commandArgs lists the string pieces of a command argument: the first positional argument or
// command= / bash_command= / args=, and the items of a list command.
func commandArgs(c *python.Call) []*python.Expr {
	var cmd *python.Expr
	for _, k := range []string{"bash_command", "command", "args", "cmd"} {
		if kw := c.Keyword(k); kw != nil {
			cmd = kw.Value
			break
		}
	}
	if cmd == nil {
		cmd = c.Arg(0)
	}
	if cmd == nil {
		return nil
	}
	if items := cmd.Items(); items != nil {
		return items
	}
	return []*python.Expr{cmd}
}

// noStrictHostKeyChecking reports whether a command line turns ssh host key checking off.
func noStrictHostKeyChecking(s string) bool {
	l := strings.ToLower(s)
	for _, f := range []string{"stricthostkeychecking=no", "stricthostkeychecking no", "stricthostkeychecking=off"} {
		if strings.Contains(l, f) {
			return true
		}
	}
	return false
}
