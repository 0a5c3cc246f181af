package yaml

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, "../../testdata/analyzers/yaml/*.yaml",
		"a: {{ x }}\n{{- if y }}\nb: &a [*a]\n",
		"x: &x {a: 1}\ny:\n  <<: [*x, *x]\n  b: |\n    # t\n",
		"a: 1\n---\nb: [\n---\nc: \"q\n  r\"\n")
	sourcetest.AddSeeds(f, "../../testdata/analyzers/yaml/chart/templates/*.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(source.NewFile("templates/f.yaml", source.YAML, data))
		if err != nil {
			t.Fatal(err)
		}
		exercise(t, s)
	})
}
