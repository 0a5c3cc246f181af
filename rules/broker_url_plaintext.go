package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/value"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// BrokerURLPlaintext reports message brokers and result backends reached without TLS.
var BrokerURLPlaintext = &Rule{
	Meta: Meta{
		ID:         "broker-url-plaintext",
		Title:      "message broker reached without tls",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		CWE:        []string{"CWE-319"},
		References: []string{"https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-use-ssl",
			"https://airflow.apache.org/docs/apache-airflow-providers-celery/stable/configurations-ref.html",
			"https://docs.prefect.io/v3/advanced/self-hosted"},
		Why: "Celery brokers and result backends carry every task message (Airflow's include the command a " +
			"worker runs) and results; Prefect's Redis messaging carries events and logs. `redis://` and " +
			"`amqp://` are plaintext, so to a remote host the broker password, task arguments and results can " +
			"be read and forged on the path. Reported in Airflow's `[celery] broker_url` / `result_backend` " +
			"(every config format), `CELERY_BROKER_URL` / `CELERY_RESULT_BACKEND`, " +
			"`PREFECT_REDIS_MESSAGING_URL`, `PREFECT_SERVER_DOCKET_URL`, and `Celery(broker=..., backend=...)` " +
			"or `app.conf.broker_url` in Python. High when the URL carries a password; low for compose service " +
			"names (`redis://redis:6379/0`) and other in-cluster hosts; local hosts are not reported.",
		Remediation: "Use `rediss://` / `amqps://` (with `ssl_cert_reqs=required` for Redis), or Airflow's " +
			"`[celery] ssl_active = True` with `ssl_cacert`.",
	},
	Python:      brokerURLPlaintextPython,
	PythonNeeds: []string{"celery"},
	INI:         airflowSettingsHook[*ini.File](brokerURLPlaintextAirflow),
	Dotenv:      brokerURLPlaintextDoc[*dotenv.File],
	JSON:        airflowSettingsHook[*jsonx.File](brokerURLPlaintextAirflow),
	TOML:        brokerURLPlaintextDoc[*toml.File],
	YAML:        brokerURLPlaintextDoc[*yaml.Stream],
	HCL:         airflowSettingsHook[*hcl.File](brokerURLPlaintextAirflow),
}

// plaintextBrokerSchemes are broker URL schemes without TLS.
var plaintextBrokerSchemes = map[string]bool{"redis": true, "amqp": true, "pyamqp": true, "librabbitmq": true}

// brokerEnvNames are environment variables holding a broker or backend URL.
var brokerEnvNames = map[string]string{"CELERY_BROKER_URL": "the Celery broker", "CELERY_RESULT_BACKEND": "the Celery result backend",
	"PREFECT_REDIS_MESSAGING_URL": "Prefect Redis messaging", "PREFECT_SERVER_DOCKET_URL": "Prefect's docket"}

func brokerURLPlaintextDoc[D source.Document](pass *Pass, d D) error {
	if s := airflowSettings(pass, d); len(s) > 0 {
		brokerURLPlaintextAirflow(pass, s)
	}
	for _, v := range envVars(d) {
		if what, ok := brokerEnvNames[strings.ToUpper(v.Name)]; ok {
			reportBrokerURL(pass, settingSpan(v.KeySpan, v.Value), v.Value, what)
		}
	}
	return nil
}

func brokerURLPlaintextAirflow(pass *Pass, settings []airflow.Setting) {
	for _, s := range settings {
		if s.Via != airflow.Direct {
			continue
		}
		switch {
		case s.Is("celery", "broker_url"):
			reportBrokerURL(pass, settingSpan(s.KeySpan, s.Value), s.Value, "the Celery broker")
		case s.Is("celery", "result_backend"):
			reportBrokerURL(pass, settingSpan(s.KeySpan, s.Value), s.Value, "the Celery result backend")
		}
	}
}

func brokerURLPlaintextPython(pass *Pass, m *python.Module) error {
	if !m.Imports("celery") {
		return nil
	}
	judge := func(at source.Span, e *python.Expr, what string) {
		if s, ok := e.String(); ok {
			reportBrokerURL(pass, at, value.Value{Kind: value.Literal, Text: s, Span: e.Span}, what)
		}
	}
	for _, c := range m.Calls() {
		if c.Name != "celery.Celery" && !strings.HasSuffix(c.Name, ".conf.update") {
			continue
		}
		for _, k := range []string{"broker", "broker_url"} {
			if kw := c.Keyword(k); kw != nil {
				judge(kwSpan(kw), kw.Value, "the Celery broker")
			}
		}
		for _, k := range []string{"backend", "result_backend"} {
			if kw := c.Keyword(k); kw != nil {
				judge(kwSpan(kw), kw.Value, "the Celery result backend")
			}
		}
	}
	for _, a := range m.Assignments() {
		if !strings.HasPrefix(a.Name, "celery.") {
			continue
		}
		switch {
		case strings.HasSuffix(a.Name, ".conf.broker_url"):
			judge(a.TargetSpan.To(a.Value.Span), a.Value, "the Celery broker")
		case strings.HasSuffix(a.Name, ".conf.result_backend"):
			judge(a.TargetSpan.To(a.Value.Span), a.Value, "the Celery result backend")
		}
	}
	return nil
}

// reportBrokerURL judges one broker or backend URL.
func reportBrokerURL(pass *Pass, at source.Span, v value.Value, what string) {
	t, ok := literalText(v)
	if !ok {
		return
	}
	e, ok := parseEndpoint(t)
	if !ok || !plaintextBrokerSchemes[e.baseScheme()] {
		return
	}
	scope := classifyHost(pass, e.Host)
	sev, report := scopeSeverity(scope, Medium, e.Password)
	if !report {
		return
	}
	f := Finding{Span: at, Severity: sev,
		Message: what + " uses `" + e.baseScheme() + "://` without TLS to " + scopeWhere(scope, e.Host)}
	if e.Password {
		f.Message += ": the broker password travels in clear"
		if v.Kind == value.Literal {
			f.Sensitive = []source.Span{passwordSpan(pass.File, v, e)}
		}
	}
	pass.Report(f)
}
