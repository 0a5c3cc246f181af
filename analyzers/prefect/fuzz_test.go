package prefect

import (
	"strings"
	"testing"
)

// FuzzSettingFromEnv checks that names never panic and that canonical names are fixed points.
func FuzzSettingFromEnv(f *testing.F) {
	for _, s := range []string{"PREFECT_API_KEY", "PREFECT_ORION_DATABASE_CONNECTION_URL", "PREFECT_EVENTS_X", "prefect_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		SettingFromPath(strings.Split(name, "."))
		s, ok := SettingFromEnv(name)
		if !ok {
			return
		}
		if again, _ := SettingFromEnv(string(s)); again != s {
			t.Errorf("%q → %q → %q", name, s, again)
		}
	})
}
