package python

import "strings"

// canonical maps re-exported or moved import paths to the one name rules match on. The canonical
// name is the most widely used public path (for Airflow, the 2.x public path).
var canonical = map[string]string{
	"airflow.models.connection.Connection":                       "airflow.models.Connection",
	"airflow.sdk.Connection":                                     "airflow.models.Connection",
	"airflow.sdk.definitions.connection.Connection":              "airflow.models.Connection",
	"airflow.models.variable.Variable":                           "airflow.models.Variable",
	"airflow.sdk.Variable":                                       "airflow.models.Variable",
	"airflow.sdk.definitions.variable.Variable":                  "airflow.models.Variable",
	"airflow.hooks.base_hook.BaseHook":                           "airflow.hooks.base.BaseHook",
	"airflow.sdk.BaseHook":                                       "airflow.hooks.base.BaseHook",
	"airflow.sdk.bases.hook.BaseHook":                            "airflow.hooks.base.BaseHook",
	"airflow.DAG":                                                "airflow.models.DAG",
	"airflow.models.dag.DAG":                                     "airflow.models.DAG",
	"airflow.sdk.DAG":                                            "airflow.models.DAG",
	"airflow.sdk.definitions.dag.DAG":                            "airflow.models.DAG",
	"airflow.sdk.dag":                                            "airflow.decorators.dag",
	"airflow.sdk.task":                                           "airflow.decorators.task",
	"airflow.models.baseoperator.BaseOperator":                   "airflow.models.BaseOperator",
	"airflow.sdk.BaseOperator":                                   "airflow.models.BaseOperator",
	"airflow.sdk.bases.operator.BaseOperator":                    "airflow.models.BaseOperator",
	"airflow.sdk.log.mask_secret":                                "airflow.utils.log.secrets_masker.mask_secret",
	"airflow.sdk.execution_time.secrets_masker.mask_secret":      "airflow.utils.log.secrets_masker.mask_secret",
	"airflow.sdk._shared.secrets_masker.mask_secret":             "airflow.utils.log.secrets_masker.mask_secret",
	"airflow.utils.log.logging_mixin.LoggingMixin":               "airflow.utils.log.logging_mixin.LoggingMixin",
	"prefect.flows.flow":                                         "prefect.flow",
	"prefect.tasks.task":                                         "prefect.task",
	"prefect.logging.get_run_logger":                             "prefect.get_run_logger",
	"prefect.logging.loggers.get_run_logger":                     "prefect.get_run_logger",
	"prefect.Variable":                                           "prefect.variables.Variable",
	"prefect.blocks.system.Secret":                               "prefect.blocks.system.Secret",
	"dagster._core.definitions.decorators.asset_decorator.asset": "dagster.asset",
	"dagster._utils.log.get_dagster_logger":                      "dagster.get_dagster_logger",
	"pydantic.v1.SecretStr":                                      "pydantic.SecretStr",
	"pydantic.types.SecretStr":                                   "pydantic.SecretStr",
	"requests.sessions.Session":                                  "requests.Session",
	"requests.api.get":                                           "requests.get",
	"requests.api.post":                                          "requests.post",
	"requests.api.request":                                       "requests.request",
	"kfp.v2.dsl":                                                 "kfp.dsl",
	"hvac.v1.Client":                                             "hvac.Client",
	"os.environ.get":                                             "os.environ.get",
}

// resultTypes gives the type of a call's result where it is not the callee itself (a constructor).
// Logger types are dagwarden's own names: logging.Logger, airflow.Logger, prefect.Logger,
// dagster.Logger.
var resultTypes = map[string]string{
	"logging.getLogger":                                     "logging.Logger",
	"logging.getLoggerClass":                                "",
	"prefect.get_run_logger":                                "prefect.Logger",
	"dagster.get_dagster_logger":                            "dagster.Logger",
	"requests.session":                                      "requests.Session",
	"ssl.create_default_context":                            "ssl.SSLContext",
	"ssl._create_unverified_context":                        "ssl.SSLContext",
	"ssl._create_default_https_context":                     "ssl.SSLContext",
	"airflow.hooks.base.BaseHook.get_connection":            "airflow.models.Connection",
	"airflow.models.Connection.get_connection_from_secrets": "airflow.models.Connection",
	"urllib.parse.urlparse":                                 "urllib.parse.ParseResult",
	"urllib.parse.urlsplit":                                 "urllib.parse.ParseResult",
	"boto3.session.Session":                                 "boto3.session.Session",
	"boto3.Session":                                         "boto3.session.Session",
	"boto3.session.Session.client":                          "boto3.client",
	"prefect.blocks.system.Secret.load":                     "prefect.blocks.system.Secret",
	"dagster.EnvVar":                                        "dagster.EnvVar",
}

func canon(q string) string {
	if c, ok := canonical[q]; ok {
		return c
	}
	return q
}

// attrOf is the qualified name of attribute attr of a value whose qualified name or type is obj.
func attrOf(obj, attr string) string {
	if obj == "" {
		return ""
	}
	switch {
	case attr == "log" && (obj == "airflow.utils.log.logging_mixin.LoggingMixin" || obj == "airflow.models.BaseOperator" ||
		obj == "airflow.hooks.base.BaseHook" || obj == "airflow.models.DAG"):
		return "airflow.Logger"
	case attr == "log" && strings.HasPrefix(obj, "dagster.") && strings.HasSuffix(obj, "Context"):
		return "dagster.Logger"
	}
	return canon(obj + "." + attr)
}

func resultType(callee string) string {
	if t, ok := resultTypes[callee]; ok {
		return t
	}
	return callee
}

var builtins = map[string]bool{}

func init() {
	for _, b := range strings.Fields(`print len str repr bool int float bytes dict list tuple set frozenset open
		format getattr setattr hasattr hash isinstance issubclass type id exec eval compile input range
		enumerate zip map filter sorted reversed sum min max any all abs round super object vars globals
		locals dir iter next callable Exception ValueError RuntimeError KeyError TypeError
		PermissionError ConnectionError OSError IOError AssertionError NotImplementedError`) {
		builtins[b] = true
	}
}

// Framework is a pipeline framework detected from a module's imports.
type Framework uint8

// The frameworks dagwarden knows.
const (
	Airflow Framework = 1 << iota
	Prefect
	Dagster
	Kubeflow
)

// Frameworks is a set of frameworks.
type Frameworks uint8

// Has reports whether fw is in the set.
func (s Frameworks) Has(fw Framework) bool { return uint8(s)&uint8(fw) != 0 }

// Names lists the set's frameworks by name: "airflow", "prefect", "dagster", "kubeflow".
func (s Frameworks) Names() []string {
	var out []string
	for i, n := range []string{"airflow", "prefect", "dagster", "kubeflow"} {
		if uint8(s)&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

func frameworkOf(module string) Framework {
	top, _, _ := strings.Cut(module, ".")
	switch {
	case top == "airflow":
		return Airflow
	case top == "prefect" || strings.HasPrefix(top, "prefect_"):
		return Prefect
	case top == "dagster" || strings.HasPrefix(top, "dagster_"):
		return Dagster
	case top == "kfp":
		return Kubeflow
	}
	return 0
}
