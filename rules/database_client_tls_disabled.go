package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/prefect"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// DatabaseClientTLSDisabled reports database and Kafka clients that connect without TLS or without
// certificate checks.
var DatabaseClientTLSDisabled = &Rule{
	Meta: Meta{
		ID:         "database-client-tls-disabled",
		Title:      "database client without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-319", "CWE-295"},
		References: []string{"https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION",
			"https://www.mongodb.com/docs/languages/python/pymongo-driver/current/connect/tls/",
			"https://docs.dagster.io/deployment/oss/dagster-yaml"},
		Why: "Pipelines log in to warehouses and databases with long-lived passwords and move whole tables. " +
			"Reported: libpq `sslmode=disable` (`allow` / `prefer` at low severity) in `psycopg2.connect`, " +
			"`psycopg.connect`, SQLAlchemy URLs and `connect_args`; MySQL `ssl_disabled=True`; MongoDB " +
			"`tlsAllowInvalidCertificates` / `tlsInsecure` / `tlsAllowInvalidHostnames`, `tls=False`, and " +
			"`mongodb://` URLs to remote hosts without `tls=true`; Snowflake `insecure_mode=True`; Kafka " +
			"`security_protocol=\"PLAINTEXT\"` / `\"SASL_PLAINTEXT\"` and `ssl_check_hostname=False`; Dagster " +
			"`dagster.yaml` `postgres_db.params.sslmode` and `postgres_url` (and, low, a `postgres_db` on a literal remote " +
			"host with no `sslmode`: libpq's default `prefer`); Prefect's server database URL and " +
			"`PREFECT_SERVER_DATABASE_SQLALCHEMY_CONNECT_ARGS_TLS_CHECK_HOSTNAME=false`.\n\n" +
			"Local and socket connections are not reported, in-cluster hosts are low, and a password in the " +
			"same URL or call makes the finding high.",
		Remediation: "Use `sslmode=verify-full` with `sslrootcert` (at least `require`), `tls=True` with a CA file " +
			"for MongoDB, `SSL` / `SASL_SSL` for Kafka; Prefect: `server.database.sqlalchemy.connect_args.tls.enabled = " +
			"true` with `ca_file`.",
	},
	Python: databaseClientTLSDisabledPython,
	PythonNeeds: []string{"psycopg", "sqlalchemy", "pymysql", "MySQLdb", "mysql", "pymongo", "motor", "snowflake",
		"kafka", "pg8000", "asyncpg"},
	Dotenv: databaseClientTLSDisabledDoc[*dotenv.File],
	TOML:   databaseClientTLSDisabledDoc[*toml.File],
	YAML:   databaseClientTLSDisabledYAML,
}

// reportDBTLS reports a database connection without TLS. host is the literal host, "" when none
// is given (the driver's default: a local socket, not reported) or "*" when it is computed (taken
// as remote). base 0 means medium.
func reportDBTLS(pass *Pass, at source.Span, host string, creds bool, msg string, base Severity) {
	if base == 0 {
		base = Medium
	}
	scope := hostRemote
	if host != "*" {
		scope = classifyHost(pass, host)
	}
	sev, report := scopeSeverity(scope, base, creds)
	if !report {
		return
	}
	if host != "*" {
		msg += " to " + scopeWhere(scope, host)
	}
	if creds {
		msg += ": the password travels over it"
	}
	pass.Report(Finding{Span: at, Severity: sev, Message: msg})
}

