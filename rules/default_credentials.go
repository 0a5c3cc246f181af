package rules

import (
	"net"
	"strconv"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/secrets"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DefaultCredentials reports well-known default credentials (airflow/airflow, admin/admin,
// postgres/postgres, guest/guest, prefect-rocks) in connection URIs and password settings.
var DefaultCredentials = &Rule{
	Meta: Meta{
		ID:         "default-credentials",
		Aliases:    []string{"airflow-default-admin-credentials"},
		Title:      "well-known default credentials",
		Category:   Secrets,
		Severity:   High,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-1392", "CWE-798"},
		References: []string{
			"https://airflow.apache.org/docs/apache-airflow/stable/howto/docker-compose/index.html",
			"https://github.com/apache/airflow/blob/main/chart/values.yaml",
			"https://github.com/PrefectHQ/prefect-helm/blob/main/charts/prefect-server/values.yaml",
		},
		Why: "The quick-start files of Airflow, Prefect and Dagster ship with credentials everyone knows: " +
			"`airflow`/`airflow` for the metadata database and the web UI admin in Airflow's " +
			"docker-compose, `admin`/`admin` for the Helm chart's default user, `postgres`/`postgres`, " +
			"`prefect-rocks` for prefect-server's PostgreSQL, `guest`/`guest` for RabbitMQ. They are the " +
			"first thing an attacker tries, and they routinely reach production when a quick-start file " +
			"is copied.\n\n" +
			"A default used only inside a docker-compose network (a service reached by its service " +
			"name, with no published port) is reported with low severity: it is still a weak " +
			"credential, but reachable only from the host. The catalog's `airflow-default-admin-credentials` " +
			"is an alias of this rule.",
		Remediation: "Choose a strong password and pass it from a secret: an `.env` file kept out of the " +
			"repository for docker-compose, `--set-string` / `set_sensitive` or an existing Secret for " +
			"Helm (`createUserJob.defaultUser.enabled: false` and SSO for the Airflow UI).",
	},
	Python:      secretsPrime[*python.Module],
	PythonNeeds: secretsPythonNeeds,
	INI:         secretsPrime[*ini.File],
	Dotenv:      secretsPrime[*dotenv.File],
	TOML:        secretsPrime[*toml.File],
	JSON:        secretsPrime[*jsonx.File],
	YAML:        secretsPrime[*yaml.Stream],
	HCL:         secretsPrime[*hcl.File],
	Text:        defaultCredentialsText,
}

func defaultCredentialsText(pass *Pass, f *source.File) error {
	reportSecretHits(pass, secretsText(pass, f).byRule[pass.Rule.ID])
	return nil
}

func defaultCredentialsHits(p *Pass, doc source.Document) []secretHit {
	f := p.File
	compose := isComposeDoc(doc)
	var hs []secretHit
	// connection URIs anywhere in the file
	matches, _ := fileSecretMatches(p)
	for _, m := range matches {
		if m.RuleID != secrets.RuleURLUserinfo || m.End > len(f.Content) || m.MatchEnd > len(f.Content) {
			continue
		}
		text := string(f.Content[m.MatchStart:m.MatchEnd])
		_, user, _, _, ok := secrets.ParseURLUserinfo(text + "host")
		if !ok || !isWeakDefault(user, m.Secret) {
			continue
		}
		h := secretHit{Span: f.Span(m.MatchStart, m.MatchEnd), Secret: f.Span(m.Start, m.End),
			Message: "connection URI uses a well-known default user and password"}
		if host := urlHost(f.Content[m.MatchEnd:]); isLoopback(host) || compose && !strings.Contains(host, ".") {
			h.Severity = Low
			h.Props = map[string]string{"scope": "local"}
		}
		hs = append(hs, h)
	}
	// password settings: POSTGRES_PASSWORD, _AIRFLOW_WWW_USER_PASSWORD, defaultUser.password
	entries := docEntries(doc)
	users := map[string]string{} // parent path → user name written beside the password
	for _, e := range entries {
		if isUserKey(e.Key()) && e.Value.Kind == value.Literal {
			users[parentKey(e)] = e.Value.Text
		}
	}
	sib := siblingsOf(entries)
	for _, e := range entries {
		if !isPasswordKey(e.Key()) || sib.disabled(e) {
			continue // basicAuth.enabled: false, _AIRFLOW_WWW_USER_CREATE: 'false': never used
		}
		lit, ok := literalSecret(e.Value)
		if !ok && !(e.Value.Kind == value.Literal && isWeakDefault("", e.Value.Text)) {
			if e.Value.Kind != value.EnvRef || e.Value.Default == nil || !isWeakDefault("", e.Value.Default.Text) {
				continue
			}
			lit = *e.Value.Default
		}
		if !ok && lit.Text == "" {
			lit = e.Value
		}
		user, pw := users[parentKey(e)], strings.TrimSpace(lit.Text)
		if u, pass, found := strings.Cut(pw, ":"); found && strings.Contains(strings.ToLower(e.Key()), "auth") {
			user, pw = u, pass
		}
		if !isWeakDefault(user, pw) && !isWeakDefault("", pw) {
			continue
		}
		h := secretHit{Span: settingSpan(e.KeySpan, e.Value), Secret: valueSecretSpan(f, lit),
			Message: quoteName(e.Key()) + " is a well-known default password"}
		if compose && composeServiceLocal(doc, e.Path) || sib.loopbackHost(e) {
			h.Severity = Low
			h.Props = map[string]string{"scope": "local"}
		}
		hs = append(hs, h)
	}
	return hs
}

// isPasswordKey reports whether a key names a password (not any secret: a Fernet key set to
// "airflow" is a different problem).
func isPasswordKey(k string) bool {
	l := strings.ToLower(k)
	if strings.Contains(l, "authstring") || strings.Contains(l, "auth_string") {
		return true
	}
	if !secrets.IsSecretName(k) {
		return false
	}
	for _, w := range []string{"password", "passwd", "pass", "pwd", "auth_string", "authstring", "basic_auth"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func isUserKey(k string) bool {
	l := strings.ToLower(k)
	return l == "user" || l == "username" || l == "login" || strings.HasSuffix(l, "_user") || strings.HasSuffix(l, "_username")
}

// parentKey identifies the mapping an entry belongs to, and for env-style names the prefix
// before USER/PASSWORD (POSTGRES_USER and POSTGRES_PASSWORD share "POSTGRES").
func parentKey(e value.Entry) string {
	parent := strings.Join(e.Path[:max(len(e.Path)-1, 0)], "\x00")
	k := strings.ToUpper(e.Key())
	for _, suf := range []string{"_USERNAME", "_USER", "_PASSWORD", "_PASSWD", "_PASS", "_PWD"} {
		if strings.HasSuffix(k, suf) {
			return parent + "\x00" + strings.TrimSuffix(k, suf)
		}
	}
	return parent
}

// urlHost reads the host after the '@' of a URI (rest starts right after the '@').
func urlHost(rest []byte) string {
	end := 0
	for end < len(rest) && !strings.ContainsRune("/?#:'\"` \t\r\n,;)]}", rune(rest[end])) {
		end++
	}
	return strings.ToLower(string(rest[:end]))
}

func isLoopback(host string) bool {
	if host == "localhost" || host == "host.docker.internal" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func isComposeDoc(doc source.Document) bool {
	s, ok := doc.(*yaml.Stream)
	return ok && s.Kind() == yaml.Compose
}

// composeServiceLocal reports whether the compose service an entry belongs to publishes no port
// beyond the host's loopback interface.
func composeServiceLocal(doc source.Document, path []string) bool {
	s, ok := doc.(*yaml.Stream)
	if !ok || len(path) < 2 || path[0] != "services" {
		return true // x-airflow-common anchors and the like: shared by services on the network
	}
	for _, d := range s.Documents() {
		svc := d.Path("services", path[1])
		if svc == nil {
			continue
		}
		ports := svc.Get("ports")
		if ports == nil {
			return true
		}
		for _, p := range ports.Items() {
			t, _ := p.String()
			if p.IsMap() {
				ip := p.Get("host_ip")
				if ip == nil {
					return false
				}
				if h, _ := ip.String(); !isLoopback(h) {
					return false
				}
				continue
			}
			if !strings.HasPrefix(t, "127.0.0.1:") && !strings.HasPrefix(t, "localhost:") {
				return false
			}
		}
		return true
	}
	return true
}

// siblings indexes a document's literal entries by parent path and upper-cased key, to read the
// settings written beside a password (its host, the switch that turns it on).
type siblings map[string]string

func siblingsOf(entries []value.Entry) siblings {
	s := siblings{}
	for _, e := range entries {
		if e.Value.Kind == value.Literal && len(e.Path) > 0 {
			s[siblingKey(e.Doc, e.Path[:len(e.Path)-1], e.Key())] = strings.TrimSpace(e.Value.Text)
		}
	}
	return s
}

func siblingKey(doc int, parent []string, key string) string {
	return strconv.Itoa(doc) + "\x00" + strings.Join(parent, "\x00") + "\x00" + strings.ToUpper(key)
}

// envPrefix is the part of an env-style name before its PASSWORD word (_AIRFLOW_WWW_USER for
// _AIRFLOW_WWW_USER_PASSWORD, SMTP for smtp_password), or "".
func envPrefix(key string) string {
	k := strings.ToUpper(key)
	for _, suf := range []string{"_PASSWORD", "_PASSWD", "_PASS", "_PWD"} {
		if strings.HasSuffix(k, suf) && len(k) > len(suf) {
			return strings.TrimSuffix(k, suf)
		}
	}
	return ""
}

// disabled reports whether the feature a password belongs to is switched off beside it: an
// `enabled: false` in its mapping or the one above (Helm basicAuth, defaultUser, postgresql), or
// an env flag such as _AIRFLOW_WWW_USER_CREATE=false next to _AIRFLOW_WWW_USER_PASSWORD.
func (s siblings) disabled(e value.Entry) bool {
	parent := e.Path[:max(len(e.Path)-1, 0)]
	for up := 0; up <= 1 && up <= len(parent); up++ {
		if isFalse(s[siblingKey(e.Doc, parent[:len(parent)-up], "enabled")]) {
			return true
		}
	}
	if p := envPrefix(e.Key()); p != "" {
		for _, flag := range []string{"_CREATE", "_ENABLED"} {
			if isFalse(s[siblingKey(e.Doc, parent, p+flag)]) {
				return true
			}
		}
	}
	return false
}

// loopbackHost reports whether the host written beside a password is the local machine
// (a dbt profile's host: localhost, [smtp] smtp_host = localhost).
func (s siblings) loopbackHost(e value.Entry) bool {
	parent := e.Path[:max(len(e.Path)-1, 0)]
	keys := []string{"host", "hostname", "server"}
	if p := envPrefix(e.Key()); p != "" {
		keys = append(keys, p+"_HOST", p+"_HOSTNAME", p+"_SERVER")
	}
	for _, k := range keys {
		if h, ok := s[siblingKey(e.Doc, parent, k)]; ok {
			return isLoopback(strings.ToLower(h))
		}
	}
	return false
}

func isFalse(v string) bool {
	switch strings.ToLower(strings.Trim(v, `"'`)) {
	case "false", "no", "off":
		return true
	}
	return false
}
