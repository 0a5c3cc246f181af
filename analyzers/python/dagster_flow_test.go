package python

import "testing"

// TestDagsterSecretSources: EnvVar(...).get_value() is a secret when the variable names one,
// resource config fields (self.api_token, context.resources.x.token) are secrets by name, and
// MetadataValue wrappers and add_asset_metadata carry a secret into metadata.
func TestDagsterSecretSources(t *testing.T) {
	m := parseString(t, "assets.py", `import dagster as dg
from dagster import ConfigurableResource, EnvVar, MetadataValue, asset

class ApiResource(ConfigurableResource):
    api_token: str
    base_url: str

    def call(self):
        dg.get_dagster_logger().info("token %s", self.api_token)
        dg.get_dagster_logger().info("url %s", self.base_url)

@asset
def a(context):
    key = EnvVar("PARTNER_API_KEY").get_value()
    level = EnvVar("LOG_LEVEL").get_value()
    context.log.info(key)
    context.log.info(level)
    context.log.info(context.resources.github.token)
    context.log.info(context.resources.github.host)
    context.log.info(EnvVar("DB_PASSWORD"))
    context.add_asset_metadata({"k": MetadataValue.text(key)})
    context.add_output_metadata(metadata={"u": dg.MetadataValue.url(level)})
    return dg.MaterializeResult(metadata={"v": dg.TextMetadataValue(key)})
`)
	checkFlows(t, m, []string{
		"log 9:50 <- name self.api_token 9:50",
		`log 16:22 <- env EnvVar("PARTNER_API_KEY").get_value() 14:11`,
		"log 18:22 <- name context.resources.github.token 18:22",
		`metadata 21:32 <- env EnvVar("PARTNER_API_KEY").get_value() 14:11`,
		`metadata 23:42 <- env EnvVar("PARTNER_API_KEY").get_value() 14:11`,
	})
}

// TestParamFlowsFromCallers: a parameter carries what same-module callers pass for it, by
// position or keyword, also when the function is defined below its caller; a call through
// *args is not matched by position.
func TestParamFlowsFromCallers(t *testing.T) {
	m := parseString(t, "ops.py", `import os
import dagster as dg

@dg.op
def load(context):
    password = os.environ["WAREHOUSE_PASSWORD"]
    _report(context, password)
    _note(context, detail=password)
    _note(context, "static")
    _quiet(*[context, password])

def _report(context, detail):
    context.log.error("bad " + detail)

def _note(context, detail):
    context.log.info(detail)

def _quiet(context, detail):
    context.log.info(detail)
`)
	checkFlows(t, m, []string{
		`log 13:23 <- env os.environ["WAREHOUSE_PASSWORD"] 6:16`,
		`log 16:22 <- env os.environ["WAREHOUSE_PASSWORD"] 6:16`,
	})
}
