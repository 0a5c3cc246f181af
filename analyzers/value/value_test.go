package value

import "testing"

func TestIsPlaceholder(t *testing.T) {
	for _, s := range []string{"", "  ", "<password>", "changeme", "CHANGE_ME", "your-token", "xxx", "xxxxxxxx",
		"***", "REDACTED", "dummy", "example", "{FERNET_KEY}", "pnu_xxxxxxxx", "password", "...", "[secret]"} {
		if !IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"airflow", "Sup3rS3cret!", "hunter2", "pnu_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8", "temporary_key", "admin"} {
		if IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = true, want false", s)
		}
	}
}

func TestClassifyString(t *testing.T) {
	tests := []struct {
		in       string
		kind     Kind
		ref, def string
	}{
		{"{{ var.value.token }}", Template, "", ""},
		{"{{ prefect.blocks.secret.x }}", Template, "", ""},
		{"${PASSWORD}", EnvRef, "PASSWORD", ""},
		{"$PASSWORD", EnvRef, "PASSWORD", ""},
		{"${_AIRFLOW_WWW_USER_PASSWORD:-airflow}", EnvRef, "_AIRFLOW_WWW_USER_PASSWORD", "airflow"},
		{"${X-fallback}", EnvRef, "X", "fallback"},
		{"prefix-{{ x }}", Literal, "", ""},
		{"hunter2", Literal, "", ""},
	}
	for _, tt := range tests {
		v := ClassifyString(tt.in, spanZero)
		if v.Kind != tt.kind || v.Ref != tt.ref {
			t.Errorf("ClassifyString(%q) = %v %q, want %v %q", tt.in, v.Kind, v.Ref, tt.kind, tt.ref)
		}
		got := ""
		if v.Default != nil {
			got = v.Default.Text
		}
		if got != tt.def {
			t.Errorf("ClassifyString(%q) default = %q, want %q", tt.in, got, tt.def)
		}
	}
}
