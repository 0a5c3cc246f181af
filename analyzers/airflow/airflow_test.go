package airflow

import "testing"

func TestParseEnvName(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Option
		ok   bool
	}{
		{"plain", "AIRFLOW__CORE__FERNET_KEY", Option{Section: "core", Key: "fernet_key"}, true},
		{"cmd variant", "AIRFLOW__CORE__FERNET_KEY_CMD", Option{Section: "core", Key: "fernet_key", Via: Cmd}, true},
		{"secret variant", "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_SECRET", Option{Section: "database", Key: "sql_alchemy_conn", Via: Secret}, true},
		{"moved 2.x key", "AIRFLOW__CORE__SQL_ALCHEMY_CONN", Option{Section: "database", Key: "sql_alchemy_conn"}, true},
		{"moved key with cmd", "AIRFLOW__CORE__SQL_ALCHEMY_CONN_CMD", Option{Section: "database", Key: "sql_alchemy_conn", Via: Cmd}, true},
		{"webserver secret key", "AIRFLOW__WEBSERVER__SECRET_KEY", Option{Section: "api", Key: "secret_key"}, true},
		{"jwt_secret is not a _secret variant", "AIRFLOW__API_AUTH__JWT_SECRET", Option{Section: "api_auth", Key: "jwt_secret"}, true},
		{"jwt_secret_cmd", "AIRFLOW__API_AUTH__JWT_SECRET_CMD", Option{Section: "api_auth", Key: "jwt_secret", Via: Cmd}, true},
		{"cmd on a non-sensitive option is a plain key", "AIRFLOW__CORE__DAGS_FOLDER_CMD", Option{Section: "core", Key: "dags_folder_cmd"}, true},
		{"team form", "AIRFLOW__TEAM_A___CORE__FERNET_KEY", Option{Section: "core", Key: "fernet_key", Team: "team_a"}, true},
		{"team form with secret", "AIRFLOW__ANALYTICS___CELERY__BROKER_URL_SECRET", Option{Section: "celery", Key: "broker_url", Via: Secret, Team: "analytics"}, true},
		{"lower case", "airflow__core__load_examples", Option{Section: "core", Key: "load_examples"}, true},
		{"renamed section", "AIRFLOW__KUBERNETES__VERIFY_SSL", Option{Section: "kubernetes_executor", Key: "verify_ssl"}, true},
		{"connection is not an option", "AIRFLOW_CONN_MY_DB", Option{}, false},
		{"no key", "AIRFLOW__CORE__", Option{}, false},
		{"no section", "AIRFLOW____KEY", Option{}, false},
		{"other prefix", "_AIRFLOW_WWW_USER_PASSWORD", Option{}, false},
		{"not an env name", "AIRFLOW__CORE__FERNET KEY", Option{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseEnvName(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseEnvName(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNormalizeOption(t *testing.T) {
	tests := []struct {
		name         string
		section, key string
		want         Option
	}{
		{"api secret key stays", "api", "secret_key", Option{Section: "api", Key: "secret_key"}},
		{"webserver secret key moves", "webserver", "secret_key", Option{Section: "api", Key: "secret_key"}},
		{"webserver secret key cmd", "webserver", "secret_key_cmd", Option{Section: "api", Key: "secret_key", Via: Cmd}},
		{"core sql_alchemy_conn", "core", "sql_alchemy_conn", Option{Section: "database", Key: "sql_alchemy_conn"}},
		{"database sql_alchemy_conn", "Database", "SQL_ALCHEMY_CONN", Option{Section: "database", Key: "sql_alchemy_conn"}},
		{"auth_backend before 2.3", "api", "auth_backend", Option{Section: "fab", Key: "auth_backends"}},
		{"auth_backends 2.3+", "api", "auth_backends", Option{Section: "fab", Key: "auth_backends"}},
		{"auth_backends in fab", "fab", "auth_backends", Option{Section: "fab", Key: "auth_backends"}},
		{"expose_config 2.x", "webserver", "expose_config", Option{Section: "api", Key: "expose_config"}},
		{"ssl cert 2.x", "webserver", "web_server_ssl_cert", Option{Section: "api", Key: "ssl_cert"}},
		{"ssl key 3.x", "api", "ssl_key", Option{Section: "api", Key: "ssl_key"}},
		{"fernet secret variant", "core", "fernet_key_secret", Option{Section: "core", Key: "fernet_key", Via: Secret}},
		{"broker secret variant", "celery", "broker_url_secret", Option{Section: "celery", Key: "broker_url", Via: Secret}},
		{"unknown option untouched", "core", "dags_folder", Option{Section: "core", Key: "dags_folder"}},
		{"bare suffix is a key", "core", "_cmd", Option{Section: "core", Key: "_cmd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeOption(tt.section, tt.key); got != tt.want {
				t.Errorf("NormalizeOption(%q, %q) = %+v, want %+v", tt.section, tt.key, got, tt.want)
			}
		})
	}
}

func TestOptionFromPath(t *testing.T) {
	tests := []struct {
		name string
		path []string
		want Option
		ok   bool
	}{
		{"mwaa terraform", []string{"resource", "aws_mwaa_environment", "this", "airflow_configuration_options", "core.fernet_key"}, Option{Section: "core", Key: "fernet_key"}, true},
		{"mwaa cloudformation", []string{"Resources", "Env", "Properties", "AirflowConfigurationOptions", "webserver.expose_config"}, Option{Section: "api", Key: "expose_config"}, true},
		{"mwaa options json", []string{"core.fernet_key"}, Option{Section: "core", Key: "fernet_key"}, true},
		{"helm config", []string{"config", "core", "fernet_key"}, Option{Section: "core", Key: "fernet_key"}, true},
		{"helm config moved key", []string{"config", "webserver", "secret_key"}, Option{Section: "api", Key: "secret_key"}, true},
		{"helm dedicated value", []string{"fernetKey"}, Option{Section: "core", Key: "fernet_key"}, true},
		{"helm webserverSecretKey", []string{"webserverSecretKey"}, Option{Section: "api", Key: "secret_key"}, true},
		{"compose environment", []string{"x-airflow-common", "environment", "AIRFLOW__CORE__FERNET_KEY"}, Option{Section: "core", Key: "fernet_key"}, true},
		{"dotenv", []string{"AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_CMD"}, Option{Section: "database", Key: "sql_alchemy_conn", Via: Cmd}, true},
		{"nested fernetKey is not the chart value", []string{"workers", "fernetKey"}, Option{}, false},
		{"dotted key not under mwaa options", []string{"metadata", "labels", "app.kubernetes.io"}, Option{}, false},
		{"empty path", nil, Option{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := OptionFromPath(tt.path)
			if got != tt.want || ok != tt.ok {
				t.Errorf("OptionFromPath(%q) = %+v, %v; want %+v, %v", tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseResourceEnv(t *testing.T) {
	tests := []struct {
		in   string
		kind Resource
		id   string
	}{
		{"AIRFLOW_CONN_MY_POSTGRES", Connection, "my_postgres"},
		{"AIRFLOW_VAR_API_TOKEN", Variable, "api_token"},
		{"AIRFLOW_CONN_", NoResource, ""},
		{"AIRFLOW__CORE__FERNET_KEY", NoResource, ""},
		{"MY_AIRFLOW_CONN_X", NoResource, ""},
	}
	for _, tt := range tests {
		if kind, id := ParseResourceEnv(tt.in); kind != tt.kind || id != tt.id {
			t.Errorf("ParseResourceEnv(%q) = %v %q, want %v %q", tt.in, kind, id, tt.kind, tt.id)
		}
	}
}

func TestOptionStrings(t *testing.T) {
	o := Option{Section: "core", Key: "fernet_key", Via: Cmd, Team: "team_a"}
	if got := o.EnvName(); got != "AIRFLOW__TEAM_A___CORE__FERNET_KEY_CMD" {
		t.Errorf("EnvName = %q", got)
	}
	if got := o.String(); got != "[core] fernet_key_cmd" {
		t.Errorf("String = %q", got)
	}
	if back, _ := ParseEnvName(o.EnvName()); back != o {
		t.Errorf("round trip = %+v", back)
	}
	if !(Option{Section: "api", Key: "secret_key"}).Is("webserver", "secret_key") {
		t.Error("Is does not compare canonical names")
	}
	if !IsSensitive("webserver", "secret_key") || IsSensitive("core", "dags_folder") {
		t.Error("IsSensitive wrong")
	}
}
