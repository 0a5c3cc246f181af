package rules

import (
	"bytes"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// AirflowHelmGitsyncNoKnownHosts reports git-sync over SSH in Airflow chart values without a
// known_hosts entry, which makes the chart turn host-key checking off.
var AirflowHelmGitsyncNoKnownHosts = &Rule{
	Meta: Meta{
		ID:         "airflow-helm-gitsync-no-known-hosts",
		Title:      "airflow dag git-sync skips ssh host key checks",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-322"},
		References: []string{"https://airflow.apache.org/docs/helm-chart/stable/manage-dag-files.html#using-git-sync",
			"https://github.com/airflow-helm/charts/blob/main/charts/airflow/docs/faq/dags/load-dag-definitions.md"},
		Why: "With `dags.gitSync` over SSH, the git-sync sidecar pulls the DAG files every worker and the " +
			"scheduler then run with the deployment's credentials. Both Airflow charts set " +
			"`GIT_KNOWN_HOSTS=false` on the sidecar when no known_hosts content is given (`dags.gitSync.knownHosts` " +
			"in the official chart, `dags.gitSync.sshKnownHosts` in the community chart), so the SSH server's " +
			"host key is never checked and whoever can answer for the git host can hand the cluster its code.\n\n" +
			"Reported when git-sync is enabled, the repository is reached over SSH (a `git@` or `ssh://` URL, " +
			"or an SSH key secret is set), and the known_hosts value is missing or empty. HTTPS repositories " +
			"are verified by TLS and are not reported.",
		Remediation: "Add the git host's public keys: `knownHosts: |` followed by the output of " +
			"`ssh-keyscan github.com` checked against the host's published fingerprints (`sshKnownHosts` in " +
			"the community chart).",
	},
	YAML: airflowHelmGitsyncNoKnownHostsYAML,
}

func airflowHelmGitsyncNoKnownHostsYAML(pass *Pass, s *yaml.Stream) error {
	switch s.Kind() {
	case yaml.AirflowHelm, yaml.AirflowHelmCommunity:
	case yaml.HelmValues:
		if !bytes.Contains(bytes.ToLower(pass.File.Content), []byte("airflow")) {
			return nil
		}
	default:
		return nil
	}
	for _, doc := range s.Documents() {
		gs := doc.Path("dags", "gitSync")
		if !gs.IsMap() {
			continue
		}
		if on, ok := gs.Get("enabled").Bool(); !ok || !on {
			continue
		}
		repo, _ := gs.Get("repo").String()
		if !gitSyncOverSSH(repo, gs) {
			continue
		}
		key := "knownHosts"
		if s.Kind() == yaml.AirflowHelmCommunity || gs.Get("knownHosts").IsNull() && !gs.Get("sshKnownHosts").IsNull() {
			key = "sshKnownHosts"
		}
		hosts := gs.Get(key)
		if !hosts.IsNull() && !hosts.IsScalar() {
			continue // structured: not judged
		}
		if v, ok := hosts.String(); ok && strings.TrimSpace(v) != "" {
			continue
		}
		at := gs.KeySpan() // no known_hosts line at all: point at gitSync
		if !hosts.IsNull() {
			at = hosts.KeySpan().To(hosts.Span())
		}
		pass.Report(Finding{Span: at,
			Message: "git-sync pulls the DAGs over SSH without `dags.gitSync." + key + "`: the git host's key is not checked"})
	}
	return nil
}

// gitSyncOverSSH reports whether the git-sync repository is reached over SSH.
func gitSyncOverSSH(repo string, gs *yaml.Node) bool {
	r := strings.ToLower(strings.TrimSpace(repo))
	switch {
	case strings.HasPrefix(r, "https://"), strings.HasPrefix(r, "http://"):
		return false
	case strings.HasPrefix(r, "ssh://"), strings.HasPrefix(r, "git@"):
		return true
	}
	for _, k := range []string{"sshKeySecret", "sshSecret", "sshKey"} {
		if v, ok := gs.Get(k).String(); ok && strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}
