package yaml

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	for _, name := range []string{"docker-compose.yaml", "deployment.yaml"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "analyzers", "yaml", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a: {{ x }}\n{{- if y }}\nb: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := source.NewFile("f.yaml", source.YAML, data)
		s, err := Parse(file)
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, s, len(data))
		s.Kind()
		for _, d := range s.Documents() {
			for _, p := range d.Pairs() {
				p.Value.Value()
			}
		}
	})
}