func databaseClientTLSDisabledPython(pass *Pass, m *python.Module) error {
	for _, c := range m.Calls() {
		switch lib := dbLibrary(c.Name); lib {
		case "postgres":
			host := pyKwString(c, "host")
			creds := c.Keyword("password") != nil
			if kw := c.Keyword("sslmode"); kw != nil {
				if mode, ok := kw.Value.String(); ok && libpqWeakSSLModes[strings.ToLower(mode)] {
					reportDBTLS(pass, kwSpan(kw), host, creds, "`"+c.Name+"` connects with sslmode="+sanitizeName(mode), sslmodeSeverity(mode))
				}
			}
			if a := c.ArgOrKeyword(0, "dsn"); a != nil {
				judgeDSN(pass, c, a)
			}
		case "sqlalchemy":
			if a := c.ArgOrKeyword(0, "url"); a != nil {
				judgeDSN(pass, c, a)
			}
			if kw := c.Keyword("connect_args"); kw != nil {
				if v := kw.Value.Get("sslmode"); v != nil {
					if mode, ok := v.String(); ok && libpqWeakSSLModes[strings.ToLower(mode)] {
						host := "*"
						if e, ok := exprURL(c.Arg(0)); ok {
							host = e.Host
						}
						reportDBTLS(pass, v.Span, host, false, "`"+c.Name+"` connects with sslmode="+sanitizeName(mode), sslmodeSeverity(mode))
					}
				}
			}
		case "mysql":
			if kw := c.Keyword("ssl_disabled"); kw != nil && pyTrue(kw.Value) {
				reportDBTLS(pass, kwSpan(kw), pyKwString(c, "host"), c.Keyword("password") != nil || c.Keyword("passwd") != nil,
					"`"+c.Name+"` connects with ssl_disabled=True", 0)
			}
		case "mongo":
			judgeMongo(pass, c)
		case "snowflake":
			if kw := c.Keyword("insecure_mode"); kw != nil && pyTrue(kw.Value) {
				pass.Reportf(kwSpan(kw), "`%s` is called with insecure_mode=True: certificate revocation is not checked", c.Name)
			}
		case "kafka":
			judgeKafka(pass, c)
		}
	}
	return nil
}

// dbLibrary names the client family of a call, or "".
func dbLibrary(name string) string {
	switch {
	case name == "psycopg2.connect" || name == "psycopg.connect" || name == "psycopg.AsyncConnection.connect" ||
		name == "psycopg.Connection.connect" || name == "psycopg2.pool.SimpleConnectionPool" ||
		name == "psycopg2.pool.ThreadedConnectionPool" || name == "pg8000.connect" || name == "asyncpg.connect" ||
		name == "asyncpg.create_pool":
		return "postgres"
	case name == "sqlalchemy.create_engine" || name == "sqlalchemy.ext.asyncio.create_async_engine":
		return "sqlalchemy"
	case name == "pymysql.connect" || name == "MySQLdb.connect" || name == "mysql.connector.connect":
		return "mysql"
	case name == "pymongo.MongoClient" || name == "motor.motor_asyncio.AsyncIOMotorClient":
		return "mongo"
	case name == "snowflake.connector.connect":
		return "snowflake"
	case strings.HasPrefix(name, "kafka.") || strings.HasPrefix(name, "aiokafka."):
		return "kafka"
	}
	return ""
}

func sslmodeSeverity(mode string) Severity {
	if strings.EqualFold(mode, "disable") {
		return Medium
	}
	return Low
}

// pyKwString returns a keyword's literal string value, "*" when it is computed, or "" when the
// keyword is absent.
func pyKwString(c *python.Call, name string) string {
	if kw := c.Keyword(name); kw != nil {
		if s, ok := kw.Value.String(); ok {
			return s
		}
		return "*"
	}
	return ""
}

// judgeDSN reports a connection URL or libpq key=value string that turns TLS off.
func judgeDSN(pass *Pass, c *python.Call, a *python.Expr) {
	s, ok := a.String()
	if !ok {
		if e, ok := exprURL(a); ok {
			if param, off := urlTLSOff(e); off {
				reportDBTLS(pass, a.Span, e.Host, e.Password, "`"+c.Name+"` connects with "+sanitizeName(param), paramSeverity(param))
			}
		}
		return
	}
	if e, ok := parseEndpoint(s); ok {
		if param, off := urlTLSOff(e); off {
			reportDBTLS(pass, a.Span, e.Host, e.Password, "`"+c.Name+"` connects with "+sanitizeName(param), paramSeverity(param))
		}
		return
	}
	// libpq key=value: "host=db.example.com sslmode=disable"
	kv := map[string]string{}
	for _, f := range strings.Fields(s) {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[strings.ToLower(k)] = strings.Trim(v, "'")
		}
	}
	if mode := kv["sslmode"]; libpqWeakSSLModes[strings.ToLower(mode)] {
		reportDBTLS(pass, a.Span, kv["host"], kv["password"] != "", "`"+c.Name+"` connects with sslmode="+sanitizeName(mode), sslmodeSeverity(mode))
	}
}

