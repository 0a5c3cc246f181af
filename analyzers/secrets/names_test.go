package secrets

import "testing"

func TestIsSecretName(t *testing.T) {
	for _, n := range []string{"password", "DB_PASSWORD", "api_key", "apiKey", "AWS_SECRET_ACCESS_KEY", "access_token",
		"fernetKey", "pass", "client_secret", "jwtSecret", "webserverSecretKey", "apiSecretKey", "secret_key", "POSTGRES_PASSWORD"} {
		if !IsSecretName(n) {
			t.Errorf("IsSecretName(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"token_count", "password_file", "secret_name", "key_id", "PASSWORD_CMD", "existingSecret",
		"passwordSecret", "sshSecret", "sshSecretKey", "passwordSecretKey", "postgres_password_secret", "access_key_key",
		"secret_scope", "existingSecretPasswordKey", "userSecretKey", "pass_through", "host"} {
		if IsSecretName(n) {
			t.Errorf("IsSecretName(%q) = true, want false", n)
		}
	}
}

func TestLooksLikeIdentifier(t *testing.T) {
	for _, s := range []string{"cron_schedule=", "test-s3-bucket-tagging-key", "TwitterAdsApiSourceConfig", "exploracao-db-1746"} {
		if !LooksLikeIdentifier(s) {
			t.Errorf("LooksLikeIdentifier(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Wrhy96_09iPcreqAS", "5FHq4fSZ85kK6g0n", "c867b1dd75e6490f99d1cd1c9252ef22", "Conexa.Inter25"} {
		if LooksLikeIdentifier(s) {
			t.Errorf("LooksLikeIdentifier(%q) = true, want false", s)
		}
	}
}
