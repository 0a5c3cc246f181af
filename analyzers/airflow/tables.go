package airflow

type sectionKey struct{ section, key string }

// movedOptions maps an old spelling to the newest one. Source: `deprecated_options` in
// airflow-core's configuration.py (2.x) and shared/configuration parser.py (3.x), plus the
// rules catalog's version matrix (§0.2). Chains are flattened to their last name.
var movedOptions = map[sectionKey]sectionKey{
	// 2.3: the metadata database moved to [database]
	{"core", "sql_alchemy_conn"}:             {"database", "sql_alchemy_conn"},
	{"core", "sql_engine_encoding"}:          {"database", "sql_engine_encoding"},
	{"core", "sql_alchemy_pool_enabled"}:     {"database", "sql_alchemy_pool_enabled"},
	{"core", "sql_alchemy_pool_size"}:        {"database", "sql_alchemy_pool_size"},
	{"core", "sql_alchemy_max_overflow"}:     {"database", "sql_alchemy_max_overflow"},
	{"core", "sql_alchemy_pool_recycle"}:     {"database", "sql_alchemy_pool_recycle"},
	{"core", "sql_alchemy_pool_pre_ping"}:    {"database", "sql_alchemy_pool_pre_ping"},
	{"core", "sql_alchemy_schema"}:           {"database", "sql_alchemy_schema"},
	{"core", "sql_alchemy_connect_args"}:     {"database", "sql_alchemy_connect_args"},
	{"core", "load_default_connections"}:     {"database", "load_default_connections"},
	{"core", "max_db_retries"}:               {"database", "max_db_retries"},
	{"core", "sql_engine_collation_for_ids"}: {"database", "sql_engine_collation_for_ids"},
	// 2.x REST API auth: auth_backend (<2.3) → auth_backends; in 3.x the FAB provider owns it
	{"api", "auth_backend"}:                     {"fab", "auth_backends"},
	{"api", "auth_backends"}:                    {"fab", "auth_backends"},
	{"api", "access_control_allow_origin"}:      {"api", "access_control_allow_origins"},
	{"admin", "hide_sensitive_variable_fields"}: {"core", "hide_sensitive_var_conn_fields"},
	{"admin", "sensitive_variable_fields"}:      {"core", "sensitive_var_conn_names"},
	// 2.0: logging options left [core]
	{"core", "remote_logging"}:         {"logging", "remote_logging"},
	{"core", "remote_log_conn_id"}:     {"logging", "remote_log_conn_id"},
	{"core", "remote_base_log_folder"}: {"logging", "remote_base_log_folder"},
	{"core", "encrypt_s3_logs"}:        {"logging", "encrypt_s3_logs"},
	{"core", "logging_level"}:          {"logging", "logging_level"},
	{"core", "base_log_folder"}:        {"logging", "base_log_folder"},
	{"core", "logging_config_class"}:   {"logging", "logging_config_class"},
	// 3.0: the webserver became the API server
	{"webserver", "secret_key"}:                {"api", "secret_key"},
	{"webserver", "web_server_ssl_cert"}:       {"api", "ssl_cert"},
	{"webserver", "web_server_ssl_key"}:        {"api", "ssl_key"},
	{"webserver", "expose_config"}:             {"api", "expose_config"},
	{"webserver", "web_server_host"}:           {"api", "host"},
	{"webserver", "web_server_port"}:           {"api", "port"},
	{"webserver", "workers"}:                   {"api", "workers"},
	{"webserver", "web_server_worker_timeout"}: {"api", "worker_timeout"},
	{"webserver", "access_logfile"}:            {"api", "log_config"},
	{"api", "access_logfile"}:                  {"api", "log_config"},
	{"webserver", "base_url"}:                  {"api", "base_url"},
	{"webserver", "enable_swagger_ui"}:         {"api", "enable_swagger_ui"},
	{"webserver", "instance_name"}:             {"api", "instance_name"},
	{"webserver", "access_denied_message"}:     {"fab", "access_denied_message"},
	{"webserver", "expose_hostname"}:           {"fab", "expose_hostname"},
	// session cookie flags moved to the FAB provider (catalog §0.2)
	{"webserver", "cookie_secure"}:         {"fab", "cookie_secure"},
	{"webserver", "cookie_samesite"}:       {"fab", "cookie_samesite"},
	{"scheduler", "dag_dir_list_interval"}: {"dag_processor", "refresh_interval"},
}

// renamedSections maps an old section name to its new one (`deprecated_sections`).
var renamedSections = map[string]string{
	"kubernetes": "kubernetes_executor",
}

// sensitive lists the options config.yml marks `sensitive: true`, under canonical names.
var sensitive = map[sectionKey]bool{
	{"core", "fernet_key"}:                  true,
	{"core", "internal_api_secret_key"}:     true,
	{"database", "sql_alchemy_conn"}:        true,
	{"database", "sql_alchemy_conn_async"}:  true,
	{"database", "sql_alchemy_engine_args"}: true,
	{"celery", "broker_url"}:                true,
	{"celery", "result_backend"}:            true,
	{"celery", "flower_basic_auth"}:         true,
	{"api", "secret_key"}:                   true,
	{"api_auth", "jwt_secret"}:              true,
	{"secrets", "backend_kwargs"}:           true,
	{"workers", "secrets_backend_kwargs"}:   true,
	{"sentry", "sentry_dsn"}:                true,
	{"smtp", "smtp_password"}:               true,
	{"smtp", "smtp_user"}:                   true,
	{"atlas", "password"}:                   true,
	{"ldap", "bind_password"}:               true,
}

// helmValues maps the Airflow chart's dedicated top-level values to the option they feed.
var helmValues = map[string]sectionKey{
	"fernetKey":          {"core", "fernet_key"},
	"webserverSecretKey": {"api", "secret_key"},
	"apiSecretKey":       {"api", "secret_key"},
	"jwtSecret":          {"api_auth", "jwt_secret"},
}
