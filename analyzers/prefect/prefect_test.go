package prefect

import (
	"os"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
)

func TestSettingFromEnv(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Setting
		ok   bool
	}{
		{"current name", "PREFECT_API_KEY", APIKey, true},
		{"lower case", "prefect_api_key", APIKey, true},
		{"legacy database url", "PREFECT_API_DATABASE_CONNECTION_URL", ServerDatabaseURL, true},
		{"prefect 2 orion database url", "PREFECT_ORION_DATABASE_CONNECTION_URL", ServerDatabaseURL, true},
		{"legacy database password via prefix", "PREFECT_API_DATABASE_PASSWORD", ServerDatabasePassword, true},
		{"legacy csrf", "PREFECT_SERVER_CSRF_PROTECTION_ENABLED", ServerCSRFProtection, true},
		{"current csrf", "PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED", ServerCSRFProtection, true},
		{"legacy cors", "PREFECT_SERVER_CORS_ALLOWED_ORIGINS", ServerCORSAllowedOrigins, true},
		{"client and server auth strings differ", "PREFECT_API_AUTH_STRING", APIAuthString, true},
		{"server auth string", "PREFECT_SERVER_API_AUTH_STRING", ServerAPIAuthString, true},
		{"orion prefix chain", "PREFECT_ORION_SERVICES_LATE_RUNS_ENABLED", "PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED", true},
		{"unknown setting kept", "PREFECT_SOMETHING_NEW", "PREFECT_SOMETHING_NEW", true},
		{"bare prefix", "PREFECT_", "", false},
		{"not prefect", "AIRFLOW__CORE__FERNET_KEY", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SettingFromEnv(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SettingFromEnv(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSettingFromPath(t *testing.T) {
	tests := []struct {
		name string
		path []string
		want Setting
		ok   bool
	}{
		{"prefect.toml table", []string{"api", "key"}, APIKey, true},
		{"nested table", []string{"server", "api", "auth_string"}, ServerAPIAuthString, true},
		{"database url", []string{"server", "database", "connection_url"}, ServerDatabaseURL, true},
		{"pyproject tool.prefect", []string{"tool", "prefect", "api", "tls_insecure_skip_verify"}, APITLSInsecureSkipVerify, true},
		{"profiles.toml key", []string{"profiles", "cloud", "PREFECT_API_KEY"}, APIKey, true},
		{"profiles.toml legacy key", []string{"profiles", "local", "PREFECT_API_DATABASE_CONNECTION_URL"}, ServerDatabaseURL, true},
		{"profiles.toml active", []string{"active"}, "PREFECT_ACTIVE", true},
		{"profiles table itself", []string{"profiles", "cloud", "other"}, "", false},
		{"array element", []string{"server", "api", "cors_allowed_origins", "[0]"}, "", false},
		{"empty", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SettingFromPath(tt.path)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SettingFromPath(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestPathOfKnownSettings(t *testing.T) {
	for s, p := range dottedPaths {
		parts := splitDots(p)
		if got, _ := SettingFromPath(parts); got != s {
			t.Errorf("path %q maps to %q, want %q", p, got, s)
		}
	}
	if ServerDatabaseURL.Path() != "server.database.connection_url" || Setting("PREFECT_X").Path() != "" {
		t.Error("Path wrong")
	}
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// TestTomlFixtures maps the toml front-end's entries of the shared fixtures to settings.
func TestTomlFixtures(t *testing.T) {
	want := map[string]Setting{
		"prefect.toml":  ServerAPIAuthString,
		"profiles.toml": APIKey,
	}
	for file, setting := range want {
		b, err := os.ReadFile("../../testdata/analyzers/toml/" + file)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := toml.Parse(source.NewFile(file, source.TOML, b))
		found := false
		for _, e := range doc.Entries() {
			if s, ok := SettingFromPath(e.Path); ok && s == setting {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no entry normalises to %s", file, setting)
		}
	}
}

func TestSettingFromHelmValue(t *testing.T) {
	s, gate, ok := SettingFromHelmValue([]string{"worker", "selfHostedServerApiConfig", "apiUrl"})
	if !ok || s != APIURL || gate != "" {
		t.Errorf("apiUrl: %q %q %v", s, gate, ok)
	}
	s, gate, ok = SettingFromHelmValue([]string{"worker", "selfHostedServerApiConfig", "basicAuth", "authString"})
	if !ok || s != APIAuthString || gate != "worker.selfHostedServerApiConfig.basicAuth.enabled" {
		t.Errorf("authString: %q %q %v", s, gate, ok)
	}
	if _, _, ok := SettingFromHelmValue([]string{"worker", "cloudApiConfig", "accountId"}); ok {
		t.Error("accountId is not a setting dagwarden judges")
	}
}
