package prefect

import "strings"

// Setting is a canonical Prefect 3 setting, named by its current environment variable
// (PREFECT_ + the dotted path's parts joined with "_", upper-cased).
type Setting string

// The settings the rules catalog judges.
const (
	APIKey                   Setting = "PREFECT_API_KEY"
	APIURL                   Setting = "PREFECT_API_URL"
	APIAuthString            Setting = "PREFECT_API_AUTH_STRING"
	APITLSInsecureSkipVerify Setting = "PREFECT_API_TLS_INSECURE_SKIP_VERIFY"
	APISSLCertFile           Setting = "PREFECT_API_SSL_CERT_FILE"
	ClientCSRFSupportEnabled Setting = "PREFECT_CLIENT_CSRF_SUPPORT_ENABLED"
	ServerAPIAuthString      Setting = "PREFECT_SERVER_API_AUTH_STRING"
	ServerAPIHost            Setting = "PREFECT_SERVER_API_HOST"
	ServerCORSAllowedOrigins Setting = "PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS"
	ServerCSRFProtection     Setting = "PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED"
	ServerDatabaseURL        Setting = "PREFECT_SERVER_DATABASE_CONNECTION_URL"
	ServerDatabasePassword   Setting = "PREFECT_SERVER_DATABASE_PASSWORD"
	ServerDocketURL          Setting = "PREFECT_SERVER_DOCKET_URL"
	ServerUIEnabled          Setting = "PREFECT_SERVER_UI_ENABLED"
	RedisMessagingPassword   Setting = "PREFECT_REDIS_MESSAGING_PASSWORD"
	RedisMessagingURL        Setting = "PREFECT_REDIS_MESSAGING_URL"
	RedisMessagingSSL        Setting = "PREFECT_REDIS_MESSAGING_SSL"
	LoggingLogPrints         Setting = "PREFECT_LOGGING_LOG_PRINTS"
	LoggingExtraLoggers      Setting = "PREFECT_LOGGING_EXTRA_LOGGERS"
	ResultsPersistByDefault  Setting = "PREFECT_RESULTS_PERSIST_BY_DEFAULT"
	ResultsDefaultSerializer Setting = "PREFECT_RESULTS_DEFAULT_SERIALIZER"
)

// Path returns the setting's dotted path when it is known (underscores inside a path part
// make the env name ambiguous, so it cannot be derived), else "".
func (s Setting) Path() string { return dottedPaths[s] }

// SettingFromEnv returns the canonical setting for a PREFECT_* environment variable name,
// resolving legacy aliases. Names are matched case-insensitively, as pydantic-settings does.
func SettingFromEnv(name string) (Setting, bool) {
	upper := strings.ToUpper(strings.TrimSpace(name))
	if !strings.HasPrefix(upper, "PREFECT_") || len(upper) == len("PREFECT_") {
		return "", false
	}
	return canonical(upper), true
}

// canonical resolves an alias: an exact entry first, then a renamed prefix.
func canonical(env string) Setting {
	if s, ok := aliases[env]; ok {
		return s
	}
	for _, p := range prefixAliases {
		if rest, ok := strings.CutPrefix(env, p.old); ok && rest != "" {
			return canonical(p.new + rest)
		}
	}
	return Setting(env)
}

// SettingFromPath returns the setting for the key path of an entry in a Prefect TOML file:
//   - prefect.toml: ["server", "api", "auth_string"];
//   - pyproject.toml: ["tool", "prefect", "api", "key"];
//   - profiles.toml: ["profiles", "<name>", "PREFECT_API_KEY"];
//   - any path whose last key is itself a PREFECT_* name.
//
// Call it only for Prefect files: any other path would read as some PREFECT_ name.
func SettingFromPath(path []string) (Setting, bool) {
	if len(path) == 0 {
		return "", false
	}
	if s, ok := SettingFromEnv(path[len(path)-1]); ok {
		return s, true
	}
	if len(path) > 2 && path[0] == "tool" && path[1] == "prefect" {
		path = path[2:]
	} else if path[0] == "profiles" {
		return "", false // profile keys are env names, handled above
	}
	parts := make([]string, 0, len(path))
	for _, p := range path {
		if p == "" || strings.HasPrefix(p, "[") {
			return "", false // an array element is inside a setting's value, not a setting
		}
		parts = append(parts, strings.ToUpper(p))
	}
	return SettingFromEnv("PREFECT_" + strings.Join(parts, "_"))
}
