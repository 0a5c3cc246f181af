package config

import "testing"

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"exclude: [\"legacy/**\"]\nfail-on: high\nrules:\n  invalid-suppression:\n    enabled: false\n",
		"rules: {x: {options: {a: [1, 2]}}}\n", "a: &x [*x]\n", "include: 3\n", "---\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse("c.yaml", data) // must not panic; errors are fine
	})
}