func paramSeverity(param string) Severity {
	if mode, ok := strings.CutPrefix(param, "sslmode="); ok {
		return sslmodeSeverity(mode)
	}
	return Medium
}

// judgeMongo reports MongoDB clients without TLS or with its checks off.
func judgeMongo(pass *Pass, c *python.Call) {
	for _, k := range []string{"tlsAllowInvalidCertificates", "tlsInsecure", "tlsAllowInvalidHostnames", "ssl_cert_reqs"} {
		kw := c.Keyword(k)
		if kw == nil {
			continue
		}
		if (k == "ssl_cert_reqs" && isCertNone(kw.Value)) || (k != "ssl_cert_reqs" && pyTrue(kw.Value)) {
			pass.Report(Finding{Span: kwSpan(kw), Severity: High,
				Message: "`" + c.Name + "` is called with " + k + ": the server's certificate is not checked"})
		}
	}
	tlsOn, tlsOff := false, false
	var offKw *python.Keyword
	for _, k := range []string{"tls", "ssl"} {
		if kw := c.Keyword(k); kw != nil {
			tlsOn = tlsOn || pyTrue(kw.Value)
			if pyFalse(kw.Value) {
				tlsOff, offKw = true, kw
			}
		}
	}
	a := c.ArgOrKeyword(0, "host")
	e, isURL := exprURL(a)
	host := ""
	if a != nil && !isURL {
		host = "*"
		if s, ok := a.String(); ok {
			host = s
		}
	}
	if isURL {
		host = e.Host
		if i := strings.IndexByte(host, ','); i >= 0 {
			host = host[:i] // a replica set: judge the first member
		}
		if v, ok := e.queryGet("tls", "ssl"); ok {
			b, _ := configBool(value.Value{Kind: value.Literal, Text: v})
			tlsOn = tlsOn || b
			tlsOff = tlsOff || !b
		}
	}
	switch {
	case offKw != nil:
		reportDBTLS(pass, kwSpan(offKw), host, isURL && e.Password, "`"+c.Name+"` connects with "+offKw.Name+"=False", 0)
	case isURL && e.Scheme == "mongodb" && !tlsOn:
		what := "`" + c.Name + "` connects to `mongodb://` without TLS"
		if tlsOff {
			what = "`" + c.Name + "` connects with tls=false"
		}
		reportDBTLS(pass, a.Span, host, e.Password, what, 0)
	}
}

// judgeKafka reports Kafka clients over plaintext or without host name checks.
func judgeKafka(pass *Pass, c *python.Call) {
	host := ""
	if kw := c.Keyword("bootstrap_servers"); kw != nil {
		s, ok := kw.Value.String()
		if !ok {
			if items := kw.Value.Items(); len(items) > 0 {
				s, ok = items[0].String()
			}
		}
		host = "*"
		if ok {
			s, _, _ = strings.Cut(s, ",")
			host, _, _ = strings.Cut(strings.TrimSpace(s), ":")
		}
	}
	if kw := c.Keyword("security_protocol"); kw != nil {
		if p, ok := kw.Value.String(); ok && (strings.EqualFold(p, "PLAINTEXT") || strings.EqualFold(p, "SASL_PLAINTEXT")) {
			creds := strings.EqualFold(p, "SASL_PLAINTEXT") && c.Keyword("sasl_plain_password") != nil
			reportDBTLS(pass, kwSpan(kw), host, creds, "`"+c.Name+"` uses security_protocol="+sanitizeName(p), 0)
		}
	}
	if kw := c.Keyword("ssl_check_hostname"); kw != nil && pyFalse(kw.Value) {
		pass.Report(Finding{Span: kwSpan(kw), Severity: High, Message: "`" + c.Name + "` is called with ssl_check_hostname=False"})
	}
}

