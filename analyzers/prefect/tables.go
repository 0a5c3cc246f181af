package prefect

// aliases maps a legacy environment name to the current one. Source: the `validation_alias`
// AliasChoices of PrefectHQ/prefect src/prefect/settings/models, and the settings marked
// "legacy" in tests/test_settings.py; rules catalog §0.
var aliases = map[string]Setting{
	"PREFECT_API_DATABASE_CONNECTION_URL":    ServerDatabaseURL,
	"PREFECT_ORION_DATABASE_CONNECTION_URL":  ServerDatabaseURL,
	"PREFECT_API_DATABASE_PASSWORD":          ServerDatabasePassword,
	"PREFECT_SERVER_CSRF_PROTECTION_ENABLED": ServerCSRFProtection,
	"PREFECT_SERVER_CSRF_TOKEN_EXPIRATION":   "PREFECT_SERVER_API_CSRF_TOKEN_EXPIRATION",
	"PREFECT_SERVER_CORS_ALLOWED_ORIGINS":    ServerCORSAllowedOrigins,
	"PREFECT_SERVER_CORS_ALLOWED_HEADERS":    "PREFECT_SERVER_API_CORS_ALLOWED_HEADERS",
	"PREFECT_SERVER_CORS_ALLOWED_METHODS":    "PREFECT_SERVER_API_CORS_ALLOWED_METHODS",
	"PREFECT_CLIENT_ENABLE_METRICS":          "PREFECT_CLIENT_METRICS_ENABLED",
	"PREFECT_API_ENABLE_METRICS":             "PREFECT_SERVER_METRICS_ENABLED",
	"PREFECT_API_DEFAULT_LIMIT":              "PREFECT_SERVER_API_DEFAULT_LIMIT",
	"PREFECT_API_BLOCKS_REGISTER_ON_START":   "PREFECT_SERVER_REGISTER_BLOCKS_ON_START",
	"PREFECT_API_LOG_RETRYABLE_ERRORS":       "PREFECT_SERVER_LOG_RETRYABLE_ERRORS",
	"PREFECT_LOGGING_SERVER_LEVEL":           "PREFECT_SERVER_LOGGING_LEVEL",
	"PREFECT_LOGGING_INTERNAL_LEVEL":         "PREFECT_INTERNAL_LOGGING_LEVEL",
	"PREFECT_MESSAGING_BROKER":               "PREFECT_SERVER_EVENTS_MESSAGING_BROKER",
	"PREFECT_MESSAGING_CACHE":                "PREFECT_SERVER_EVENTS_MESSAGING_CACHE",
	"PREFECT_FLOW_DEFAULT_RETRIES":           "PREFECT_FLOWS_DEFAULT_RETRIES",
	"PREFECT_DEFAULT_WORK_POOL_NAME":         "PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME",
	"PREFECT_DEFAULT_RESULT_STORAGE_BLOCK":   "PREFECT_RESULTS_DEFAULT_STORAGE_BLOCK",
	"PREFECT_LOCAL_STORAGE_PATH":             "PREFECT_RESULTS_LOCAL_STORAGE_PATH",
	"PREFECT_SERVER_ALLOW_EPHEMERAL_MODE":    "PREFECT_SERVER_EPHEMERAL_ENABLED",
}

// prefixAliases renames whole families: Prefect 2's PREFECT_ORION_* became PREFECT_API_*, and
// the server settings once under PREFECT_API_* moved under PREFECT_SERVER_*.
var prefixAliases = []struct{ old, new string }{
	{"PREFECT_ORION_", "PREFECT_API_"},
	{"PREFECT_API_DATABASE_", "PREFECT_SERVER_DATABASE_"},
	{"PREFECT_API_SERVICES_", "PREFECT_SERVER_SERVICES_"},
	{"PREFECT_API_EVENTS_", "PREFECT_SERVER_EVENTS_"},
	{"PREFECT_EVENTS_", "PREFECT_SERVER_EVENTS_"},
}

// dottedPaths gives the TOML path of the settings rules name.
var dottedPaths = map[Setting]string{
	APIKey:                   "api.key",
	APIURL:                   "api.url",
	APIAuthString:            "api.auth_string",
	APITLSInsecureSkipVerify: "api.tls_insecure_skip_verify",
	APISSLCertFile:           "api.ssl_cert_file",
	ClientCSRFSupportEnabled: "client.csrf_support_enabled",
	ServerAPIAuthString:      "server.api.auth_string",
	ServerAPIHost:            "server.api.host",
	ServerCORSAllowedOrigins: "server.api.cors_allowed_origins",
	ServerCSRFProtection:     "server.api.csrf_protection_enabled",
	ServerDatabaseURL:        "server.database.connection_url",
	ServerDatabasePassword:   "server.database.password",
	ServerDocketURL:          "server.docket.url",
	ServerUIEnabled:          "server.ui.enabled",
	RedisMessagingPassword:   "redis.messaging.password",
	RedisMessagingURL:        "redis.messaging.url",
	RedisMessagingSSL:        "redis.messaging.ssl",
	LoggingLogPrints:         "logging.log_prints",
	LoggingExtraLoggers:      "logging.extra_loggers",
	ResultsPersistByDefault:  "results.persist_by_default",
	ResultsDefaultSerializer: "results.default_serializer",
}
