package airflow

import (
	"strings"
	"testing"
)

// FuzzParseEnvName checks that any name parses without panicking and that a parsed option
// renders back to a name that parses to the same option.
func FuzzParseEnvName(f *testing.F) {
	for _, s := range []string{"AIRFLOW__CORE__FERNET_KEY", "AIRFLOW__T___CORE__FERNET_KEY_CMD", "AIRFLOW__WEBSERVER__SECRET_KEY_SECRET",
		"AIRFLOW_CONN_X", "AIRFLOW__A____B", "airflow__kubernetes__x", "Airflow__ __0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		ParseResourceEnv(name)
		OptionFromPath(strings.Split(name, "."))
		o, ok := ParseEnvName(name)
		if !ok || !isASCII(name) {
			return
		}
		back, ok := ParseEnvName(o.EnvName())
		if !ok || back != o {
			t.Errorf("%q → %+v → %q → %+v, %v", name, o, o.EnvName(), back, ok)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
