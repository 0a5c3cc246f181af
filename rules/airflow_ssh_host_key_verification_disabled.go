package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowSSHHostKeyVerificationDisabled reports SSH and SFTP connections that accept any host key.
var AirflowSSHHostKeyVerificationDisabled = &Rule{
	Meta: Meta{
		ID:         "airflow-ssh-host-key-verification-disabled",
		Title:      "airflow ssh connection accepts any host key",
		Category:   TLS,
		Severity:   High,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-322"},
		References: []string{"https://airflow.apache.org/docs/apache-airflow-providers-ssh/stable/connections/ssh.html",
			"https://airflow.apache.org/docs/apache-airflow-providers-sftp/stable/connections/sftp.html"},
		Why: "With `no_host_key_check: true` the SSH and SFTP hooks install paramiko's `AutoAddPolicy` (the " +
			"hook logs \"No Host Key Verification. This won't protect against Man-In-The-Middle attacks\"), and " +
			"`allow_host_key_change: true` accepts a server whose key changed. Anyone on the network path can " +
			"then pose as the server, take the connection's password or key authentication, and read or alter " +
			"the files a pipeline transfers.\n\n" +
			"Connections are read from `AIRFLOW_CONN_*` variables (URI query or JSON extra) in any environment " +
			"file, connection exports (JSON) and `Connection(...)` in Python. Connections to a local host are " +
			"not reported. The hook's implicit default (no `host_key` and no `no_host_key_check: false`) is " +
			"not reported yet.",
		Remediation: "Set `no_host_key_check: false` and pin the server's key with `host_key` (the base64 public " +
			"key), or ship a `known_hosts` file to the workers.",
	},
	Python:      airflowSSHHostKeyVerificationDisabledPython,
	PythonNeeds: []string{"Connection"},
	Dotenv:      envConnHook[*dotenv.File](airflowSSHHostKeyVerificationDisabledConn),
	YAML:        envConnHook[*yaml.Stream](airflowSSHHostKeyVerificationDisabledConn),
	JSON:        airflowSSHHostKeyVerificationDisabledJSON,
}

func airflowSSHHostKeyVerificationDisabledPython(pass *Pass, m *python.Module) error {
	for _, c := range pyConns(m) {
		airflowSSHHostKeyVerificationDisabledConn(pass, c)
	}
	return nil
}

func airflowSSHHostKeyVerificationDisabledJSON(pass *Pass, f *jsonx.File) error {
	for _, c := range jsonConns(f.Root()) {
		airflowSSHHostKeyVerificationDisabledConn(pass, c)
	}
	return nil
}

func airflowSSHHostKeyVerificationDisabledConn(pass *Pass, c airflowConn) {
	if c.Type != "ssh" && c.Type != "sftp" {
		return
	}
	if s := classifyHost(pass, c.Host); s == hostLocal || s == hostAllowed {
		return
	}
	name := c.Type + " connection"
	if c.ID != "" {
		name += " `" + sanitizeName(c.ID) + "`"
	}
	if b, ok := c.extraBool("no_host_key_check"); ok && b {
		pass.Reportf(c.extraSpan("no_host_key_check"), "%s accepts any host key (`no_host_key_check: true`)", name)
	}
	if b, ok := c.extraBool("allow_host_key_change"); ok && b {
		pass.Reportf(c.extraSpan("allow_host_key_change"), "%s accepts a changed host key (`allow_host_key_change: true`)", name)
	}
}