func databaseClientTLSDisabledDoc[D source.Document](pass *Pass, d D) error {
	for _, scope := range tlsPrefectScopes(d) {
		databaseClientTLSDisabledPrefect(pass, scope)
	}
	return nil
}

func databaseClientTLSDisabledPrefect(pass *Pass, scope []prefectSetting) {
	for _, s := range scope {
		switch s.Setting {
		case prefect.ServerDatabaseURL:
			if f, ok := dbURLTLSOff(pass, s.Value, "the Prefect server database"); ok {
				f.Span = settingSpan(s.KeySpan, s.Value)
				pass.Report(f)
			}
		case "PREFECT_SERVER_DATABASE_SQLALCHEMY_CONNECT_ARGS_TLS_CHECK_HOSTNAME":
			if configFalse(s.Value) {
				pass.Report(Finding{Span: settingSpan(s.KeySpan, s.Value), Severity: High,
					Message: "the Prefect server database's TLS host name check is off"})
			}
		}
	}
}

func databaseClientTLSDisabledYAML(pass *Pass, st *yaml.Stream) error {
	if err := databaseClientTLSDisabledDoc(pass, st); err != nil {
		return err
	}
	if st.Kind() != yaml.DagsterYAML {
		return nil
	}
	// dagster.yaml: storage / run_storage / event_log_storage / schedule_storage → postgres
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 16 || !n.IsMap() {
			return
		}
		for _, p := range n.Pairs() {
			switch p.Key {
			case "postgres_db":
				judgeDagsterPostgres(pass, p.Value)
			case "postgres_url":
				if f, ok := dbURLTLSOff(pass, p.Value.Value(), "Dagster's Postgres storage"); ok {
					f.Span = p.KeySpan.To(p.Value.Span())
					pass.Report(f)
				}
			default:
				walk(p.Value, depth+1)
			}
		}
	}
	for _, d := range st.Documents() {
		walk(d, 0)
	}
	return nil
}

// judgeDagsterPostgres reads postgres_db: {hostname, password, params: {sslmode}}.
func judgeDagsterPostgres(pass *Pass, db *yaml.Node) {
	mode := db.Path("params", "sslmode")
	if mode == nil && db.Path("params", "sslrootcert") == nil {
		judgeDagsterPostgresDefault(pass, db)
		return
	}
	m, ok := mode.String()
	if !ok || !libpqWeakSSLModes[strings.ToLower(m)] {
		return
	}
	host, _ := db.Get("hostname").String()
	if v := db.Get("hostname").Value(); v.Kind != value.Literal {
		host = "" // {env: DAGSTER_PG_HOST}: unknown
		if t, ok := literalText(v); ok {
			host = t
		}
	}
	if host == "" {
		return
	}
	pw := db.Get("password")
	creds := pw != nil && pw.Value().Kind == value.Literal
	reportDBTLS(pass, mode.Span(), host, creds, "Dagster's Postgres storage connects with sslmode="+sanitizeName(m), sslmodeSeverity(m))
}

// judgeDagsterPostgresDefault reports postgres_db storage on a literal remote host with no
// sslmode: libpq then uses prefer, which takes TLS only if the server offers it and never checks
// the certificate. Low: the server may well offer TLS; an explicit mode says what is meant.
func judgeDagsterPostgresDefault(pass *Pass, db *yaml.Node) {
	h := db.Get("hostname")
	host, ok := h.String()
	if h == nil || !ok || h.Value().Kind != value.Literal || classifyHost(pass, host) != hostRemote {
		return
	}
	pass.Report(Finding{Span: h.Span(), Severity: Low,
		Message: "Dagster's Postgres storage sets no sslmode for `" + sanitizeName(host) +
			"`: libpq's default prefer neither requires nor verifies TLS"})
}
